import type { EscalationCase } from '../store/records.ts';
import { countLabels, median } from './counting.ts';
import type { EscalationStats } from './report-types.ts';

/** When a case was claimed, from its payload's history (written by src/escalation); undefined when it was not. */
function claimedAt(stored: EscalationCase): Date | undefined {
  const history = stored.payload.history;
  if (!Array.isArray(history)) return undefined;
  const entry = history.find((h): h is { status: string; at: string } => typeof h === 'object' && h !== null && (h as { status?: unknown }).status === 'claimed');
  const at = entry && typeof entry.at === 'string' ? new Date(entry.at) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/** Cases per topic and the median time from opening to claim, read from the stored cases. */
export function escalationStats(cases: readonly EscalationCase[]): EscalationStats {
  const minutesToClaim = cases.flatMap((c) => {
    const at = claimedAt(c);
    return at ? [(at.getTime() - c.createdAt.getTime()) / 60_000] : [];
  });
  const topicOf = (c: EscalationCase): string => (typeof c.payload.topic === 'string' && c.payload.topic.trim() ? c.payload.topic.trim() : '(uden emne)');
  return {
    total: cases.length,
    claimed: cases.filter((c) => c.status !== 'new').length,
    resolved: cases.filter((c) => c.status === 'resolved').length,
    perTopic: countLabels(cases.map(topicOf)),
    medianMinutesToClaim: median(minutesToClaim),
  };
}
