// The playground chat: posts each input to /playground/api/turn and appends the server-rendered (escaped) reply.
// The conversation id is kept in localStorage, so a reload reads the conversation back from the server's history;
// while the page is open it polls that history for notifications (a consultant's reply, a case taken or closed).
// "Ny samtale" starts a new conversation id; a conversation it leaves with a consultant request still open is kept in
// localStorage too ("earlier"), and its notifications keep coming, marked as the earlier request's. A button in such an
// entry (the consultant's "Svar konsulenten") answers in that earlier conversation, never in the new one.
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
  const { locale, you, bot, notice, networkError, replying, earlierNotice, earlierNoticeCase, earlierCaseFollows } = section.dataset;
  const STORAGE_KEY = 'some-advisor:conversation';
  const EARLIER_KEY = 'some-advisor:earlier-conversations';
  const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
  /** Most conversations left by "Ny samtale" that the page keeps following (the newest ones). */
  const MAX_EARLIER = 5;
  const POLL_MS = 3000;
  /** A reply slower than this shows "… svarer" under the conversation. */
  const REPLYING_AFTER_MS = 400;
  let current = followedConversation(storedConversationId() || startConversation(), 0, false);
  let earlier = storedEarlier().filter((conversation) => conversation.id !== current.id);
  let busy = false;

  /**
   * A conversation the page shows: its id, the history position the page started from (`after`) and the last entry
   * shown; `earlier` when "Ny samtale" left it, with the number of the case its latest notification was about.
   */
  function followedConversation(id, after, isEarlier) {
    return { id, after, lastSeq: after, earlier: isEarlier, caseNumber: undefined };
  }

  /** The conversations the page polls: the current one, then the earlier ones, newest first. */
  function followed() {
    return [current, ...earlier];
  }

  function storedConversationId() {
    try {
      const id = localStorage.getItem(STORAGE_KEY);
      return id && ID_PATTERN.test(id) ? id : null;
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

  /** The earlier conversations kept in localStorage, each from the position the page left it at. */
  function storedEarlier() {
    try {
      const kept = JSON.parse(localStorage.getItem(EARLIER_KEY) || '[]');
      if (!Array.isArray(kept)) return [];
      const valid = kept.filter((saved) => saved && typeof saved.id === 'string' && ID_PATTERN.test(saved.id) && Number.isSafeInteger(saved.after) && saved.after >= 0);
      return valid.slice(0, MAX_EARLIER).map((saved) => followedConversation(saved.id, saved.after, true));
    } catch {
      return [];
    }
  }

  function storeEarlier() {
    try {
      localStorage.setItem(EARLIER_KEY, JSON.stringify(earlier.map((conversation) => ({ id: conversation.id, after: conversation.after }))));
    } catch {
      // Storage refused: the earlier conversations are followed until the page is closed.
    }
  }

  /** The conversation an entry of the log (or a control in it) belongs to. */
  function conversationOf(element) {
    const id = element ? element.closest('.entry').dataset.conversationId : current.id;
    return followed().find((conversation) => conversation.id === id) || current;
  }

  function entry(kind, speaker, conversation) {
    const div = document.createElement('div');
    div.className = 'entry entry-' + kind + (conversation.earlier ? ' entry-earlier' : '');
    div.dataset.conversationId = conversation.id;
    const name = document.createElement('p');
    name.className = 'speaker';
    name.textContent = speaker;
    div.append(name);
    return div;
  }

  function showUser(text, conversation) {
    const div = entry('user', you, conversation);
    const p = document.createElement('p');
    p.className = 'user-text';
    p.textContent = text;
    div.append(p);
    log.append(div);
    return p;
  }

  /** Who speaks in an entry: in an earlier conversation every reply and notice is marked as the earlier request's. */
  function botSpeaker(kind, conversation, caseNumber) {
    if (conversation.earlier) return caseNumber ? earlierNoticeCase.replace('{number}', caseNumber) : earlierNotice;
    return kind === 'notification' ? notice : bot;
  }

  /**
   * Appends server-rendered message HTML; the server escapes every text in it (see render-html.ts). `caseNumber` is
   * the case a notification names, or the one of the entry whose button or form was answered.
   */
  function showBot(htmlParts, kind, conversation, caseNumber) {
    if (conversation.earlier && caseNumber) conversation.caseNumber = caseNumber;
    const number = caseNumber || conversation.caseNumber;
    const div = entry(kind === 'notification' ? 'bot entry-notification' : 'bot', botSpeaker(kind, conversation, number), conversation);
    if (number) div.dataset.caseNumber = number;
    const template = document.createElement('template');
    template.innerHTML = htmlParts.join('');
    div.append(template.content);
    log.append(div);
    // a reply taller than most of the screen is shown from its start (its heading), never from its end
    div.scrollIntoView({ block: div.offsetHeight > window.innerHeight * 0.6 ? 'start' : 'nearest' });
    return div;
  }

  /** The entries of a conversation's history after the last one shown. */
  async function history(conversation) {
    const query = new URLSearchParams({ conversationId: conversation.id, after: String(conversation.lastSeq), lang: locale });
    const response = await fetch('/playground/api/history?' + query.toString(), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return (await response.json()).entries;
  }

  /** Shows a history entry not shown yet: any on load, only a notification later (turns are shown as they are sent). */
  function showEntry(item, conversation, everything) {
    if (item.seq <= conversation.lastSeq) return;
    conversation.lastSeq = item.seq;
    if (item.kind === 'user' && everything) showUser(item.text, conversation);
    else if (item.kind === 'notification' || (item.kind === 'bot' && everything)) showBot(item.html, item.kind, conversation, item.caseNumber);
  }

  async function poll() {
    for (const conversation of followed()) {
      try {
        if (busy) break;
        const entries = await history(conversation);
        // "Ny samtale" may have cleared the log meanwhile: what it left behind is shown from its new position
        if (!busy && followed().includes(conversation)) for (const item of entries) showEntry(item, conversation, false);
      } catch {
        // The next poll tries again.
      }
    }
    setTimeout(poll, POLL_MS);
  }

  function setStatus(text, pending) {
    status.textContent = text;
    status.classList.toggle('pending', pending);
  }

  /**
   * Sends one input to the conversation of the entry its `control` (a button or form) is in, the current one for a typed
   * text; resolves true when a reply came. A typed text that could not be sent goes back into the box.
   */
  async function send(turnInput, echo, { focusReply = false, silent = false, control } = {}) {
    if (busy) return false;
    const to = conversationOf(control);
    const answered = control ? control.closest('.entry').dataset.caseNumber : undefined;
    busy = true;
    sendButton.disabled = true;
    reset.disabled = true;
    log.setAttribute('aria-busy', 'true');
    setStatus('', false);
    const replyingTimer = setTimeout(() => setStatus(replying, true), REPLYING_AFTER_MS);
    const echoed = echo ? showUser(echo, to) : null;
    try {
      const response = await fetch('/playground/api/turn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ conversationId: to.id, locale, input: turnInput, ...(silent ? { silent: true } : {}) }),
      });
      // 429 (this address sends too much) carries the polite "wait a moment" as a reply to show.
      if (!response.ok && response.status !== 429) throw new Error('HTTP ' + response.status);
      const reply = await response.json();
      // the typed text as the server keeps it: personal numbers and addresses masked on screen too
      if (echoed && turnInput.kind === 'text' && typeof reply.said === 'string') echoed.textContent = reply.said;
      clearTimeout(replyingTimer);
      setStatus('', false);
      const div = showBot(reply.html, 'bot', to, answered);
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
    return send({ kind: 'text', text: 'menu' }, '', { silent: true });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    // while a reply is on its way the text stays in the box (Enter would otherwise clear it unsent)
    if (!text || busy) return;
    input.value = '';
    send({ kind: 'text', text }, text);
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
    if (!(await send({ kind: 'action', actionId: button.dataset.choiceId }, button.textContent, { focusReply: true, control: button }))) useUpChoices(button, false);
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
    send({ kind: 'form', formId: botForm.dataset.formId, values }, submit ? submit.textContent : '', { focusReply: true, control: botForm });
  });

  /**
   * After a reload only the newest reply's buttons and form in each conversation (and those of notifications after it)
   * stay usable, as they were before the reload; the history does not know which older buttons were used or forms sent.
   */
  function retireOldButtons() {
    for (const conversation of followed()) {
      const replies = Array.from(log.querySelectorAll('.entry-bot:not(.entry-notification)')).filter((div) => div.dataset.conversationId === conversation.id);
      for (const reply of replies.slice(0, -1)) {
        for (const control of reply.querySelectorAll('button[data-choice-id], form.bot-form input, form.bot-form textarea, form.bot-form select, form.bot-form button')) control.disabled = true;
      }
    }
  }

  /** The number of a consultant request from a conversation that is still open, null when none is, undefined when it cannot be told. */
  async function openCase(id) {
    try {
      const query = new URLSearchParams({ conversationId: id });
      const response = await fetch('/playground/api/open-case?' + query.toString(), { headers: { Accept: 'application/json' } });
      return response.ok ? (await response.json()).number : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Where following a conversation "Ny samtale" leaves starts: after what it has shown (turns are shown as they are
   * sent, not counted), but before a notification that came since the last poll.
   */
  async function leftAt(conversation) {
    try {
      const entries = await history(conversation);
      const unseen = entries.find((item) => item.kind === 'notification');
      return unseen ? unseen.seq - 1 : entries.length > 0 ? entries[entries.length - 1].seq : conversation.lastSeq;
    } catch {
      return conversation.lastSeq;
    }
  }

  reset.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    reset.disabled = true;
    // a conversation left with a request still open (or that cannot be told) is followed on, from what is shown now
    const left = followed();
    const [open, positions] = await Promise.all([Promise.all(left.map((conversation) => openCase(conversation.id))), Promise.all(left.map(leftAt))]);
    earlier = left
      .map((conversation, i) => followedConversation(conversation.id, positions[i], true))
      .filter((_, i) => open[i] !== null)
      .slice(0, MAX_EARLIER);
    storeEarlier();
    current = followedConversation(startConversation(), 0, false);
    log.replaceChildren();
    busy = false;
    reset.disabled = false;
    input.focus();
    if ((await greet()) && open[0]) setStatus(earlierCaseFollows.replace('{number}', open[0]), false);
  });

  /** Reads back every followed conversation, its entries shown in the order they were written (the current one's first at a tie). */
  async function load() {
    const read = await Promise.all(followed().map((conversation) => history(conversation).then((entries) => entries.map((item) => ({ item, conversation })), () => [])));
    const inOrder = read.flat().sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : 0));
    for (const { item, conversation } of inOrder) showEntry(item, conversation, true);
    retireOldButtons();
    // nothing of the current conversation to read back: start it as a new page would
    if (read[0].length === 0) await greet();
    setTimeout(poll, POLL_MS);
  }

  load();
})();
