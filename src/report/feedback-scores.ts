import type { AnalyticsEvent } from '../store/records.ts';
import { field } from './counting.ts';
import type { FeedbackScore } from './report-types.ts';

const MAX_COMMENTS = 5;

/**
 * Votes and comments per answer or flow outcome; the worst first (most 👎 over 👍), only those with a 👎. A user who
 * votes on the same answer again changes their vote rather than adding one.
 */
export function worstFeedback(events: readonly AnalyticsEvent[], titleOf: (kind: 'faq' | 'flow', id: string) => string): FeedbackScore[] {
  const scores = new Map<string, FeedbackScore>();
  const scoreOf = (payload: Record<string, unknown>): FeedbackScore | undefined => {
    const target = payload.target as { kind?: unknown; id?: unknown } | undefined;
    if (!target || (target.kind !== 'faq' && target.kind !== 'flow') || typeof target.id !== 'string') return undefined;
    const key = `${target.kind}:${target.id}`;
    const existing = scores.get(key);
    if (existing) return existing;
    const created: FeedbackScore = { kind: target.kind, id: target.id, title: titleOf(target.kind, target.id), up: 0, down: 0, comments: [] };
    scores.set(key, created);
    return created;
  };
  const votes = new Map<string, { score: FeedbackScore; vote: unknown }>();
  for (const event of events) {
    if (event.type === 'feedback') {
      const score = scoreOf(event.payload);
      if (score) votes.set(`${score.kind}:${score.id}|${field(event.payload, 'user') ?? event.id}`, { score, vote: event.payload.vote });
    } else if (event.type === 'feedback_comment') {
      const score = scoreOf(event.payload);
      const text = field(event.payload, 'text');
      if (score && text && score.comments.length < MAX_COMMENTS) score.comments.push(text);
    }
  }
  for (const { score, vote } of votes.values()) {
    if (vote === 'up') score.up++;
    if (vote === 'down') score.down++;
  }
  return [...scores.values()]
    .filter((s) => s.down > 0)
    .sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || a.id.localeCompare(b.id));
}
