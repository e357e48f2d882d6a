import type { Locale } from '../shared/locale.ts';
import type { Logger } from 'pino';
import { stringsFor } from '../i18n/strings.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { StoreUnavailableError, type Store } from '../store/store.ts';
import { updateConversation } from '../store/update-conversation.ts';
import { textMessage } from './answers.ts';
import type { ConversationState, TranscriptEntry } from '../shared/conversation-state.ts';
import type { FlowRunner } from './flow-runner.ts';
import type { Message } from './message.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { redactPersonalData } from './redact.ts';
import type { EscalationHandler } from './router-deps.ts';
import { routeTurn } from './router.ts';
import type { RoutedTurn } from './routed-turn.ts';
import { guideAtQuestion } from './paused-flows.ts';
import { sanitiseTurn, storableText } from './sanitise-input.ts';
import { clip, describeInput, rememberOffered } from './transcript.ts';
import type { Turn } from './turn.ts';

/** Longest text read whole (defined with the rest of the input rules; exported here for the adapters). */
export { MAX_INPUT_CHARS } from './sanitise-input.ts';
const TRANSCRIPT_TURNS = 20;
/** Longest bot reply kept in the transcript: the consultant needs its gist (the answer's title and start), not all of it. */
const TRANSCRIPT_BOT_CHARS = 300;

/** The reply to a turn, with where the conversation now stands in a flow (for the JSON chat protocol). */
export interface BotReply {
  messages: Message[];
  flow: { id: string; node: string; outcome: boolean } | null;
  /** The user's input as the transcript tells it (redacted; a button's label, a form's summary); absent when nothing was stored. */
  said?: string;
}

/** Observes handled turns (analytics plugs in here); must not throw. */
export type TurnObserver = (turn: Turn, routed: RoutedTurn) => void;

/** What the bot is built from; everything is injected by the composition root. */
export interface BotDeps {
  /** The live knowledge base (a function so a reload takes effect on the next turn). */
  knowledge: () => KnowledgeBase;
  flows: () => FlowRunner;
  store: Store;
  escalation: EscalationHandler;
  logger: Logger;
  observers?: TurnObserver[];
  /** Turns per user per minute (Slack, Teams, playground); a user over the limit gets a polite "slow down", nothing is stored. */
  limiter?: RateLimiter;
}

/** The neutral bot pipeline: Turn in, Messages out; knows nothing about Slack or Teams. */
export class Bot {
  constructor(private readonly deps: BotDeps) {}

  /** Handles one turn and returns the messages to send. */
  async handle(turn: Turn): Promise<Message[]> {
    return (await this.respond(turn)).messages;
  }

  private readonly inFlight = new Set<Promise<BotReply>>();

  /** Handles one turn and also reports the conversation's flow position afterwards. */
  async respond(turn: Turn): Promise<BotReply> {
    const work = this.answer(turn);
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** Resolves once every turn in progress has been answered (graceful shutdown waits for this). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * True when the conversation waits at a guide's question (the guide running, or paused while something else was
   * shown), so a chat that opens again can show that step instead of the menu; false when the store cannot tell.
   */
  async guideInProgress(conversationId: string): Promise<boolean> {
    try {
      const state = (await this.deps.store.loadConversation(storableText(conversationId)))?.value;
      return state !== undefined && guideAtQuestion(state) !== undefined;
    } catch (error) {
      this.deps.logger.warn({ err: error, conversation: conversationId }, 'conversation state not read; the chat opens with the menu');
      return false;
    }
  }

  /**
   * The title of the guide or answer a `flow:`/`faq:` button opens, or the label of an escalation button posted outside a
   * turn ("Svar konsulenten" under a consultant's message), for transcripts of buttons not offered in the last replies.
   */
  private titleOf(actionId: string, locale: Locale): string | undefined {
    const knowledge = this.deps.knowledge();
    if (actionId.startsWith('flow:')) return knowledge.flows.get(actionId.slice(5))?.title;
    if (actionId.startsWith('faq:')) return knowledge.faq.get(actionId.slice(4))?.title;
    return this.deps.escalation.label?.(actionId, locale);
  }

