// The playground chat: posts each input to /playground/api/turn and appends the server-rendered (escaped) reply.
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
  const { locale, you, bot, networkError } = section.dataset;
  let conversationId = newConversationId();
  let busy = false;

  function newConversationId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'pg' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
  }

  /** Appends server-rendered message HTML; the server escapes every text in it (see render-html.ts). */
  function showBot(htmlParts) {
    const div = entry('bot', bot);
    const template = document.createElement('template');
    template.innerHTML = htmlParts.join('');
    div.append(template.content);
    log.append(div);
    div.scrollIntoView({ block: 'nearest' });
    return div;
  }

  async function send(turnInput, echo, focusReply) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    log.setAttribute('aria-busy', 'true');
    status.textContent = '';
    if (echo) showUser(echo);
    try {
      const response = await fetch('/playground/api/turn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ conversationId, locale, input: turnInput }),
      });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const reply = await response.json();
      const div = showBot(reply.html);
      const first = div.querySelector('button, input, textarea, select');
      if (focusReply && first) first.focus();
      else if (focusReply) input.focus();
    } catch {
      status.textContent = networkError;
    } finally {
      busy = false;
      sendButton.disabled = false;
      log.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
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
    await send({ kind: 'action', actionId: button.dataset.choiceId }, button.textContent, true);
    // A reply that never came leaves the buttons usable for another try.
    if (status.textContent === networkError) useUpChoices(button, false);
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

  reset.addEventListener('click', () => {
    conversationId = newConversationId();
    log.replaceChildren();
    input.focus();
    send({ kind: 'text', text: 'menu' }, '', false);
  });

  send({ kind: 'text', text: 'menu' }, '', false);
})();
