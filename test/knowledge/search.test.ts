import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { splitCompound } from '../../src/knowledge/compound-splitter.ts';
import { foldDanish, searchTerms, stem } from '../../src/knowledge/danish-text.ts';
import type { FaqEntry } from '../../src/knowledge/faq-schema.ts';
import { searchDocuments } from '../../src/knowledge/knowledge-base.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { DEFAULT_TUNING, SearchIndex } from '../../src/knowledge/search-index.ts';
import { DEFAULT_THRESHOLDS } from '../../src/knowledge/search-policy.ts';
import { loadSynonyms } from '../../src/knowledge/synonyms-loader.ts';
import { Synonyms } from '../../src/knowledge/synonyms.ts';
import { TermExpander } from '../../src/knowledge/term-expander.ts';

const knowledgeDir = join(import.meta.dirname, '..', '..', 'knowledge');
const { knowledge } = await loadKnowledge(knowledgeDir, loadFlowEngine);
const topFaq = (q: string) => knowledge.search(q).results.find((h) => h.kind === 'faq')?.id;

describe('search over the shipped knowledge', () => {
  it.each([
    ['må vi slette kommentarer', 'slette-kommentarer'],
    ['en borger truer en af vores ansatte i kommentarerne', 'trusler'],
    ['hvem skal holde øje med siden i weekenden', 'organisering'],
    ['vi er midt i en lortestorm', 'shitstorm'],
  ])('finds Danish paraphrases: %s', (q, id) => {
    expect(topFaq(q)).toBe(id);
  });

  it.each([
    ['slete komentar', 'slette-kommentarer'],
    ['tavshedsplikt', 'tavshedspligt'],
    ['journalisring af beskeder', 'journalisering'],
  ])('tolerates typos: %s', (q, id) => {
    expect(topFaq(q)).toBe(id);
  });

  it('matches ae/oe/aa spellings like æ/ø/å', () => {
    expect(topFaq('maa vi blokere en bruger')).toBe('blokering');
    expect(topFaq('maalgrupper paa instagram')).toBe(topFaq('målgrupper på instagram'));
    expect(foldDanish('Værktøjer på Åbenrå')).toBe('vaerktoejer paa aabenraa');
  });

  it.each([
    ['can we delete comments on our page', 'slette-kommentarer'],
    ['someone threatened our staff', 'trusler'],
    ['should we leave twitter', 'platform-x'],
    ['consent for photos of children', 'billeder-samtykke'],
  ])('understands English through synonyms: %s', (q, id) => {
    expect(topFaq(q)).toBe(id);
  });

  it('answers a clear in-domain question confidently', () => {
    const outcome = knowledge.search('må vi skjule en kritisk kommentar på facebook');
    expect(outcome.decision).toBe('answer');
    expect(outcome.confident).toBe(true);
  });

  it.each([
    'hvornår har genbrugspladsen åbent',
    'printeren virker ikke',
    'hvad koster et nyt pas',
    'hvordan laver jeg en indholdsfortegnelse i word',
    'hvad bliver vejret i morgen',
  ])('does not answer out-of-domain questions as known: %s', (q) => {
    expect(knowledge.search(q).confident).toBe(false);
  });

  it.each([
    ['hej kommune, jeg skrev på jeres facebookside i sidste uge om mit skrald der ikke er blevet hentet, hvornår kommer de?', 'teknik-og-fritid'],
    ['outlook sender ikke mine mails, og jeg skal sende et link til vores opslag til chefen', 'it-support'],
    ['min chef har skrevet på teams at jeg skal holde ferie i uge 30, men jeg har ikke flere feriedage, hvad gør jeg', 'hr-personale'],
  ])('points a citizen\'s own errand or a staff member\'s own IT or HR matter that uses SoMe words to where the answer is: %s', (q, area) => {
    expect(knowledge.search(q)).toMatchObject({ confident: false, decision: 'none', outside: area });
  });

  it('still answers a staff question about a citizen who writes about their own case', () => {
    const outcome = knowledge.search('en borger skriver i messenger om sin ansøgning om boligstøtte, må vi svare der');
    expect(outcome.confident).toBe(true);
    expect(outcome.results[0]?.id).toBe('servicehenvendelser');
  });
});

