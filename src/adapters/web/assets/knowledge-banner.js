// The chat page's banner of a rejected knowledge reload: while the page is open it asks the knowledge status every few
// seconds, so a rejected save of the knowledge (or its fix) shows (or goes) without a reload.
'use strict';
(() => {
  const section = document.querySelector('section.chat');
  if (!section) return;
  const { locale } = section.dataset;
  const POLL_MS = 3000;

  /** Shows, replaces or removes the banner of a rejected knowledge reload (rendered and escaped by the server, see reload-banner.ts). */
  async function refreshBanner() {
    try {
      const query = new URLSearchParams({ lang: locale });
      const response = await fetch('/playground/api/knowledge-status?' + query.toString(), { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const { rejectedAt, banner } = await response.json();
      const main = document.getElementById('main');
      const shown = main.querySelector('.reload-banner');
      if ((shown ? shown.dataset.rejectedAt : null) === rejectedAt) return;
      if (shown) shown.remove();
      if (!rejectedAt) return;
      const template = document.createElement('template');
      template.innerHTML = banner;
      main.prepend(template.content);
    } catch {
      // The next poll tries again.
    }
  }

  async function poll() {
    await refreshBanner();
    setTimeout(poll, POLL_MS);
  }

  setTimeout(poll, POLL_MS);
})();
