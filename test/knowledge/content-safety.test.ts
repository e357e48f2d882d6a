import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETIRED_WORDS } from '../../src/knowledge/faq-lint.ts';
import { loadFlows } from '../../src/dialogs/flow-loader.ts';
import type { FlowDefinition, LocalText } from '../../src/dialogs/flow-schema.ts';
import { loadFaq } from '../../src/knowledge/faq-loader.ts';

const knowledgeDir = join(import.meta.dirname, '..', '..', 'knowledge');
const faq = await loadFaq(join(knowledgeDir, 'faq'));
const flows = await loadFlows(join(knowledgeDir, 'flows'));
const answerOf = new Map(faq.entries.map((e) => [e.id, e.answer]));

/** Entries about situations where someone may be in danger: their first paragraph must say "ring 112". */
const SAFETY_ENTRIES = ['trusler', 'underretning'];

/** Wordings that tell the reader they may answer citizens sharply (the wrong reading of FOB 2020-46). */
const SHARP_REPLY = [
  /\bsvar\w*\b[^.!?\n]{0,30}\bskarpt\b/i, // "svare igen, også skarpt"
  /\bskarp(?:t|e)?\s+(?:svar|igen)\b/i, // "skarpe svar", "skarpt igen"
  /\b(?:answer|reply|respond)\w*\b[^.!?\n]{0,30}\bsharply\b/i,
];

/** Words the knowledge base no longer uses in advice ("foreløbig melding"/"ventebesked", "pyntetal"). */
const RETIRED = RETIRED_WORDS.map((r) => r.word);

/** The Danish and English text of a localised string. */
function textsOf(text: LocalText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : [text.da, text.en ?? ''];
}

/** Every text a flow shows as advice: prompts, help, reasons and checklists of answers, outcomes and drafts. */
function adviceTexts(flow: FlowDefinition): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const add = (where: string, ...texts: (LocalText | undefined)[]) =>
    texts.flatMap(textsOf).forEach((text) => found.push({ where: `${flow.id}/${where}`, text }));
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type === 'question') {
      add(id, node.prompt, node.help);
      for (const choice of node.choices) add(`${id}/${choice.id}`, ...choice.reasons, ...choice.checklist);
    } else if (node.type === 'outcome') {
      add(id, node.title, node.advice, ...node.checklist, node.draft);
    }
  }
  return found;
}

/** The texts among `texts` that match any of `patterns`, named by where they are. */
function matching(texts: { where: string; text: string }[], patterns: RegExp[]): string[] {
  return texts.filter(({ text }) => patterns.some((p) => p.test(text))).map(({ where, text }) => `${where}: ${text}`);
}

const faqAnswers = faq.entries.map((e) => ({ where: e.id, text: e.answer }));

describe('content safety rules in the shipped knowledge', () => {
  it('loads without errors', () => {
    expect([...faq.errors, ...flows.errors]).toEqual([]);
  });

  it.each(SAFETY_ENTRIES)('%s names 112 in its first paragraph, before any other advice', (id) => {
    const answer = answerOf.get(id);
    expect(answer, `no FAQ entry "${id}"`).toBeDefined();
    const firstParagraph = (answer ?? '').trim().split(/\n\s*\n/)[0] ?? '';
    expect(firstParagraph).toMatch(/\b112\b/);
  });

  it('no FAQ answer says one may answer citizens sharply', () => {
    expect(matching(faqAnswers, SHARP_REPLY)).toEqual([]);
  });

  it('no flow text says one may answer citizens sharply', () => {
    expect(matching(flows.flows.flatMap(adviceTexts), SHARP_REPLY)).toEqual([]);
  });

  it('the sharp-reply patterns catch the old wording but not a description of the tone', () => {
    const texts = (...t: string[]) => t.map((text, i) => ({ where: String(i), text }));
    const old = 'Kommunen har handlet korrekt. I må gerne svare igen, også skarpt, men indholdet skal være korrekt.';
    const fine = ['Det kræver tid til at svare, også når tonen bliver skarp.', 'Skarp kritik af kommunen er ikke chikane.'];
    expect(matching(texts(old, ...fine), SHARP_REPLY)).toEqual([`0: ${old}`]);
  });

  it('no FAQ answer uses "holdbesked" or "vanity metrics"', () => {
    expect(matching(faqAnswers, RETIRED)).toEqual([]);
  });

  it('every FAQ entry says when its claims were last checked (reviewed)', () => {
    expect(faq.entries.filter((e) => e.reviewed === undefined).map((e) => e.id)).toEqual([]);
  });
});