  private async answer(turn: Turn): Promise<BotReply> {
    // The terminal is the operator's own (and `chat --json` is the scripting protocol), so it is not limited.
    if (this.deps.limiter && turn.channel !== 'console' && !this.deps.limiter.allow(`${turn.channel}:${turn.user.id}`)) {
      this.deps.logger.warn({ conversation: turn.conversationId, channel: turn.channel }, 'rate limit reached; turn answered with "slow down"');
      return { messages: [textMessage(stringsFor(turn.user.locale).rateLimited)], flow: null };
    }
    const { turn: safeTurn, warnings } = sanitiseTurn(turn);
    try {
      const update = await updateConversation(this.deps.store, safeTurn.conversationId, (state) => {
        const routed = routeTurn(safeTurn, state, {
          knowledge: this.deps.knowledge(),
          flows: this.deps.flows(),
          escalation: this.deps.escalation,
        });
        const messages = [...warnings, ...routed.messages];
        const said = describeInput(safeTurn.input, state.offered, turn.user.locale, (id) => this.titleOf(id, turn.user.locale));
        replaceState(state, remember(routed.state, safeTurn, routed.untold ? undefined : said, messages, routed.keepChoices ?? false));
        return { routed, messages, said: said.text };
      });
      const { routed } = update.result;
      // Only the winning routing attempt's effect runs, so a retried turn never opens a case twice.
      const messages = routed.effect ? [...update.result.messages, ...(await routed.effect())] : update.result.messages;
      this.deps.logger.debug(
        { conversation: turn.conversationId, channel: turn.channel, input: turn.input.kind, messages: messages.length },
        'turn handled',
      );
      for (const observe of this.deps.observers ?? []) observe(safeTurn, routed);
      const next = update.state;
      const flow = next.flow ? { id: next.flow.flowId, node: next.flow.nodeId, outcome: Boolean(next.flowOutcome) } : null;
      return { messages, flow, said: update.result.said };
    } catch (error) {
      const s = stringsFor(turn.user.locale);
      if (error instanceof StoreUnavailableError) {
        this.deps.logger.error({ err: error, conversation: turn.conversationId }, 'store unavailable; turn not handled');
        return { messages: [textMessage(s.storeUnavailable)], flow: null };
      }
      this.deps.logger.error({ err: error, conversation: turn.conversationId }, 'turn failed');
      return { messages: [textMessage(s.internalError)], flow: null };
    }
  }
}

/**
 * Records the offered choices (or keeps the previous ones), their labels, and a short redacted transcript in the state;
 * a turn that tells a consultant nothing (`said` undefined) stays out of the transcript.
 */
function remember(state: ConversationState, turn: Turn, said: Pick<TranscriptEntry, 'text' | 'kind'> | undefined, messages: Message[], keepChoices: boolean): ConversationState {
  const at = new Date().toISOString();
  const told: TranscriptEntry[] = said
    ? [{ at, from: 'user' as const, ...said }, ...messages.map((m) => ({ at, from: 'bot' as const, text: clip(redactPersonalData(m.fallback).text, TRANSCRIPT_BOT_CHARS) }))]
    : [];
  const transcript: TranscriptEntry[] = [...state.transcript, ...told].slice(-TRANSCRIPT_TURNS);
  const activeChoices = keepChoices ? state.activeChoices : messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])));
  return { ...state, locale: turn.user.locale, activeChoices, transcript, offered: rememberOffered(state.offered, messages) };
}

/** Makes `target` hold exactly the fields of `source` (the store helper saves the object it handed out). */
function replaceState(target: ConversationState, source: ConversationState): void {
  for (const key of Object.keys(target) as (keyof ConversationState)[]) delete target[key];
  Object.assign(target, source);
}
