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

/** Entries and flows last reviewed more than 12 months before `now` (or never), oldest first. */
export function dueForReview(knowledge: Pick<KnowledgeBase, 'faq' | 'flows'>, now: Date): ReviewDue[] {
  const all: ReviewDue[] = [
    ...[...knowledge.faq.values()].map((e) => ({ kind: 'faq' as const, id: e.id, title: e.title, reviewed: e.reviewed ?? null })),
    ...[...knowledge.flows.values()].map((f) => ({ kind: 'flow' as const, id: f.id, title: f.title, reviewed: f.reviewed ?? null })),
  ];
  return all
    .filter((item) => item.reviewed === null || isDueForReview(item.reviewed, now))
    .sort((a, b) => compareCodeUnits(a.reviewed ?? '', b.reviewed ?? '') || compareCodeUnits(a.id, b.id));
}

/** Lint warnings (`file:line` of the `reviewed` field) for dated items that are due; `fileOf` finds each item's file. */
export async function reviewWarnings(due: readonly ReviewDue[], fileOf: (item: ReviewDue) => string | undefined): Promise<LintError[]> {
  const warnings: LintError[] = [];
  for (const item of due) {
    const file = fileOf(item);
    if (item.reviewed === null || file === undefined) continue;
    const { yaml } = await readYamlFile(file);
    warnings.push({
      file,
      line: yaml?.lineOf(['reviewed']) ?? 1,
      message: `reviewed: ${item.reviewed} is more than ${REVIEW_INTERVAL_MONTHS} months ago; check the claims against the sources and update the date`,
    });
  }
  return warnings;
}
