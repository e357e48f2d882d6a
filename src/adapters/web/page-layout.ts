import type { Locale } from '../../shared/locale.ts';
import { escapeHtml } from './escape-html.ts';
import { webStringsFor } from './web-strings.ts';

/** The playground's pages, as named in the navigation. */
export type PlaygroundPage = 'chat' | 'guides' | 'search' | 'insights';

/** What one page is made of; `body` is already-escaped HTML for the <main> element. */
export interface PageParts {
  locale: Locale;
  page: PlaygroundPage;
  /** Set when the user chose a language with `?lang=`; kept in the navigation links. */
  chosenLocale?: Locale;
  body: string;
  /** Already-escaped HTML shown above the body: the rejected-reload banner, or empty. */
  banner: string;
  /** Script files under /playground/assets/ to load (deferred). */
  scripts: string[];
}

const PATHS: Record<PlaygroundPage, string> = { chat: '/', guides: '/guides', search: '/search', insights: '/insights' };

/** The URL of a playground page, keeping an explicitly chosen language. */
export function pageHref(page: PlaygroundPage, chosenLocale?: Locale): string {
  return chosenLocale ? `${PATHS[page]}?lang=${chosenLocale}` : PATHS[page];
}

/** Wraps a page body in the shared document: skip link, header with navigation, main landmark and footer. */
export function renderPage(parts: PageParts): string {
  const s = webStringsFor(parts.locale);
  const navItem = (page: PlaygroundPage, label: string) =>
    `<li><a href="${pageHref(page, parts.chosenLocale)}"${page === parts.page ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  const other: Locale = parts.locale === 'da' ? 'en' : 'da';
  const scripts = parts.scripts.map((src) => `<script src="/playground/assets/${src}" defer></script>`).join('');
  return `<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<link rel="stylesheet" href="/playground/assets/playground.css">
<link rel="icon" href="data:,">
${scripts}
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(s.skipToContent)}</a>
<header class="site-header">
<p class="brand">${escapeHtml(s.title)}</p>
<nav aria-label="${escapeHtml(s.navLabel)}"><ul>${navItem('chat', s.navChat)}${navItem('guides', s.navGuides)}${navItem('search', s.navSearch)}${navItem('insights', s.navInsights)}<li><a href="${pageHref(parts.page, other)}" lang="${other}" hreflang="${other}">${escapeHtml(s.switchLanguage)}</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
${parts.banner ? `${parts.banner}\n` : ''}${parts.body}
</main>
<footer class="site-footer"><p>${escapeHtml(s.footer)}</p></footer>
</body>
</html>
`;
}
