import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/shared/bounded-cache.ts';
import { parseMarkdown } from '../../src/core/markdown.ts';
import { findCprSpans, replaceSpans } from '../../src/core/cpr-numbers.ts';
import { findPhoneSpans } from '../../src/core/phone-numbers.ts';
import { redactPersonalData, type PersonalDataKind } from '../../src/core/redact.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { readHeldoutSet } from '../../eval/heldout-set.ts';

describe('the bounded cache', () => {
  it('drops the least recently used value when full', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('keeps nothing with room for none', () => {
    const cache = new BoundedCache<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('the parsed Markdown cache', () => {
  it('hands out the same frozen tree for the same text', () => {
    const markdown = 'Slet **kun** ulovligt indhold:\n\n- trusler\n- [personoplysninger](https://example.org)';
    const first = parseMarkdown(markdown);
    expect(parseMarkdown(markdown)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(() => (first[0] as { kind: string }).kind = 'list').toThrow(TypeError);
  });

  it('parses long texts every time, to the same tree', () => {
    const markdown = `${'Et langt afsnit. '.repeat(400)}\n\n- punkt`;
    expect(parseMarkdown(markdown)).not.toBe(parseMarkdown(markdown));
    expect(parseMarkdown(markdown)).toEqual(parseMarkdown(markdown));
  });
});

describe('the search result cache', async () => {
  const { knowledge } = await loadKnowledge('knowledge', loadFlowEngine);
  const entries = [...knowledge.faq.values()];
  const heldout = await readHeldoutSet('eval/heldout.yaml');
  const questions = [...heldout.in_domain, ...heldout.out_of_domain].map((x) => x.q).slice(0, 60);

  it('answers a repeated question as a fresh search does', () => {
    const cached = createKnowledgeBase(entries, [...knowledge.flows.values()]);
    const uncached = createKnowledgeBase(entries, [...knowledge.flows.values()], { cacheEntries: 0 });
    for (const q of [...questions, ...questions]) expect(cached.search(q)).toEqual(uncached.search(q));
    expect(cached.search(questions[0] ?? '', 2).results.length).toBeLessThanOrEqual(2);
  });

  it('gives each caller its own list', () => {
    const q = questions[0] ?? '';
    const first = knowledge.search(q);
    const before = first.results.length;
    first.results.splice(0);
    expect(knowledge.search(q).results.length).toBe(before);
  });
});

/**
 * The redaction without its digit and '@' pre-checks: every finder over every text. E-mail addresses are found with
 * the original (backtracking) pattern, so the linear scanner is checked against it too.
 */
function referenceRedaction(text: string): { text: string; found: PersonalDataKind[] } {
  const found = new Set<PersonalDataKind>();
  const cpr = findCprSpans(text);
  let out = replaceSpans(text, cpr, '[CPR-nummer fjernet]');
  if (cpr.length > 0) found.add('cpr');
  out = out.replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu, () => {
    found.add('email');
    return '[e-mail fjernet]';
  });
  const phones = findPhoneSpans(out);
  if (phones.length > 0) found.add('phone');
  return { text: replaceSpans(out, phones, '[telefonnummer fjernet]'), found: [...found] };
}

describe('redaction with its pre-checks', () => {
  it('finds exactly what running every pattern finds', () => {
    const piece = fc.constantFrom('0', '1', '2', '3', '9', '12', '010190', '-', ' ', '+45 ', '@', 'a', 'ø', '.', 'dk', '٣', '\n', '\u2013', '\u00AD', '５', '_', '/');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(redactPersonalData(text)).toEqual(referenceRedaction(text));
      }),
      { numRuns: 2000 },
    );
  });
});
