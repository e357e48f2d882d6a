import type { Choice } from './message.ts';
import type { FeedbackTarget } from './turn-events.ts';

const PREFIX = 'fb:';

/** A parsed feedback button: the vote and what it is about. */
export interface FeedbackAction {
  vote: 'up' | 'down';
  target: FeedbackTarget;
}

/** The id of a feedback button: `fb:up:<kind>:<id>` or `fb:down:<kind>:<id>`. */
export function feedbackActionId(vote: 'up' | 'down', target: FeedbackTarget): string {
  return `${PREFIX}${vote}:${target.kind}:${target.id}`;
}

/** The 👍/👎 pair shown under an answer or flow outcome. */
export function feedbackChoices(target: FeedbackTarget): Choice[] {
  return [
    { id: feedbackActionId('up', target), label: '👍' },
    { id: feedbackActionId('down', target), label: '👎' },
  ];
}

/** The feedback target of a flow outcome. */
export function flowOutcomeTarget(flowId: string, nodeId: string): FeedbackTarget {
  return { kind: 'flow', id: `${flowId}/${nodeId}` };
}

/** Parses a feedback button id; undefined when `actionId` is not a well-formed one. */
export function parseFeedbackAction(actionId: string): FeedbackAction | undefined {
  const match = /^fb:(up|down):(faq|flow):([^\s:][^\s]{0,199})$/.exec(actionId);
  if (!match) return undefined;
  return { vote: match[1] as 'up' | 'down', target: { kind: match[2] as 'faq' | 'flow', id: match[3] as string } };
}
