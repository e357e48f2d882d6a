/** Why a front-page source is rejected, and what to write instead. */
export const FRONT_PAGE_SOURCE = "is a site's front page; link to the document the claim comes from (its own address), or drop the source";

/** A front page's path: empty or `/`, maybe a language (`/da/`) and an index page (`/forside`, `/index.html`). */
const FRONT_PAGE_PATH = /^(\/(da|dk|en|da-dk|en-gb|en-us))?(\/(index|default|forside|home|start|frontpage)(\.[a-z]+)?)?\/*$/i;

/** Whether a source URL is a site's front page (`/`, `/da/`, `/forside`, `/index.html` …) rather than the document itself. */
export function isFrontPage(url: string): boolean {
  return FRONT_PAGE_PATH.test(new URL(url).pathname);
}