describe('term handling', () => {
  it('reads "slå … fra/til/op" as its own verb, not as "slå" (to hit), so turning comments off is not a child in danger', () => {
    expect(searchTerms('må vi slå kommentarerne fra på et opslag')).toContain('slaafra');
    expect(searchTerms('maa vi slaa kommentarfeltet paa opslaget fra')).not.toContain('slaa');
    expect(searchTerms('naboens børn bliver slået, og far slår')).toEqual(['nabo', 'boern', 'slaa', 'far', 'slaar']);
    for (const q of ['må vi slå kommentarerne fra på et opslag?', 'maa vi slaa kommentarfeltet fra paa opslaget om skolelukningen?']) {
      const outcome = knowledge.search(q);
      expect(outcome.confident && outcome.results[0]?.id === 'underretning', q).toBe(false);
    }
  });

  it('splits compounds only at word-part boundaries with a known head', () => {
    const known = new Set(['facebook', 'side', 'indhold', 'debat', 'politik']);
    expect(splitCompound('facebookside', known, false).map((p) => p.part)).toEqual(['facebook', 'side']);
    expect(splitCompound('indholdsfortegnelse', known, false)).toEqual([]);
    expect(splitCompound('debatpolitik', known, true).map((p) => p.part)).toEqual(['debat', 'politik']);
  });

  it('splits a stemmed compound whose short head kept its -e alone (facebooksid → facebook + side)', () => {
    const known = new Set(['facebook', 'side']);
    expect(splitCompound(stem('facebookside'), known, false).map((p) => p.part)).toEqual(['facebook', 'side']);
  });

  it('keeps single-letter synonyms such as X as search terms', () => {
    const synonyms = new Synonyms([['twitter', 'x']]);
    expect(searchTerms('skal vi stoppe på x', (w) => synonyms.has(w))).toEqual(['stop', 'x']);
    const index = new SearchIndex(
      [
        { id: 'platform-x', kind: 'faq', title: 'Twitter', questions: ['skal vi stoppe på twitter'], keywords: [], body: '' },
        { id: 'other', kind: 'faq', title: 'Andet', questions: ['skal vi stoppe på tiktok'], keywords: [], body: '' },
      ],
      synonyms,
    );
    expect(index.search('skal vi stoppe på x')[0]?.id).toBe('platform-x');
  });

  it('measures word rarity over entries only: out-of-scope areas do not change how entries rank against each other', () => {
    const entries = [
      { id: 'delete', kind: 'faq' as const, title: 'Slette', questions: ['slette kommentarer'], keywords: [], body: '' },
      { id: 'block', kind: 'faq' as const, title: 'Blokere', questions: ['blokere på facebook'], keywords: [], body: '' },
    ];
    const area = { id: 'it', kind: 'outside' as const, title: 'IT', questions: ['slette filer', 'slette mails', 'slette cookies'], keywords: [], body: '' };
    const wordsOnly = { ...DEFAULT_TUNING, ngramWeight: 0, topicWeight: 0 };
    const scores = (index: SearchIndex) => index.search('slette facebook').filter((h) => h.kind === 'faq');
    const without = scores(new SearchIndex(entries, new Synonyms(), wordsOnly));
    expect(without.map((h) => h.id)).toEqual(['block', 'delete']);
    expect(scores(new SearchIndex([...entries, area], new Synonyms(), wordsOnly))).toEqual(without);
  });

  it('gives the out-of-scope areas\' share of the topic model: high for a question phrased like an area\'s, low for an entry\'s', () => {
    const documents = [
      { id: 'hacked', kind: 'faq' as const, title: 'Hacket kommuneside', questions: ['vores kommunes side er hacket', 'nogen har overtaget kommunens facebookside'], keywords: [], body: '' },
      { id: 'private', kind: 'outside' as const, title: 'Egen profil', questions: ['min mors facebook er hacket', 'min datters instagram er blevet hacket'], keywords: [], body: '' },
    ];
    const index = new SearchIndex(documents, new Synonyms());
    const own = index.rank('min søsters facebook er blevet hacket, hvad gør hun');
    const municipal = index.rank('kommunens facebookside er hacket');
    expect(own.outsideShare).toBeGreaterThan(0.5);
    expect(municipal.outsideShare).toBeLessThan(0.5);
    expect(new SearchIndex(documents, new Synonyms(), { ...DEFAULT_TUNING, topicWeight: 0 }).rank('min søsters facebook er blevet hacket').outsideShare).toBe(0);
  });

  it('keeps only the 40 closest vocabulary matches of a common word that is part of many compounds', () => {
    const compounds = Array.from({ length: 60 }, (_, i) => `chef${'abcdefghijklmnopqrst'.slice(0, 3 + (i % 18))}${i}`);
    const matches = new TermExpander(['chef', ...compounds]).expand('chef');
    expect(matches).toHaveLength(40);
    expect(matches[0]).toEqual({ term: 'chef', similarity: 1 });
    // the closest compounds are the shortest: every dropped one is at least as long as every kept one
    const kept = matches.slice(1).map((m) => m.term.length);
    const dropped = compounds.filter((c) => !matches.some((m) => m.term === c)).map((c) => c.length);
    expect(dropped).toHaveLength(21);
    expect(Math.min(...dropped)).toBeGreaterThanOrEqual(Math.max(...kept));
  });

  /** Two entries a long message can mention both of, and the word match alone (no n-grams, no topic model). */
  const deleteOrBudget = [
    { id: 'delete', kind: 'faq' as const, title: 'Slette', questions: ['må vi slette kommentarer'], keywords: [], body: '' },
    { id: 'budget', kind: 'faq' as const, title: 'Budget', questions: ['hvad koster annoncer på facebook'], keywords: [], body: '' },
  ];
  const wordsOnly = { ...DEFAULT_TUNING, ngramWeight: 0, topicWeight: 0 };

  it('matches the need at the end of a long message, past its first 24 words', () => {
    const story = Array.from({ length: 30 }, (_, i) => `historie${'abcdefghijklmnopqrstuvwxyzæøå'[i]}`).join(' ');
    const message = `vi har brugt budget på annoncer ${story} må vi slette kommentarer?`;
    expect(new SearchIndex(deleteOrBudget, new Synonyms(), wordsOnly).search(message)[0]?.id).toBe('delete');
  });

  it('weighs the words of what a long message asks above those of its story', () => {
    const message = 'Vi har brugt penge på annoncer på facebook. Må vi slette kommentarer?';
    const leadOfDelete = (askedWeight: number) => {
      const [first, second] = new SearchIndex(deleteOrBudget, new Synonyms(), { ...wordsOnly, askedWeight }).search(message);
      expect(first?.id).toBe('delete');
      return ((first?.score ?? 0) - (second?.score ?? 0)) / (first?.score ?? 1);
    };
    // every word alike: a near tie, asked back; the asked sentence weighed: a lead the search answers on
    expect(leadOfDelete(1)).toBeLessThan(DEFAULT_THRESHOLDS.margin);
    expect(leadOfDelete(DEFAULT_TUNING.askedWeight)).toBeGreaterThan(DEFAULT_THRESHOLDS.margin);
  });

  it('does not index answer boilerplate such as "Pas på"', () => {
    const index = new SearchIndex([
      { id: 'a', kind: 'faq', title: 'Debatpolitik', questions: ['husregler'], keywords: [], body: '**Pas på**\n- Hold det kort.' },
    ]);
    expect(index.search('pas')).toEqual([]);
  });
});

