// The playground chat: posts each input to /playground/api/turn and appends the server-rendered (escaped) reply.
// The conversation id is kept in localStorage, so a reload reads the conversation back from the server's history;
// while the page is open it polls that history for notifications (a consultant's reply, a case taken or closed), and
// the knowledge status, so a rejected save of the knowledge (or its fix) shows in a banner without a reload.
'use strict';
(() => {
  const section = document.querySelector('section.chat');
  if (!section) return;
  const log = document.getElementById('chat-log');
  const form = document.getElementById('chat-form');
  const input = document.getElementById('chat-input');
  const status = document.getElementById('chat-status');
  const reset = document.getElementById('chat-reset');
  const sendButton = form.querySelector('button[type="submit"]');
  const { locale, you, bot, notice, networkError, replying, leaveOpenCase } = section.dataset;
  const STORAGE_KEY = 'some-advisor:conversation';
  const POLL_MS = 3000;
  /** A reply slower than this shows "… svarer" under the conversation. */
  const REPLYING_AFTER_MS = 400;
  let conversationId = storedConversationId() || startConversation();
  let lastSeq = 0;
  let busy = false;

  function storedConversationId() {
    try {
      const id = localStorage.getItem(STORAGE_KEY);
      return id && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
    } catch {
      return null;
    }
  }

  function startConversation() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    const id = 'pg' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Storage refused (private mode): the conversation lasts until the page is closed.
    }
    return id;
  }

  function entry(kind, speaker) {
    const div = document.createElement('div');
    div.className = 'entry entry-' + kind;
    const name = document.createElement('p');
    name.className = 'speaker';
    name.textContent = speaker;
    div.append(name);
    return div;
  }

  function showUser(text) {
    const div = entry('user', you);
    const p = document.createElement('p');
    p.className = 'user-text';
    p.textContent = text;
    div.append(p);
    log.append(div);
    return p;
  }

  /** Appends server-rendered message HTML; the server escapes every text in it (see render-html.ts). */
  function showBot(htmlParts, kind) {
    const div = entry(kind === 'notification' ? 'bot entry-notification' : 'bot', kind === 'notification' ? notice : bot);
    const template = document.createElement('template');
    template.innerHTML = htmlParts.join('');
    div.append(template.content);
    log.append(div);
    // a reply taller than most of the screen is shown from its start (its heading), never from its end
    div.scrollIntoView({ block: div.offsetHeight > window.innerHeight * 0.6 ? 'start' : 'nearest' });
    return div;
  }

  async function history(after) {
    const query = new URLSearchParams({ conversationId, after: String(after), lang: locale });
    const response = await fetch('/playground/api/history?' + query.toString(), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return (await response.json()).entries;
  }

  /** Shows what the history holds after lastSeq: everything on load, only notifications later (turns are shown as they are sent). */
  function showEntries(entries, everything) {
    for (const item of entries) {
      if (item.seq <= lastSeq) continue;
      lastSeq = item.seq;
      if (item.kind === 'user' && everything) showUser(item.text);
      else if (item.kind === 'notification' || (item.kind === 'bot' && everything)) showBot(item.html, item.kind);
    }
  }

  /** Shows, replaces or removes the banner of a rejected knowledge reload (rendered and escaped by the server, see reload-banner.ts). */
  async function refreshBanner() {
    try {
      const query = new URLSearchParams({ lang: locale });
      const response = await fetch('/playground/api/knowledge-status?' + query.toString(), { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const { rejectedAt, banner } = await response.json();
      const main = document.getElementById('main');
      const current = main.querySelector('.reload-banner');
      if ((current ? current.dataset.rejectedAt : null) === rejectedAt) return;
      if (current) current.remove();
      if (!rejectedAt) return;
      const template = document.createElement('template');
      template.innerHTML = banner;
      main.prepend(template.content);
    } catch {
      // The next poll tries again.
    }
  }

  async function poll() {
    try {
      if (!busy) showEntries(await history(lastSeq), false);
    } catch {
      // The next poll tries again.
    }
    await refreshBanner();
    setTimeout(poll, POLL_MS);
  }

  function setStatus(text, pending) {
    status.textContent = text;
    status.classList.toggle('pending', pending);
  }

  /** Sends one input; resolves true when a reply came. A typed text that could not be sent goes back into the box. */
  async function send(turnInput, echo, focusReply, silent) {
    if (busy) return false;
    busy = true;
    sendButton.disabled = true;
    reset.disabled = true;
    log.setAttribute('aria-busy', 'true');
    setStatus('', false);
    const replyingTimer = setTimeout(() => setStatus(replying, true), REPLYING_AFTER_MS);
    const echoed = echo ? showUser(echo) : null;
    try {
      const response = await fetch('/playground/api/turn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ conversationId, locale, input: turnInput, ...(silent ? { silent: true } : {}) }),
      });
      // 429 (this address sends too much) carries the polite "wait a moment" as a reply to show.
      if (!response.ok && response.status !== 429) throw new Error('HTTP ' + response.status);
      const reply = await response.json();
      // the typed text as the server keeps it: personal numbers and addresses masked on screen too
      if (echoed && turnInput.kind === 'text' && typeof reply.said === 'string') echoed.textContent = reply.said;
      clearTimeout(replyingTimer);
      setStatus('', false);
      const div = showBot(reply.html, 'bot');
      // focus moves to the reply's first field with an error, else its first control, without scrolling away from its start
      const first = div.querySelector('.has-error input, .has-error textarea, .has-error select') || div.querySelector('button, input, textarea, select');
      if (focusReply && first) first.focus({ preventScroll: true });
      else if (focusReply) input.focus({ preventScroll: true });
      return true;
    } catch {
      clearTimeout(replyingTimer);
      setStatus(networkError, false);
      if (turnInput.kind === 'text' && echo && !input.value) input.value = echo;
      return false;
    } finally {
      busy = false;
      sendButton.disabled = false;
      reset.disabled = false;
      log.removeAttribute('aria-busy');
    }
  }

  function greet() {
    return send({ kind: 'text', text: 'menu' }, '', false, true);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    // while a reply is on its way the text stays in the box (Enter would otherwise clear it unsent)
    if (!text || busy) return;
    input.value = '';
    send({ kind: 'text', text }, text, false);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  /** After a click, the buttons of that group are used up: all disabled, the chosen one marked (as Slack and Teams replace them). */
  function useUpChoices(button, used) {
    const group = button.closest('.choices');
    for (const other of group ? group.querySelectorAll('button[data-choice-id]') : [button]) other.disabled = used;
    button.classList.toggle('chosen', used);
    if (used) button.setAttribute('aria-pressed', 'true');
    else button.removeAttribute('aria-pressed');
  }

  log.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-choice-id]') : null;
    if (!button || button.disabled || busy) return;
    useUpChoices(button, true);
    // A reply that never came leaves the buttons usable for another try.
    if (!(await send({ kind: 'action', actionId: button.dataset.choiceId }, button.textContent, true))) useUpChoices(button, false);
  });

  log.addEventListener('submit', (event) => {
    const botForm = event.target;
    if (!(botForm instanceof HTMLFormElement) || !botForm.dataset.formId) return;
    event.preventDefault();
    const values = {};
    for (const element of botForm.elements) {
      if (!element.name) continue;
      values[element.name] = element.type === 'checkbox' ? element.checked : element.value;
    }
    const submit = botForm.querySelector('button[type="submit"]');
    for (const element of botForm.elements) element.disabled = true;
    send({ kind: 'form', formId: botForm.dataset.formId, values }, submit ? submit.textContent : '', true);
  });

  /**
   * After a reload only the newest reply's buttons and form (and those of notifications after it) stay usable, as they
   * were before the reload; the history does not know which older buttons were used or forms sent.
   */
  function retireOldButtons() {
    const replies = Array.from(log.querySelectorAll('.entry-bot:not(.entry-notification)'));
    const newest = replies[replies.length - 1];
    for (const reply of replies) {
      if (reply === newest) continue;
      for (const control of reply.querySelectorAll('button[data-choice-id], form.bot-form input, form.bot-form textarea, form.bot-form select, form.bot-form button')) control.disabled = true;
    }
  }

  /** The number of a consultant request from this conversation that is still open, or null (also when it cannot be told). */
  async function openCase() {
    try {
      const query = new URLSearchParams({ conversationId });
      const response = await fetch('/playground/api/open-case?' + query.toString(), { headers: { Accept: 'application/json' } });
      return response.ok ? (await response.json()).number : null;
    } catch {
      return null;
    }
  }

  reset.addEventListener('click', async () => {
    // the consultant's answers come in this conversation: leaving it is asked first
    const open = await openCase();
    if (open && !window.confirm(leaveOpenCase.replace('{number}', open))) return;
    conversationId = startConversation();
    lastSeq = 0;
    log.replaceChildren();
    input.focus();
    greet();
  });

  (async () => {
    let kept = [];
    try {
      kept = await history(0);
    } catch {
      // No history to read back: start as a new page would.
    }
    if (kept.length > 0) {
      showEntries(kept, true);
      retireOldButtons();
    } else await greet();
    setTimeout(poll, POLL_MS);
  })();
})();
