import type { DangerKind } from './danger-signals.ts';
import type { SmallTalkKind } from './small-talk.ts';

/** What a feedback button or comment is about: an FAQ entry, or a flow outcome (`<flowId>/<outcomeNodeId>`). */
export interface FeedbackTarget {
  kind: 'faq' | 'flow';
  id: string;
}

/**
 * Something worth counting that happened in one turn, as the (pure) router saw it. The analytics recorder adds who,
 * where and when, redacts text and stores it; the report reads it back.
 */
export type TurnEvent =
  | { type: 'question_asked'; text: string; topKind?: 'faq' | 'flow'; topId?: string; score?: number; confident: boolean; decision: 'answer' | 'suggest' | 'none' }
  | { type: 'no_answer'; text: string; outside?: string }
  /** A greeting, thanks, goodbye, "what can you do" … answered as small talk: not a question, so never "unanswered". */
  | { type: 'small_talk'; kind: SmallTalkKind }
  /** A message telling of violence or self-harm, answered with that danger's safety entry (112 first) whatever the search found. */
  | { type: 'safety_answer'; danger: DangerKind; id: string }
  | { type: 'did_you_mean_shown'; text: string; ids: string[] }
  | { type: 'did_you_mean_picked'; kind: 'faq' | 'flow'; id: string }
  | { type: 'flow_started'; flowId: string; nodeId: string }
  | { type: 'flow_step'; flowId: string; nodeId: string }
  | { type: 'flow_completed'; flowId: string; nodeId: string }
  | { type: 'flow_stopped'; flowId: string; nodeId: string }
  | { type: 'feedback'; vote: 'up' | 'down'; target: FeedbackTarget }
  | { type: 'feedback_comment'; target: FeedbackTarget; text: string };
