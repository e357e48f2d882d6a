import { createInterface } from 'node:readline';
import type { Bot } from '../core/bot.ts';
import type { Turn, TurnInput } from '../core/turn.ts';
import type { Locale } from '../shared/locale.ts';
import { ansiStyle, plainStyle, renderForTerminal } from '../adapters/console/render-terminal.ts';
import type { ConversationMessenger } from '../escalation/conversation-messenger.ts';
import type { ChatOptions } from './cli-options.ts';
import { chatStrings } from './chat-strings.ts';
import { consoleMessenger } from './console-messenger.ts';
import { promptForm } from './form-prompt.ts';
import { parseJsonChatLine } from './json-chat-input.ts';

/**
 * Runs the terminal chat: readable text for people, or one JSON line per input with `--json`. With `register`, it adds
 * the terminal's messenger, so notifications (a consultant's reply …) are printed here and, in the readable chat, their
 * buttons can be pressed by number like a reply's.
 */
export async function runChat(
  bot: Bot,
  options: ChatOptions,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  register?: (messenger: ConversationMessenger) => void,
  /** Called once the chat is ready for notifications (after the greeting), to deliver what arrived while it was closed. */
  ready?: () => void,
): Promise<void> {
  const turnFor = (turnInput: TurnInput): Turn => ({
    channel: 'console',
    conversationId: options.conversationId,
    user: { id: options.userId, locale: options.locale },
    input: turnInput,
  });
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const style = 'isTTY' in output && output.isTTY ? ansiStyle : plainStyle;
  let choiceIds: string[] = [];
  register?.(
    consoleMessenger(options.conversationId, options.json, output, (messages) => {
      const rendering = renderForTerminal(messages, style);
      choiceIds = rendering.choiceIds;
      return rendering.text;
    }),
  );
  if (options.json) {
    ready?.();
    for await (const line of lines) {
      const reply = await bot.respond(turnFor(parseJsonChatLine(line)));
      output.write(`${JSON.stringify({ messages: reply.messages, flow: reply.flow })}\n`);
    }
    return;
  }
  const lineIterator = lines[Symbol.asyncIterator]();
  const readLine = async () => {
    const next = await lineIterator.next();
    return next.done ? undefined : next.value;
  };
  const show = async (turnInput: TurnInput) => {
    let messages = await bot.handle(turnFor(turnInput));
    for (;;) {
      const rendering = renderForTerminal(messages, style);
      choiceIds = rendering.choiceIds;
      const form = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'form' ? [b.form] : [])))[0];
      if (!form) {
        output.write(`\n${rendering.text}\n\n> `);
        return;
      }
      // A form is asked field by field and submitted as one form turn (invalid answers bring it back with errors).
      output.write(`\n${rendering.text}\n\n`);
      const answered = await promptForm(form, readLine, output, options.locale);
      if (answered.kind === 'ended') return;
      const next: TurnInput = answered.kind === 'cancel' ? { kind: 'text', text: 'stop' } : { kind: 'form', formId: form.id, values: answered.values };
      messages = await bot.handle(turnFor(next));
    }
  };
  // a conversation in the middle of a guide opens at that guide's step, so a typed number answers it; others at the menu
  const guide = await bot.guideInProgress(options.conversationId);
  await show({ kind: 'text', text: guide ? chatStrings(options.locale).resumeGuide : 'menu' });
  ready?.();
  for (let line = await readLine(); line !== undefined; line = await readLine()) {
    const picked = /^\s*(\d{1,2})\s*$/.exec(line);
    if (!picked) {
      await show({ kind: 'text', text: line });
      continue;
    }
    const number = Number(picked[1]);
    const choice = choiceIds[number - 1];
    // a number is a button press; one with no button behind it is answered here, not sent as a question
    if (choice) await show({ kind: 'action', actionId: choice });
    else output.write(`\n${noSuchButton(number, choiceIds.length, options.locale)}\n\n> `);
  }
  output.write('\n');
}

/** What the chat says to a typed number that no shown button has. */
function noSuchButton(number: number, buttons: number, locale: Locale): string {
  const s = chatStrings(locale);
  return buttons > 0 ? s.noSuchButton(number, buttons) : s.noButtons;
}
