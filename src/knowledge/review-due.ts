import type { KnowledgeBase } from './knowledge-base.ts';
import type { LintError } from './lint-error.ts';
import { readYamlFile } from './yaml-file.ts';
import { compareCodeUnits } from '../shared/compare-code-units.ts';

/** Claims are due for review when they were last checked against their sources more than this many months ago. */
export const REVIEW_INTERVAL_MONTHS = 12;

/** Lint message for an entry or flow without a `reviewed` date. */
export const REVIEWED_MISSING = 'reviewed: missing; add "reviewed: YYYY-MM-DD", the day the claims were last checked against the sources';

/** An FAQ entry or flow whose claims are due for review; `reviewed` is null when it has no date. */
export interface ReviewDue {
  kind: 'faq' | 'flow';
  id: string;
  title: string;
  reviewed: string | null;
}

/** The day `REVIEW_INTERVAL_MONTHS` calendar months before `now` (UTC), as YYYY-MM-DD: dates before it are due. */
export function reviewCutoff(now: Date): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - REVIEW_INTERVAL_MONTHS, now.getUTCDate()));
  return cutoff.toISOString().slice(0, 10);
}

/** Whether content last reviewed on `reviewed` (YYYY-MM-DD) is more than 12 months old on `now`. */
export function isDueForReview(reviewed: string, now: Date): boolean {
  return reviewed < reviewCutoff(now);
}

/** Every entry and flow with its `reviewed` date. */
function reviewedItems(knowledge: Pick<KnowledgeBase, 'faq' | 'flows'>): ReviewDue[] {
  return [
    ...[...knowledge.faq.values()].map((e) => ({ kind: 'faq' as const, id: e.id, title: e.title, reviewed: e.reviewed ?? null })),
    ...[...knowledge.flows.values()].map((f) => ({ kind: 'flow' as const, id: f.id, title: f.title, reviewed: f.reviewed ?? null })),
  ];
}

/** Entries and flows last reviewed more than 12 months before `now` (or never), oldest first. */
export function dueForReview(knowledge: Pick<KnowledgeBase, 'faq' | 'flows'>, now: Date): ReviewDue[] {
  return reviewedItems(knowledge)
    .filter((item) => item.reviewed === null || isDueForReview(item.reviewed, now))
    .sort((a, b) => compareCodeUnits(a.reviewed ?? '', b.reviewed ?? '') || compareCodeUnits(a.id, b.id));
}

/** Entries and flows whose `reviewed` date is after `now` (a slip of the year, or the month and day swapped). */
export function reviewedInFuture(knowledge: Pick<KnowledgeBase, 'faq' | 'flows'>, now: Date): ReviewDue[] {
  // a day of slack: it is already tomorrow in Denmark for the last hours of a UTC day
  const latest = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return reviewedItems(knowledge).filter((item) => item.reviewed !== null && item.reviewed > latest);
}

/** The lint warning for a `reviewed` date in the future (the item would not come up for review in time). */
export const reviewedFuture = (item: ReviewDue) => `reviewed: ${item.reviewed ?? ''} is after today; write the day the claims were last checked against the sources`;

/**
 * Lint problems (`file:line` of the `reviewed` field) for dated items — by default the warning that they are due;
 * `fileOf` finds each item's file.
 */
export async function reviewWarnings(
  due: readonly ReviewDue[],
  fileOf: (item: ReviewDue) => string | undefined,
  describe: (item: ReviewDue) => string = (item) => `reviewed: ${item.reviewed ?? ''} is more than ${REVIEW_INTERVAL_MONTHS} months ago; check the claims against the sources and update the date`,
): Promise<LintError[]> {
  const warnings: LintError[] = [];
  for (const item of due) {
    const file = fileOf(item);
    if (item.reviewed === null || file === undefined) continue;
    const { yaml } = await readYamlFile(file);
    warnings.push({
      file,
      line: yaml?.lineOf(['reviewed']) ?? 1,
      message: describe(item),
    });
  }
  return warnings;
}