describe('synonyms lint', () => {
  it('accepts the shipped synonyms file', async () => {
    const { errors } = await loadSynonyms(join(knowledgeDir, 'synonyms.yaml'));
    expect(errors).toEqual([]);
  });

  const writeSynonyms = async (lines: string[]) => {
    const file = join(await mkdtemp(join(tmpdir(), 'synonyms-')), 'synonyms.yaml');
    await writeFile(file, [...lines, ''].join('\n'));
    return { file, messages: (await loadSynonyms(file)).errors.map(formatLintError) };
  };

  it('reports malformed groups with file and line', async () => {
    const { file, messages } = await writeSynonyms(['groups:', '  - [slette, fjerne]', '  - [alene]', '  - [sociale medier, some]']);
    expect(messages).toEqual([
      `${file}:3: groups.1: a group needs at least two terms`,
      expect.stringMatching(new RegExp(`^${file}:4: groups\\.2\\.0: must be one word`)),
    ]);
  });

  it('reports stop words and terms in two groups with file and line', async () => {
    const { file, messages } = await writeSynonyms(['groups:', '  - [slette, fjerne, true]', '  - [og, and]', '  - [fjerne, remove]']);
    expect(messages).toEqual([
      `${file}:3: groups.1.0: "og" is a stop word and is never searched`,
      `${file}:3: groups.1.1: "and" is a stop word and is never searched`,
      `${file}:4: groups.2.0: "fjerne" is already in group 0; merge the groups`,
    ]);
  });

  it('treats a missing synonyms file as no synonyms', async () => {
    const { errors } = await loadSynonyms(join(tmpdir(), 'does-not-exist', 'synonyms.yaml'));
    expect(errors).toEqual([]);
  });
});

describe('situations', () => {
  const entry = (id: string, questions: string[], situations: string[] = []): FaqEntry => ({
    id,
    title: id,
    questions,
    situations,
    keywords: [],
    answer: 'Svar.',
    sources: [],
    related: [],
    escalate: false,
  });
  const question = 'en kollega har skrevet detaljer fra en borgers sag i en kommentar';
  // the words alone: a topic model learnt from these three phrasings would only say which entry has more of them
  const wordsOnly = { ...DEFAULT_TUNING, topicWeight: 0 };
  const topOf = (entries: FaqEntry[]) => new SearchIndex(searchDocuments(entries, [], []), new Synonyms(), wordsOnly).search(question)[0]?.id;

  it('are searched like the questions', () => {
    const confidentiality = ['må vi bekræfte at en borger har en sag hos os'];
    const comments = ['må vi slette en kommentar', 'en borger har skrevet noget grimt i en kommentar'];
    expect(topOf([entry('tavshedspligt', confidentiality), entry('slette-kommentarer', comments)])).toBe('slette-kommentarer');
    const situation = 'en kollega kom til at afsløre detaljer fra en borgers sag i et svar på facebook';
    expect(topOf([entry('tavshedspligt', confidentiality, [situation]), entry('slette-kommentarer', comments)])).toBe('tavshedspligt');
  });
});
