import { describe, expect, it } from 'vitest';
import { sameWord, smallTalkKind, type SmallTalkKind } from '../../src/core/small-talk.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadFlows } from '../../src/dialogs/flow-loader.ts';
import { allVariants } from '../../src/dialogs/local-text.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const SMALL_TALK: Record<SmallTalkKind, string[]> = {
  greeting: ['hej', 'Hej!', 'hje', 'hejsa 👋', 'Hej SoMe-rådgiver', 'godmorgen', 'God morgen :)', 'hallo', 'hej igen', 'hey there', 'Hello!', 'good morning', 'hvordan går det?', 'hvordan gar det', 'how are you'],
  thanks: ['tak', 'Tak!', 'tak for hjælpen', 'Tak for hjælpen 🙏', 'tak for hjalpen', 'tka for hjælpen', 'mange tak', 'tusind tak!', 'super, tak', 'ok tak', 'thanks', 'Thank you very much!', 'thx', 'thx for the help', 'tak for hjælpen, hej hej'],
  ok: ['ok', 'Okay.', 'fint', 'super', 'perfekt!', 'nej tak', 'got it', 'cool'],
  bye: ['farvel', 'vi ses', 'hav en god dag', 'ha en god dag!', 'bye', 'goodbye', 'see you'],
  capabilities: ['hvad kan du', 'hvad kan du?', 'Hvad kan du hjælpe med?', 'hvda kan du', 'hvad kan du hjælpe mig med', 'hej, hvad kan du?', 'hvad kan jeg spørge om', 'what can you do?', 'What can you help me with', 'godmorgen, kan du hjælpe mig', 'Hej! Kan du hjælpe os?', 'jeg har et spørgsmål', 'hej jeg har brug for hjælp', 'can you help me?', 'is there an english version of this advice?', 'do you speak English?'],
  identity: ['hvem er du', 'Hvem er du egentlig?', 'Hvem er du?', 'hvem er du, SoMe-rådgiver?', 'er du en robot?', 'er du et menneske', 'who are you?', 'are you a bot', 'are you human?'],
};

/** Messages that only look like small talk: each is a real question or request and must reach the search. */
const NOT_SMALL_TALK = [
  'hej, må vi slette kommentarer på facebook?',
  'tak for svaret, men hvad med instagram',
  'hvad kan vi gøre ved en shitstorm',
  'hvad kan du fortælle om tiktok',
  'hvem er ansvarlig for vores facebookside',
  'kan du hjælpe med en debatpolitik',
  'hej jeg har et spørgsmål om tiktok',
  'kan du hjælpe mig med en shitstorm',
  'jeg har brug for hjælp til at svare en vred borger',
  'tak fordi I svarede borgeren',
  'godt opslag eller dårligt opslag',
  'farvel til twitter, skal vi lukke profilen',
  'er du sikker',
  'ja',
  'hvad',
  '',
  '👍',
];

describe('smallTalkKind', () => {
  for (const [kind, messages] of Object.entries(SMALL_TALK)) {
    it(`recognises ${kind} in Danish and English, with names, emoji and typing slips`, () => {
      for (const message of messages) expect(smallTalkKind(message), message).toBe(kind);
    });
  }

  it('leaves questions and requests that merely start or end with small talk to the search', () => {
    for (const message of NOT_SMALL_TALK) expect(smallTalkKind(message), message).toBeUndefined();
  });

  it('never takes a shipped FAQ question or a guide answer label for small talk', async () => {
    const { knowledge } = await loadKnowledge('./knowledge', loadFlowEngine);
    const questions = [...knowledge.faq.values()].flatMap((entry) => [entry.title, ...entry.questions]);
    expect(questions.length).toBeGreaterThan(400);
    for (const question of questions) expect(smallTalkKind(question), question).toBeUndefined();
    const { flows } = await loadFlows('./knowledge/flows');
    const labels = flows.flatMap((flow) => Object.values(flow.nodes).flatMap((node) => (node.type === 'question' ? node.choices.flatMap((c) => allVariants(c.label)) : [])));
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) expect(smallTalkKind(label), label).toBeUndefined();
  });
});

describe('sameWord', () => {
  it('allows one slip in words of four letters or more, a swap in three-letter words, and nothing in shorter ones', () => {
    expect(sameWord('hjalpen', 'hjaelpen')).toBe(true);
    expect(sameWord('hvda', 'hvad')).toBe(true);
    expect(sameWord('hje', 'hej')).toBe(true);
    expect(sameWord('farvl', 'farvel')).toBe(true);
    expect(sameWord('tal', 'tak')).toBe(false);
    expect(sameWord('ok', 'ty')).toBe(false);
    expect(sameWord('hvem', 'hvad')).toBe(false);
    expect(sameWord('fravle', 'farvel')).toBe(false);
    expect(sameWord(undefined, 'hej')).toBe(false);
  });
});
