import { describe, expect, it } from 'vitest';
import { withoutSet, type KnowledgeParts } from '../../eval/knowledge-parts.ts';
import type { FaqEntry } from '../../src/knowledge/faq-schema.ts';
import { Synonyms } from '../../src/knowledge/synonyms.ts';

const entry = (id: string, questions: string[], situations: string[] = []): FaqEntry =>
  ({ id, title: id, questions, situations, keywords: [], answer: 'A', sources: [], related: [], escalate: false });
const parts: KnowledgeParts = {
  entries: [entry('blokering', ['Må vi blokere en borger?', 'blokering af trolde'], ['en borger skriver det samme under alle vores opslag hver dag, må vi blokere'])],
  flows: [],
  synonyms: new Synonyms(),
  outside: [{ id: 'it-support', title: 'IT', hint: 'Spørg IT.', hint_en: 'Ask IT.', questions: ['printeren virker ikke', 'glemt kode'], keywords: [] }],
};

describe('a question set folded into the knowledge', () => {
  it('is measured on parts without its questions, whatever their case, æ/ø/å spelling or punctuation', () => {
    const set = {
      in_domain: [{ q: 'maa vi blokere en borger', id: 'blokering' }, { q: 'En borger skriver det samme under alle vores opslag hver dag – må vi blokere?', id: 'blokering' }],
      out_of_domain: [{ q: 'Printeren virker ikke!' }],
    };
    const without = withoutSet(parts, set);
    expect(without.entries[0]?.questions).toEqual(['blokering af trolde']);
    expect(without.entries[0]?.situations).toEqual([]);
    expect(without.outside[0]?.questions).toEqual(['glemt kode']);
    // the parts themselves are left as they were
    expect(parts.entries[0]?.questions).toHaveLength(2);
    expect(parts.outside[0]?.questions).toHaveLength(2);
  });
});
