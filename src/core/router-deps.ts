import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import type { FlowRunner } from './flow-runner.ts';
import type { Message } from './message.ts';
import type { RoutedTurn } from './routed-turn.ts';
import type { Turn } from './turn.ts';

/** Everything the router needs; all of it is injected. */
export interface RouterDeps {
  knowledge: KnowledgeBase;
  flows: FlowRunner;
  /** The consultant request (global command, button, form); the escalation module plugs in here. */
  escalation: EscalationHandler;
}

/** Handles requests for a human consultant and the forms they use. */
export interface EscalationHandler {
  /** Starts a request (shows the form or, before escalation exists, how to reach a consultant). */
  request(turn: Turn, state: ConversationState): RoutedTurn;
  /** Handles a submitted form; undefined when the form id is not one of its forms. */
  submit(turn: Turn, formId: string, values: Record<string, string | boolean>, state: ConversationState): RoutedTurn | undefined;
  /** Handles a button of its own (e.g. "Svar konsulenten" under a consultant's reply); undefined when the id is not one of its. */
  action?(turn: Turn, actionId: string, state: ConversationState): RoutedTurn | undefined;
  /** The label of a button of its own that was posted outside a turn (for the transcript), or undefined. */
  label?(actionId: string, locale: Locale): string | undefined;
  /** What to say when the user cancels one of its forms ("annuller"); undefined for the general "nothing was sent". */
  cancelled?(formId: string, locale: Locale): Message | undefined;
}
