import { createInterface } from 'node:readline';
import type { Bot } from '../core/bot.ts';
import type { Turn, TurnInput } from '../core/turn.ts';
import { ansiStyle, plainStyle, renderForTerminal } from '../adapters/console/render-terminal.ts';
import type { ChatOptions } from './cli-options.ts';
import { parseJsonChatLine } from './json-chat-input.ts';

/** Runs the terminal chat: readable text for people, or one JSON line per input with `--json`. */
export async function runChat(bot: Bot, options: ChatOptions, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const turnFor = (turnInput: TurnInput): Turn => ({
    channel: 'console',
    conversationId: options.conversationId,
    user: { id: options.userId, locale: options.locale },
    input: turnInput,
  });
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  if (options.json) {
    for await (const line of lines) {
      const reply = await bot.respond(turnFor(parseJsonChatLine(line)));
      output.write(`${JSON.stringify({ messages: reply.messages, flow: reply.flow })}\n`);
    }
    return;
  }
  const style = 'isTTY' in output && output.isTTY ? ansiStyle : plainStyle;
  let choiceIds: string[] = [];
  const show = async (turnInput: TurnInput) => {
    const rendering = renderForTerminal(await bot.handle(turnFor(turnInput)), style);
    choiceIds = rendering.choiceIds;
    output.write(`\n${rendering.text}\n\n> `);
  };
  await show({ kind: 'text', text: 'menu' });
  for await (const line of lines) {
    const picked = /^\s*(\d{1,2})\s*$/.exec(line);
    const choice = picked ? choiceIds[Number(picked[1]) - 1] : undefined;
    await show(choice ? { kind: 'action', actionId: choice } : { kind: 'text', text: line });
  }
  output.write('\n');
}
