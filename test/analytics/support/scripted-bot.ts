import { createAnalyticsRecorder, type AnalyticsRecorder } from '../../../src/analytics/analytics-recorder.ts';
import { pseudonymiser } from '../../../src/analytics/pseudonym.ts';
import { Bot, type BotReply } from '../../../src/core/bot.ts';
import { contactEntryEscalation } from '../../support/contact-entry-escalation.ts';
import type { Choice, Message } from '../../../src/core/message.ts';
import type { Channel, TurnInput } from '../../../src/core/turn.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import type { Store } from '../../../src/store/store.ts';

/** The real knowledge folder, loaded once per test file. */
export const loaded = await loadKnowledge('knowledge', loadFlowEngine);

/** The secret the scripted conversations pseudonymise with. */
export const TEST_SECRET = 'test-secret-0123456789abcdef';

/** A clock the test moves by hand. */
export interface TestClock {
  now: Date;
  advance(minutes: number): void;
}

/** A clock starting at `iso`. */
export function testClock(iso: string): TestClock {
  const clock = {
    now: new Date(iso),
    advance(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  return clock;
}

/** The real Bot over `store`, with the analytics recorder as its observer. */
export function scriptedBot(store: Store, clock: TestClock): { bot: Bot; recorder: AnalyticsRecorder } {
  const hash = pseudonymiser(TEST_SECRET);
  const recorder = createAnalyticsRecorder(store, async () => hash, silentLogger(), () => clock.now);
  const knowledge = () => loaded.knowledge;
  const bot = new Bot({
    knowledge,
    flows: () => loaded.flows,
    store,
    escalation: contactEntryEscalation(knowledge),
    logger: silentLogger(),
    observers: [recorder.observe],
  });
  return { bot, recorder };
}

/** One user in one conversation on one platform. */
export function person(bot: Bot, userId: string, channel: Channel = 'console', conversationId = `${channel}:${userId}`) {
  const send = (input: TurnInput): Promise<BotReply> => bot.respond({ channel, conversationId, user: { id: userId, locale: 'da' }, input });
  return {
    say: (text: string) => send({ kind: 'text', text }),
    press: (actionId: string) => send({ kind: 'action', actionId }),
  };
}

/** Every choice offered by a reply. */
export function choicesOf(messages: Message[]): Choice[] {
  return messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])));
}

/** Walks a flow by pressing the first answer button at each question until an outcome (or `maxSteps`). */
export async function walkFlow(who: ReturnType<typeof person>, flowId: string, maxSteps = 20): Promise<BotReply> {
  let reply = await who.press(`flow:${flowId}`);
  for (let i = 0; i < maxSteps && reply.flow && !reply.flow.outcome; i++) {
    const next = choicesOf(reply.messages).find((c) => c.id.startsWith('step:'));
    if (!next) break;
    reply = await who.press(next.id);
  }
  return reply;
}
