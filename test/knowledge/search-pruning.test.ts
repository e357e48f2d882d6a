import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateEntries } from '../../bench/generate-entries.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadFaq } from '../../src/knowledge/faq-loader.ts';
import { searchDocuments } from '../../src/knowledge/knowledge-base.ts';
import { loadOutside } from '../../src/knowledge/outside-loader.ts';
import { SearchIndex } from '../../src/knowledge/search-index.ts';
import { loadSynonyms } from '../../src/knowledge/synonyms-loader.ts';

const knowledgeDir = join(import.meta.dirname, '..', '..', 'knowledge');
const { entries } = await loadFaq(join(knowledgeDir, 'faq'));
const { summaries } = await loadFlowEngine(join(knowledgeDir, 'flows'));
const { synonyms } = await loadSynonyms(join(knowledgeDir, 'synonyms.yaml'));
const { areas } = await loadOutside(join(knowledgeDir, 'outside.yaml'));
// generated variants of the real entries: many near-equal scores, where a loose bound or a wrong tie would show
const index = new SearchIndex(searchDocuments(generateEntries(entries, 400), summaries, areas), synonyms);
const words = [...new Set(entries.flatMap((e) => [e.title, ...e.questions, ...e.keywords].join(' ').split(/\s+/)))];
/** More than there are documents: every candidate is scored, nothing is pruned. */
const ALL = 100_000;

const query = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => `${w.slice(0, -1)}x`), fc.stringMatching(/^[a-zæøå]{2,9}$/)), { minLength: 1, maxLength: 9 })
  .map((ws) => ws.join(' '));

describe('pruned ranking', () => {
  it('returns the first hits of the unpruned ranking, ids, order and scores', () => {
    fc.assert(
      fc.property(query, fc.constantFrom(1, 3, 5, 8), (q, limit) => {
        expect(index.rank(q, limit).hits).toEqual(index.rank(q, ALL).hits.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });
});
