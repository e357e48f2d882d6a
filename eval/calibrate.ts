/**
 * Calibrates the search decision (when to answer directly). Every setting of a threshold grid (the bar for short
 * questions and the lead over another topic) is scored by its utility on eval/dev.yaml and on the entries' own
 * questions, cross-validated (each searched in an index built without it), the two averaged: a confident right answer
 * +1, a confident wrong answer or a confident answer to an out-of-domain question −cost. The setting chosen is the best
 * that meets the targets on each validation set dev2–dev5 (≥ 90% of in-domain questions answered directly, ≥ 95% of
 * out-of-domain ones not): their aggregates choose among settings, their questions are never looked at. The setting in
 * use is kept when it meets them and the best beats it by no more than one question of the smaller source (noise).
 * Prints the choice with its figures on every set. Usage: npx tsx eval/calibrate.ts [--cost N]
 */
import { join } from 'node:path';
import { loadFlowEngine } from '../src/dialogs/load-flow-engine.ts';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';
import { loadFaq } from '../src/knowledge/faq-loader.ts';
import { flowsOfEntries, searchDocuments } from '../src/knowledge/knowledge-base.ts';
import { loadOutside } from '../src/knowledge/outside-loader.ts';
import { SearchIndex } from '../src/knowledge/search-index.ts';
import { DEFAULT_THRESHOLDS, type SearchThresholds } from '../src/knowledge/search-policy.ts';
import { loadSynonyms } from '../src/knowledge/synonyms-loader.ts';
import { crossValidatedCases, tally, thresholdGrid, utility, type CalibrationCase, type Tally } from './calibration.ts';
import { readHeldoutSet, withExistingLabels } from './heldout-set.ts';

const FOLDS = 5;
/** The targets on each validation set: in-domain questions answered directly, out-of-domain ones not. */
const CONFIDENT_TARGET = 0.9;
const REJECTED_TARGET = 0.95;
/** Hits ranked per question, as the knowledge base ranks them (5 shown + room for the out-of-scope areas). */
const RANKED = 18;
const costAt = process.argv.indexOf('--cost');
const cost = costAt >= 0 ? Number(process.argv[costAt + 1]) : 2;

const dir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
const { entries } = await loadFaq(join(dir, 'faq'));
const { summaries: flows } = await loadFlowEngine(join(dir, 'flows'));
const { synonyms } = await loadSynonyms(join(dir, 'synonyms.yaml'));
const { areas: outside } = await loadOutside(join(dir, 'outside.yaml'));
const flowOfEntry = flowsOfEntries(entries);
const ranker = (faq: readonly FaqEntry[]) => {
  const index = new SearchIndex(searchDocuments(faq, flows, outside), synonyms);
  return (q: string) => index.rank(q, RANKED);
};
const full = ranker(entries);
const casesOf = async (file: string, onlyExistingTopics = false): Promise<CalibrationCase[]> => {
  const read = await readHeldoutSet(join('eval', file));
  const set = onlyExistingTopics ? withExistingLabels(read, new Map(entries.map((e) => [e.id, e]))) : read;
  return [...set.in_domain.map(({ q, id }) => ({ ranked: full(q), label: id as string | null })), ...set.out_of_domain.map(({ q }) => ({ ranked: full(q), label: null }))];
};

// the two sources weigh the same: the cross-validated questions are more, and harder than real ones
const crossValidated = crossValidatedCases(entries, FOLDS, ranker);
const dev = await casesOf('dev.yaml');
const score = (t: SearchThresholds) => (utility(tally(crossValidated, t, flowOfEntry), cost) + utility(tally(dev, t, flowOfEntry), cost)) / 2;
const ranked = thresholdGrid(DEFAULT_THRESHOLDS)
  .map((thresholds) => ({ thresholds, utility: score(thresholds) }))
  .sort((a, b) => b.utility - a.utility);
const validation = await Promise.all(['dev2.yaml', 'dev3.yaml', 'dev4.yaml', 'dev5.yaml'].map((file) => casesOf(file)));
const meetsTargets = (t: SearchThresholds) =>
  validation.every((cases) => {
    const counted = tally(cases, t, flowOfEntry);
    return counted.right + counted.wrong >= CONFIDENT_TARGET * counted.inDomain && counted.outOfDomain - counted.falseAnswers >= REJECTED_TARGET * counted.outOfDomain;
  });
const bestMeetingTargets = ranked.find(({ thresholds }) => meetsTargets(thresholds));
// the setting in use stays unless another beats it by more than one question of the smaller source: less is noise
const inUse = { thresholds: DEFAULT_THRESHOLDS, utility: score(DEFAULT_THRESHOLDS) };
const noise = 1 / (2 * Math.min(crossValidated.length, dev.length));
const chosen = bestMeetingTargets && meetsTargets(DEFAULT_THRESHOLDS) && bestMeetingTargets.utility - inUse.utility <= noise ? inUse : bestMeetingTargets;

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');
const figures = (t: Tally) =>
  `top-1 ${pct(t.top1, t.inDomain)}, confident ${pct(t.right + t.wrong, t.inDomain)}, right ${pct(t.right, t.right + t.wrong)}, out-of-domain rejected ${pct(t.outOfDomain - t.falseAnswers, t.outOfDomain)}`;
const show = (t: SearchThresholds) => `confident ${t.confident}, shortQuery ${t.shortQuery}, perExtraTerm ${t.perExtraTerm}, floor ${t.confidentFloor}, margin ${t.margin}`;

console.log(`Calibration: ${crossValidated.length} entry questions (${FOLDS} folds) and ${dev.length} dev.yaml questions; a confident wrong answer costs ${cost}\n`);
console.log(`in use   ${show(DEFAULT_THRESHOLDS)}: utility ${score(DEFAULT_THRESHOLDS).toFixed(4)}`);
const best = ranked[0];
if (best) console.log(`best     ${show(best.thresholds)}: utility ${best.utility.toFixed(4)}`);
if (chosen) console.log(`chosen   ${show(chosen.thresholds)}: utility ${chosen.utility.toFixed(4)} (the best that answers ≥ ${CONFIDENT_TARGET * 100}% of in-domain and rejects ≥ ${REJECTED_TARGET * 100}% of out-of-domain questions on each of dev2–dev5; the one in use unless beaten by more than ${noise.toFixed(4)})`);
console.log('\nOn each set (in use, best, chosen):');
for (const [file, onlyExistingTopics] of [['dev.yaml', false], ['heldout.yaml', false], ['dev2.yaml', false], ['dev3.yaml', false], ['dev4.yaml', false], ['dev5.yaml', false], ['dev6.yaml', true]] as const) {
  const cases = await casesOf(file, onlyExistingTopics);
  console.log(`${file}${onlyExistingTopics ? ' (topics that have an entry)' : ''}`);
  for (const t of [DEFAULT_THRESHOLDS, best?.thresholds, chosen?.thresholds]) if (t) console.log(`  ${figures(tally(cases, t, flowOfEntry))}`);
}
