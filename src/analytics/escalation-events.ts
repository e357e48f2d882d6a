import type { CaseChangeObserver } from '../escalation/case-service.ts';
import { redact } from '../core/redact.ts';
import type { AnalyticsRecorder } from './analytics-recorder.ts';

/**
 * Records escalation_created / escalation_claimed / escalation_resolved events: case number, redacted topic,
 * platform, the requester's pseudonym and, for a claim, the minutes since the case was opened.
 */
export function escalationEvents(recorder: Pick<AnalyticsRecorder, 'record'>): CaseChangeObserver {
  return (change, view) => {
    const { requester, topic } = view.payload;
    const opened = view.case.createdAt.getTime();
    const last = view.payload.history.at(-1);
    const at = change === 'created' ? view.case.createdAt : last ? new Date(last.at) : new Date();
    recorder.record((pseudonymise) => [
      {
        type: `escalation_${change}`,
        at,
        payload: {
          case: view.case.number,
          topic: redact(topic),
          platform: requester.platform,
          user: pseudonymise(`user:${requester.platform}:${requester.userId}`),
          ...(change === 'claimed' ? { minutesToClaim: Math.round(((at.getTime() - opened) / 60_000) * 10) / 10 } : {}),
        },
      },
    ]);
  };
}
