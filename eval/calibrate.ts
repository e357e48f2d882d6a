/**
 * Calibrates the search decision (when to answer directly). Every setting of a threshold grid (the bar for short
 * questions, the lead over another topic and the out-of-field doubt) is scored by its utility on the question sets
 * folded into the knowledge (dev.yaml–dev5.yaml and dev7.yaml–dev30.yaml, each searched without its own questions,
 * pooled): a confident right answer +1, a confident wrong answer or a confident answer to an out-of-domain question
 * −cost, and by the targets it misses on those sets (three on each: ≥ 90% of in-domain questions answered directly,
 * ≥ 97% of those answers right, ≥ 95% of out-of-domain ones not answered). The setting chosen misses the fewest
 * targets and, among those, has the best utility; the setting in use is kept unless the choice misses fewer targets, or
 * as many and beats it by more than one question (noise). Prints the choice with its figures on every set; held-out
 * and dev6 only check. Usage: npx tsx eval/calibrate.ts [--cost N]
 */
import { join } from 'node:path';
import { flowsOfEntries, searchDocuments } from '../src/knowledge/knowledge-base.ts';
import { SearchIndex } from '../src/knowledge/search-index.ts';
import { DEFAULT_THRESHOLDS, type SearchThresholds } from '../src/knowledge/search-policy.ts';
import { pooledTally, tally, targetsMissed, thresholdGrid, utility, type CalibrationCase, type Tally } from './calibration.ts';
import { readHeldoutSet, withExistingLabels } from './heldout-set.ts';
import { FOLDED_SETS, FRESH_SET, loadKnowledgeParts, VALIDATION_SETS, withoutSet, type KnowledgeParts } from './knowledge-parts.ts';
import { TARGETS } from './targets.ts';

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
/** A setting's utility over the folded sets pooled, and how many of the decision's targets (three per set) it misses. */
const scored = (thresholds: SearchThresholds) => {
  const perSet = folded.map((cases) => tally(cases, thresholds, flowOfEntry));
  return { thresholds, utility: utility(pooledTally(perSet), cost), misses: perSet.reduce((sum, t) => sum + targetsMissed(t, TARGETS), 0) };
};
const grid = thresholdGrid(DEFAULT_THRESHOLDS).map(scored);
const best = [...grid].sort((a, b) => b.utility - a.utility)[0];
// fewest targets missed, then the best utility
const candidate = [...grid].sort((a, b) => a.misses - b.misses || b.utility - a.utility)[0];
// the setting in use stays unless the candidate misses fewer targets, or as few and beats it by more than one question
// (less is noise)
const inUse = scored(DEFAULT_THRESHOLDS);
const noise = 1 / pooled.length;
const chosen = candidate && (candidate.misses < inUse.misses || (candidate.misses === inUse.misses && candidate.utility - inUse.utility > noise)) ? candidate : inUse;

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');
const figures = (t: Tally) =>
  `top-1 ${pct(t.top1, t.inDomain)}, confident ${pct(t.right + t.wrong, t.inDomain)}, right ${pct(t.right, t.right + t.wrong)}, out-of-domain rejected ${pct(t.outOfDomain - t.falseAnswers, t.outOfDomain)}`;
const show = (t: SearchThresholds) => `confident ${t.confident}, shortQuery ${t.shortQuery}, perExtraTerm ${t.perExtraTerm}, floor ${t.confidentFloor}, margin ${t.margin}, outsideDoubt ${t.outsideDoubt}, outsideMargin ${t.outsideMargin}`;

console.log(`Calibration: ${pooled.length} questions of ${FOLDED_SETS.join(', ')}, each set searched without its own; a confident wrong answer costs ${cost}\n`);
console.log(`in use   ${show(inUse.thresholds)}: utility ${inUse.utility.toFixed(4)}, ${inUse.misses} targets missed`);
if (best) console.log(`best     ${show(best.thresholds)}: utility ${best.utility.toFixed(4)}, ${best.misses} targets missed`);
if (chosen) console.log(`chosen   ${show(chosen.thresholds)}: utility ${chosen.utility.toFixed(4)}, ${chosen.misses} targets missed (of answering ≥ ${TARGETS.confident * 100}% of in-domain questions, ≥ ${TARGETS.confidentPrecision * 100}% of them right, and rejecting ≥ ${TARGETS.outOfDomainRejected * 100}% of out-of-domain ones on each folded set: the fewest missed, then the best utility; the one in use unless it misses more, or as many and is beaten by more than ${noise.toFixed(4)})`);
console.log('\nOn each set (in use, best, chosen):');
for (const file of ['heldout.yaml', ...VALIDATION_SETS]) {
  const onlyExistingTopics = file === FRESH_SET;
  const cases = await casesOf(file, onlyExistingTopics);
  console.log(`${file}${onlyExistingTopics ? ' (topics that have an entry)' : ''}`);
  for (const t of [DEFAULT_THRESHOLDS, best?.thresholds, chosen?.thresholds]) if (t) console.log(`  ${figures(tally(cases, t, flowOfEntry))}`);
}
