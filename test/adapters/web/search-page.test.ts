import { describe, expect, it } from 'vitest';
import { searchPageBody } from '../../../src/adapters/web/search-page.ts';
import type { FaqEntry } from '../../../src/knowledge/faq-schema.ts';
import { createKnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { loaded } from '../../analytics/support/scripted-bot.ts';

const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"> & "quote"`;

const entries: FaqEntry[] = [
  {
    id: 'slette-kommentarer',
    title: 'Må vi slette kommentarer?',
    questions: ['må vi slette kommentarer på vores facebookside', 'fjerne kommentarer fra siden'],
    situations: [],
    keywords: ['slette', 'kommentar'],
    answer: 'I må skjule kommentarer, der bryder debatpolitikken.',
    sources: [],
    related: [],
    escalate: false,
  },
];

const knowledge = createKnowledgeBase(entries, [], {
  outside: [
    {
      id: 'it-support',
      title: `IT-support ${HOSTILE}`,
      hint: `Det er et spørgsmål til jeres IT-support. ${HOSTILE}`,
      hint_en: 'That is a question for your IT support.',
      questions: ['printeren virker ikke', 'min computer er gået ned', 'jeg kan ikke komme på wifi'],
      keywords: ['printer', 'computer', 'wifi'],
    },
  ],
});

describe('the search inspector and out-of-scope areas', () => {
  it('names the area and explains that the question was turned away, with the reply the user gets', () => {
    expect(knowledge.search('printeren virker ikke')).toMatchObject({ decision: 'none', outside: 'it-support' });
    const html = searchPageBody(knowledge, 'printeren virker ikke', 'da');
    expect(html).toContain('<dt>Beslutning</dt><dd>intet svar</dd>');
    expect(html).toContain('<dt>Uden for feltet</dt><dd class="outside-area">IT-support &lt;script&gt;');
    expect(html).toContain('(<code>it-support</code>)');
    expect(html).toMatch(/<p class="outside-note">Spørgsmålet blev afvist som uden for feltet: det hører til området &quot;IT-support &lt;script&gt;/);
    expect(html).toContain('<blockquote><p>Det er et spørgsmål til jeres IT-support. &lt;script&gt;');
    expect(html).not.toMatch(/<script|<img/i);
  });

  it('speaks English with the English pointer', () => {
    const html = searchPageBody(knowledge, 'printeren virker ikke', 'en');
    expect(html).toContain('<dt>Outside the field</dt>');
    expect(html).toContain('The question was turned away as outside the field');
    expect(html).toContain('<blockquote><p>That is a question for your IT support.</p></blockquote>');
  });

  it('explains a "Mente du …?" held back by out-of-field doubt, in the shipped knowledge', () => {
    expect(loaded.knowledge.search('hvornår blev instagram lanceret')).toMatchObject({ decision: 'suggest', outsideDoubt: true });
    const html = searchPageBody(loaded.knowledge, 'hvornår blev instagram lanceret', 'da');
    expect(html).toContain('<p class="outside-note">Det øverste emne ville være svaret, men spørgsmålet ligner områderne');
    expect(html).not.toContain('<dt>Uden for feltet</dt>');
    expect(searchPageBody(loaded.knowledge, 'hvornår blev instagram lanceret', 'en')).toContain('The top entry would be the answer');
    expect(searchPageBody(loaded.knowledge, 'hvad koster en konsulent', 'da')).not.toContain('outside-note');
  });

  it('says nothing about areas when an entry wins', () => {
    const html = searchPageBody(knowledge, 'må vi slette kommentarer', 'da');
    expect(html).toContain('<code>slette-kommentarer</code>');
    expect(html).not.toContain('Uden for feltet');
    expect(html).not.toContain('outside-note');
  });
});
