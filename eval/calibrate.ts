/**
 * Calibrates the search decision (when to answer directly). Every setting of a threshold grid (the bar for short
 * questions, the lead over another topic and the out-of-field doubt) is scored by its utility on the question sets
 * folded into the knowledge (dev.yaml–dev5.yaml and dev7.yaml–dev20.yaml, each searched without its own questions,
 * pooled): a confident right answer +1, a confident wrong answer or a confident answer to an out-of-domain question
 * −cost. The setting chosen is the best that meets the targets on each of those sets (≥ 90% of in-domain questions
 * answered directly, ≥ 95% of out-of-domain ones not), or the best when none does. The setting in use is kept when the best beats it by no more than one question
 * (noise). Prints the choice with its figures on every set; held-out and dev6 only check. Usage: npx tsx
 * eval/calibrate.ts [--cost N]
 */
import { join } from 'node:path';
import { flowsOfEntries, searchDocuments } from '../src/knowledge/knowledge-base.ts';
import { SearchIndex } from '../src/knowledge/search-index.ts';
import { DEFAULT_THRESHOLDS, type SearchThresholds } from '../src/knowledge/search-policy.ts';
import { tally, thresholdGrid, utility, type CalibrationCase, type Tally } from './calibration.ts';
import { readHeldoutSet, withExistingLabels } from './heldout-set.ts';
import { FOLDED_SETS, FRESH_SET, loadKnowledgeParts, VALIDATION_SETS, withoutSet, type KnowledgeParts } from './knowledge-parts.ts';

/** The targets on each validation set: in-domain questions answered directly, out-of-domain ones not. */
const CONFIDENT_TARGET = 0.9;
const REJECTED_TARGET = 0.95;
/** Hits ranked per question, as the knowledge base ranks them (5 shown + room for the out-of-scope areas). */
const RANKED = 18;
const costAt = process.argv.indexOf('--cost');
const cost = costAt >= 0 ? Number(process.argv[costAt + 1]) : 2;

const parts = await loadKnowledgeParts(process.env.KNOWLEDGE_DIR ?? 'knowledge');
const flowOfEntry = flowsOfEntries(parts.entries);
const ranker = (p: KnowledgeParts) => {
  const index = new SearchIndex(searchDocuments(p.entries, p.flows, p.outside), p.synonyms);
  return (q: string) => index.rank(q, RANKED);
};
const full = ranker(parts);
/** A set's questions ranked: a folded set by a search built without its own questions, any other by the full one. */
const casesOf = async (file: string, onlyExistingTopics = false): Promise<CalibrationCase[]> => {
  const read = await readHeldoutSet(join('eval', file));
  const set = onlyExistingTopics ? withExistingLabels(read, new Map(parts.entries.map((e) => [e.id, e]))) : read;
  const rank = FOLDED_SETS.includes(file) ? ranker(withoutSet(parts, set)) : full;
  return [...set.in_domain.map(({ q, id }) => ({ ranked: rank(q), label: id as string | null })), ...set.out_of_domain.map(({ q }) => ({ ranked: rank(q), label: null }))];
};

const folded = await Promise.all(FOLDED_SETS.map((file) => casesOf(file)));
const pooled = folded.flat();
const score = (t: SearchThresholds) => utility(tally(pooled, t, flowOfEntry), cost);
const ranked = thresholdGrid(DEFAULT_THRESHOLDS)
  .map((thresholds) => ({ thresholds, utility: score(thresholds) }))
  .sort((a, b) => b.utility - a.utility);
const meetsTargets = (t: SearchThresholds) =>
  folded.every((cases) => {
    const counted = tally(cases, t, flowOfEntry);
    return counted.right + counted.wrong >= CONFIDENT_TARGET * counted.inDomain && counted.outOfDomain - counted.falseAnswers >= REJECTED_TARGET * counted.outOfDomain;
  });
const best = ranked[0];
const candidate = ranked.find(({ thresholds }) => meetsTargets(thresholds)) ?? best;
// the setting in use stays unless the candidate beats it by more than one question: less is noise
const inUse = { thresholds: DEFAULT_THRESHOLDS, utility: score(DEFAULT_THRESHOLDS) };
const noise = 1 / pooled.length;
const candidateMeetsWhereInUseDoesNot = candidate !== undefined && meetsTargets(candidate.thresholds) && !meetsTargets(DEFAULT_THRESHOLDS);
const chosen = candidate && (candidate.utility - inUse.utility > noise || candidateMeetsWhereInUseDoesNot) ? candidate : inUse;

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');
const figures = (t: Tally) =>
  `top-1 ${pct(t.top1, t.inDomain)}, confident ${pct(t.right + t.wrong, t.inDomain)}, right ${pct(t.right, t.right + t.wrong)}, out-of-domain rejected ${pct(t.outOfDomain - t.falseAnswers, t.outOfDomain)}`;
const show = (t: SearchThresholds) => `confident ${t.confident}, shortQuery ${t.shortQuery}, perExtraTerm ${t.perExtraTerm}, floor ${t.confidentFloor}, margin ${t.margin}, outsideDoubt ${t.outsideDoubt}, outsideMargin ${t.outsideMargin}`;

console.log(`Calibration: ${pooled.length} questions of ${FOLDED_SETS.join(', ')}, each set searched without its own; a confident wrong answer costs ${cost}\n`);
console.log(`in use   ${show(DEFAULT_THRESHOLDS)}: utility ${score(DEFAULT_THRESHOLDS).toFixed(4)}`);
if (best) console.log(`best     ${show(best.thresholds)}: utility ${best.utility.toFixed(4)}`);
if (chosen) console.log(`chosen   ${show(chosen.thresholds)}: utility ${chosen.utility.toFixed(4)} (the best that answers ≥ ${CONFIDENT_TARGET * 100}% of in-domain and rejects ≥ ${REJECTED_TARGET * 100}% of out-of-domain questions on each folded set, else the best; the one in use unless beaten by more than ${noise.toFixed(4)})`);
console.log('\nOn each set (in use, best, chosen):');
for (const file of ['heldout.yaml', ...VALIDATION_SETS]) {
  const onlyExistingTopics = file === FRESH_SET;
  const cases = await casesOf(file, onlyExistingTopics);
  console.log(`${file}${onlyExistingTopics ? ' (topics that have an entry)' : ''}`);
  for (const t of [DEFAULT_THRESHOLDS, best?.thresholds, chosen?.thresholds]) if (t) console.log(`  ${figures(tally(cases, t, flowOfEntry))}`);
}
