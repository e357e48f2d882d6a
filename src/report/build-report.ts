import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { dueForReview, type ReviewDue } from '../knowledge/review-due.ts';
import type { AnalyticsEvent, EscalationCase } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { countLabels, field, isoWeek } from './counting.ts';
import { escalationStats } from './escalation-stats.ts';
import { worstFeedback } from './feedback-scores.ts';
import { flowFunnels } from './flow-funnels.ts';
import type { EntryCount, Report } from './report-types.ts';
import { stepLookup, stepTexts, type FlowPrompts } from './step-texts.ts';
import { groupSuggested } from './suggested-groups.ts';
import { groupUnanswered } from './unanswered-groups.ts';

const TOP_ENTRIES = 10;

/** What the report reads from the knowledge base: names (ids stand in for what is no longer there) and what is due for review. */
export interface ReportKnowledge {
  faq(id: string): string;
  flow(id: string): string;
  outside(id: string): string;
  /** The question a guide's step asks (Danish); undefined when the report was not given the guide's definition. */
  step(flowId: string, nodeId: string): string | undefined;
  /** Entries and flows last checked against their sources more than 12 months before `now`, oldest first. */
  dueForReview(now: Date): ReviewDue[];
}

/** The report's view of the loaded knowledge base, and of the guides' definitions (the flow engine's) for their steps' questions. */
export function reportKnowledge(knowledge: KnowledgeBase, flows: readonly FlowPrompts[] = []): ReportKnowledge {
  return {
    faq: (id) => knowledge.faq.get(id)?.title ?? id,
    flow: (id) => knowledge.flows.get(id)?.title ?? id,
    outside: (id) => knowledge.outside.get(id)?.title ?? id,
    step: stepLookup(stepTexts(flows)),
    dueForReview: (now) => dueForReview(knowledge, now),
  };
}

/** Computes the report from events and cases already limited to the period. Pure. */
export function buildReport(events: readonly AnalyticsEvent[], cases: readonly EscalationCase[], titles: ReportKnowledge, now: Date, since?: Date): Report {
  const of = (type: string) => events.filter((e) => e.type === type);
  const questions = of('question_asked');
  const decided = (decision: string) => questions.filter((q) => q.payload.decision === decision).length;
  const answeredBy = countLabels(questions.filter((q) => q.payload.decision === 'answer' && field(q.payload, 'topId')).map((q) => `${field(q.payload, 'topKind') ?? 'faq'}:${field(q.payload, 'topId')}`));
  const topEntries: EntryCount[] = answeredBy.slice(0, TOP_ENTRIES).map(({ label, count }) => {
    const [kind, id] = label.split(/:(.*)/s) as ['faq' | 'flow', string];
    return { kind, id, title: kind === 'flow' ? titles.flow(id) : titles.faq(id), count };
  });
  const noAnswers = of('no_answer');
  // a question an out-of-scope area turned away is counted under its area, not among the candidates for new entries
  const turnedAway = noAnswers.filter((e) => field(e.payload, 'outside') !== undefined);
  const unanswered = noAnswers.filter((e) => field(e.payload, 'outside') === undefined);
  const outcomeTitle = (kind: 'faq' | 'flow', id: string): string => {
    if (kind === 'faq') return titles.faq(id);
    const [flowId = id, nodeId] = id.split('/');
    return nodeId ? `${titles.flow(flowId)} → ${nodeId}` : titles.flow(flowId);
  };
  return {
    generatedAt: now.toISOString(),
    since: since ? since.toISOString() : null,
    questions: {
      total: questions.length,
      answered: decided('answer'),
      suggested: decided('suggest'),
      unanswered: decided('none'),
      outside: turnedAway.length,
      perWeek: countLabels(questions.map((q) => isoWeek(q.at))).sort((a, b) => a.label.localeCompare(b.label)),
      perPlatform: countLabels(questions.map((q) => field(q.payload, 'platform') ?? 'unknown')),
    },
    didYouMean: { shown: of('did_you_mean_shown').length, picked: of('did_you_mean_picked').length },
    topEntries,
    unansweredGroups: groupUnanswered(unanswered.flatMap((e) => field(e.payload, 'text') ?? [])),
    suggestedGroups: groupSuggested(events, (kind, id) => (kind === 'flow' ? titles.flow(id) : titles.faq(id))),
    outsideAreas: countLabels(turnedAway.flatMap((e) => field(e.payload, 'outside') ?? [])).map(({ label, count }) => ({ id: label, title: titles.outside(label), count })),
    worstFeedback: worstFeedback(events, outcomeTitle),
    flows: flowFunnels(events, now, titles),
    escalations: escalationStats(cases),
    dueForReview: titles.dueForReview(now),
  };
}

/** Reads the period's events and cases from the store and builds the report. */
export async function loadReport(store: Store, titles: ReportKnowledge, now: Date = new Date(), since?: Date): Promise<Report> {
  const events = await store.listAnalyticsEvents(since ? { since } : {});
  const cases = (await store.listCases()).filter((c) => !since || c.createdAt >= since);
  return buildReport(events, cases, titles, now, since);
}
