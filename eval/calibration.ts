import type { RankedSearch } from '../src/knowledge/search-index.ts';
import { decide, type SearchThresholds } from '../src/knowledge/search-policy.ts';
import type { Targets } from './targets.ts';

/** One searched question: its ranking and the entry it should find (null: out of domain). */
export interface CalibrationCase {
  ranked: RankedSearch;
  label: string | null;
}

/** How a threshold setting decides a set of cases. */
export interface Tally {
  inDomain: number;
  outOfDomain: number;
  top1: number;
  /** Confident answers whose top entry is the labelled one, and those whose top entry is another. */
  right: number;
  wrong: number;
  /** Out-of-domain questions answered confidently. */
  falseAnswers: number;
}

/** Decides every case with `thresholds` and counts the outcomes. */
export function tally(cases: readonly CalibrationCase[], thresholds: SearchThresholds, flowOfEntry: ReadonlyMap<string, string>): Tally {
  const t: Tally = { inDomain: 0, outOfDomain: 0, top1: 0, right: 0, wrong: 0, falseAnswers: 0 };
  for (const { ranked, label } of cases) {
    const outcome = decide(ranked, thresholds, flowOfEntry);
    if (label === null) {
      t.outOfDomain++;
      if (outcome.confident) t.falseAnswers++;
      continue;
    }
    const top = outcome.results.find((h) => h.kind === 'faq')?.id;
    t.inDomain++;
    if (top === label) t.top1++;
    if (outcome.confident) t[top === label ? 'right' : 'wrong']++;
  }
  return t;
}

/**
 * Utility per question: a confident right answer +1, a confident wrong answer or a confident answer to an
 * out-of-domain question −cost, "Mente du …?" or nothing 0.
 */
export function utility(t: Tally, cost: number): number {
  const questions = t.inDomain + t.outOfDomain;
  return questions > 0 ? (t.right - cost * (t.wrong + t.falseAnswers)) / questions : 0;
}

/** The tallies of several sets as one (their cases pooled). */
export function pooledTally(tallies: readonly Tally[]): Tally {
  const t: Tally = { inDomain: 0, outOfDomain: 0, top1: 0, right: 0, wrong: 0, falseAnswers: 0 };
  for (const one of tallies) for (const key of Object.keys(t) as (keyof Tally)[]) t[key] += one[key];
  return t;
}

/** The targets that the decision sets (not top-1 and top-3, which the ranking alone sets). */
export type DecisionTargets = Pick<Targets, 'confident' | 'confidentPrecision' | 'outOfDomainRejected'>;

/** How many of the decision's targets (0–3) a set's tally misses. */
export function targetsMissed(t: Tally, targets: DecisionTargets): number {
  const answered = t.right + t.wrong;
  const met = [answered >= targets.confident * t.inDomain, t.right >= targets.confidentPrecision * answered, t.outOfDomain - t.falseAnswers >= targets.outOfDomainRejected * t.outOfDomain];
  return met.filter((m) => !m).length;
}

const steps = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/**
 * The threshold settings calibration compares: `base` with the bar for short questions (`confident`), the lead over
 * another topic (`margin`) and the out-of-scope probability that still allows an answer (`outsideDoubt`, 1: any)
 * varied; how the bar falls for long questions stays as in `base` (fewer knobs, less room to fit the sets that
 * choose among them).
 */
export function thresholdGrid(base: SearchThresholds): SearchThresholds[] {
  return steps(0.2, 0.46, 0.02).flatMap((confident) =>
    steps(0.02, 0.14, 0.01).flatMap((margin) => [...steps(0.25, 0.6, 0.05), 1].map((outsideDoubt) => ({ ...base, confident, margin, outsideDoubt }))),
  );
}
