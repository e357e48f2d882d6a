import type { CaseView } from '../escalation/case-payload.ts';

/** A case as `cases list --json` prints it: number, status, urgency, who and what, and its notifications that are not sent. */
export function caseSummaryJson(view: CaseView) {
  const p = view.payload;
  const failing = view.deliveries.filter((d) => d.status !== 'sent').map((d) => d.notification);
  return {
    number: view.case.number,
    status: view.case.status,
    urgency: p.urgency,
    municipality: p.municipality,
    topic: p.topic,
    createdAt: view.case.createdAt.toISOString(),
    expectedBy: p.expectedBy,
    undelivered: failing,
    /** True when no consultant channel existed for the case: nobody has been told about it. */
    unrouted: p.routes?.length === 0,
  };
}

/** A case as `cases show|claim|resolve|reply --json` print it: the summary, the whole payload, deliveries and messages. */
export function caseDetailJson(view: CaseView) {
  return { ...caseSummaryJson(view), id: view.case.id, updatedAt: view.case.updatedAt.toISOString(), ...view.payload, deliveries: view.deliveries, messages: view.messages };
}
