import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readHeldoutSet } from '../../eval/heldout-set.ts';
import { FOLDED_SETS } from '../../eval/knowledge-parts.ts';
import { foldedPhrase } from '../../src/knowledge/danish-text.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const root = join(import.meta.dirname, '..', '..');
const { knowledge } = await loadKnowledge(join(root, 'knowledge'), loadFlowEngine);
const topics = parse(await readFile(join(root, 'test', 'fixtures', 'topics.yaml'), 'utf8')) as { topics: { examples?: string[] }[] };
/** What the search was built from: every entry's questions and situations, every out-of-scope area's questions, and every topic example. */
const known = new Set(
  [
    ...[...knowledge.faq.values()].flatMap((e) => [...e.questions, ...e.situations]),
    ...[...knowledge.outside.values()].flatMap((a) => a.questions),
    ...topics.topics.flatMap((t) => t.examples ?? []),
  ].map(foldedPhrase),
);
const setFiles = (await readdir(join(root, 'eval'))).filter((f) => f.endsWith('.yaml')).sort();

describe('evaluation question sets', () => {
  it('include the held-out set and the validation sets', () => {
    expect(setFiles).toEqual(['dev.yaml', 'dev10.yaml', 'dev11.yaml', 'dev12.yaml', 'dev13.yaml', 'dev14.yaml', 'dev15.yaml', 'dev16.yaml', 'dev17.yaml', 'dev18.yaml', 'dev19.yaml', 'dev2.yaml', 'dev20.yaml', 'dev21.yaml', 'dev22.yaml', 'dev23.yaml', 'dev24.yaml', 'dev25.yaml', 'dev26.yaml', 'dev27.yaml', 'dev28.yaml', 'dev29.yaml', 'dev3.yaml', 'dev30.yaml', 'dev4.yaml', 'dev5.yaml', 'dev6.yaml', 'dev7.yaml', 'dev8.yaml', 'dev9.yaml', 'heldout.yaml']);
  });

  it.each(setFiles)('%s labels every in-domain question with an existing entry', async (file) => {
    const set = await readHeldoutSet(join(root, 'eval', file));
    // only the labels are shown: a validation set's questions are not to be read while tuning the search
    const unknown = set.in_domain.filter(({ id }) => !knowledge.faq.has(id)).map(({ id }) => id);
    expect([...new Set(unknown)]).toEqual([]);
  });

  it.each(setFiles)('%s repeats no question', async (file) => {
    const set = await readHeldoutSet(join(root, 'eval', file));
    const questions = [...set.in_domain, ...set.out_of_domain].map(({ q }) => foldedPhrase(q));
    expect(new Set(questions).size).toBe(questions.length);
  });

  it.each(['heldout.yaml', 'dev6.yaml'])('%s shares no question with the knowledge or the topic examples', async (file) => {
    const set = await readHeldoutSet(join(root, 'eval', file));
    // only the count is shown: these sets are never read question by question
    expect([...set.in_domain, ...set.out_of_domain].filter(({ q }) => known.has(foldedPhrase(q))).length).toBe(0);
  });

  it.each(FOLDED_SETS)('%s is in the knowledge: its questions are how strangers asked, measured without them', async (file) => {
    const set = await readHeldoutSet(join(root, 'eval', file));
    const questions = [...set.in_domain, ...set.out_of_domain].map(({ q }) => foldedPhrase(q));
    // a few are left out: repeats of a held-out or dev6 question, and one out-of-domain question no area's hint fits
    expect(questions.filter((q) => known.has(q)).length).toBeGreaterThan(0.95 * questions.length);
  });
});
