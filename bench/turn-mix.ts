import type { Message } from '../src/core/message.ts';
import type { TurnInput } from '../src/core/turn.ts';

/** The menu command, in Danish as most users type it. */
const MENU = 'menu';

/**
 * A realistic mix of inputs for one conversation: a question, the menu, then up to three button presses on whatever
 * the bot offered (which walks a guided flow), then the next question. Deterministic for a given question list.
 */
export class TurnMix {
  private step = 0;
  private next = 0;

  constructor(private readonly questions: readonly string[], offset = 0) {
    this.next = offset;
  }

  /** The next input, given the bot's last reply (its offered choices are pressed). */
  input(lastReply: readonly Message[]): TurnInput {
    const phase = this.step % 5;
    this.step += 1;
    const choice = firstChoice(lastReply);
    if (phase === 1) return { kind: 'text', text: MENU };
    if (phase >= 2 && choice) return { kind: 'action', actionId: choice };
    return { kind: 'text', text: this.question() };
  }

  /** The next question of the list (cycling); for text-only channels. */
  question(): string {
    const q = this.questions[this.next % this.questions.length] ?? MENU;
    this.next += 1;
    return q;
  }
}

/** The id of the first choice offered in a reply, if any. */
function firstChoice(reply: readonly Message[]): string | undefined {
  for (const message of reply) {
    for (const block of message.blocks) if (block.type === 'choices' && block.choices[0]) return block.choices[0].id;
  }
  return undefined;
}
