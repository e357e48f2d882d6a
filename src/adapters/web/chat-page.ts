import type { Locale } from '../../shared/locale.ts';
import { escapeHtml } from './escape-html.ts';
import { webStringsFor } from './web-strings.ts';

/** The body of the chat page: intro, the live conversation log and the message form (driven by chat.js). */
export function chatPageBody(locale: Locale): string {
  const s = webStringsFor(locale);
  return `<h1>${escapeHtml(s.chatHeading)}</h1>
<p>${escapeHtml(s.chatIntro)}</p>
<noscript><p class="error">JavaScript is needed for the chat. / Chatten kræver JavaScript.</p></noscript>
<section class="chat" aria-labelledby="chat-log-label" data-locale="${locale}" data-you="${escapeHtml(s.you)}" data-bot="${escapeHtml(s.bot)}" data-notice="${escapeHtml(s.notice)}" data-network-error="${escapeHtml(s.networkError)}" data-replying="${escapeHtml(s.replying)}" data-earlier-notice="${escapeHtml(s.earlierNotice)}" data-earlier-notice-case="${escapeHtml(s.earlierNoticeCase)}" data-earlier-case-follows="${escapeHtml(s.earlierCaseFollows)}">
<h2 id="chat-log-label" class="visually-hidden">${escapeHtml(s.chatLogLabel)}</h2>
<div id="chat-log" class="chat-log" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="chat-log-label"></div>
<p id="chat-status" class="chat-status" role="status"></p>
<form id="chat-form" class="chat-form">
<label for="chat-input">${escapeHtml(s.inputLabel)}</label>
<div class="chat-input-row">
<textarea id="chat-input" name="text" rows="2" maxlength="4000" required placeholder="${escapeHtml(s.inputPlaceholder)}"></textarea>
<button type="submit" class="primary">${escapeHtml(s.send)}</button>
</div>
</form>
<button type="button" id="chat-reset" class="secondary">${escapeHtml(s.newConversation)}</button>
</section>`;
}
