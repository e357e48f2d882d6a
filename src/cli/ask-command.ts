import type { Bot } from '../core/bot.ts';
import { renderForTerminal, ansiStyle, plainStyle } from '../adapters/console/render-terminal.ts';
import type { ChatOptions } from './cli-options.ts';

/** Answers one question and prints the reply (readable text, or the JSON chat line with `--json`). */
export async function runAsk(bot: Bot, question: string, options: ChatOptions, output: NodeJS.WritableStream): Promise<void> {
  const reply = await bot.respond({
    channel: 'console',
    conversationId: options.conversationId,
    user: { id: options.userId, locale: options.locale },
    input: { kind: 'text', text: question },
  });
  if (options.json) {
    output.write(`${JSON.stringify({ messages: reply.messages, flow: reply.flow })}\n`);
    return;
  }
  const style = 'isTTY' in output && output.isTTY ? ansiStyle : plainStyle;
  output.write(`${renderForTerminal(reply.messages, style).text}\n`);
}
