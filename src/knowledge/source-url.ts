/** Why a front-page source is rejected, and what to write instead. */
export const FRONT_PAGE_SOURCE = "is a site's front page; link to the document the claim comes from (its own address), or drop the source";

/** Whether a source URL is a site's front page (path `/` or empty) rather than the document itself. */
export function isFrontPage(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname === '' || pathname === '/';
}
