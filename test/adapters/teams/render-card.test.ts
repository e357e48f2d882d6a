import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { faqAnswer, menu } from '../../../src/core/answers.ts';
import type { Message } from '../../../src/core/message.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/adapters/teams/adaptive-card.ts';
import { renderCard } from '../../../src/adapters/teams/render-card.ts';
import { readSubmit } from '../../../src/adapters/teams/submit-data.ts';
import { escapeTeamsText, toTeamsMarkdown } from '../../../src/adapters/teams/teams-markdown.ts';
import { cardErrors } from './card-schema.ts';
import { testForm } from './test-form.ts';

const everyBlock: Message = {
  fallback: 'Alt på én gang',
  blocks: [
    { type: 'heading', text: 'Overskrift med *stjerner*' },
    { type: 'text', markdown: 'Et **fedt** ord, et *kursivt* og [et link](https://www.kl.dk).\n\n- punkt ét\n- punkt to\n\n1. først\n2. så' },
    { type: 'choices', prompt: 'Vælg:', choices: [{ id: 'faq:facebook', label: 'Facebook', style: 'primary' }, { id: 'cmd:stop', label: 'Stop', style: 'danger' }] },
    { type: 'facts', facts: [{ label: 'Sag', value: 'KL-2026-0042' }] },
    { type: 'divider' },
    { type: 'links', title: 'Kilder', links: [{ title: 'Forvaltningsloven', url: 'https://www.retsinformation.dk/eli/lta/2014/433' }, { title: 'Ikke et link', url: 'javascript:alert(1)' }] },
    { type: 'form', form: testForm() },
    { type: 'context', text: 'Lille tekst' },
  ],
};

describe('the Adaptive Card renderer', () => {
  it('renders every block type as a card that validates against Adaptive Cards 1.5', () => {
    const card = renderCard(everyBlock, 'da');
    expect(cardErrors(card)).toEqual([]);
    const types = card.body.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['TextBlock', 'ActionSet', 'FactSet', 'Input.Text', 'Input.ChoiceSet', 'Input.Toggle']));
    expect(JSON.stringify(card)).not.toContain('](javascript:');
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('maps choices to Action.Submit with {choice: id} and forms to inputs with a {form: id} submit', () => {
    const card = renderCard(everyBlock, 'da');
    const actions = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
    expect(actions.map((a) => a.data)).toEqual([{ choice: 'faq:facebook' }, { choice: 'cmd:stop' }, { form: 'test-form', checkboxes: ['urgent'] }]);
    expect(actions.map((a) => a.style)).toEqual(['positive', 'destructive', 'positive']);
    const text = card.body.find((e) => e.type === 'Input.Text' && e.id === 'topic');
    expect(text).toMatchObject({ isRequired: true, maxLength: 200, errorMessage: expect.any(String), label: 'Emne' });
  });

  it('lays out choices as tappable panels whose text wraps when a label is too long for one button line', () => {
    const long = 'Medarbejder – en medarbejders opslag, opførsel eller en episode';
    const card = renderCard({ fallback: 'x', blocks: [{ type: 'choices', choices: [{ id: 'step:a:b:c', label: long }, { id: 'cmd:stop', label: 'Stop guiden' }] }] }, 'da');
    expect(cardErrors(card)).toEqual([]);
    expect(card.body).toEqual([
      { type: 'Container', style: 'emphasis', spacing: 'Small', selectAction: { type: 'Action.Submit', title: long, data: { choice: 'step:a:b:c' } }, items: [{ type: 'TextBlock', text: long, wrap: true, weight: 'Bolder', color: 'Accent' }] },
      { type: 'Container', style: 'emphasis', spacing: 'Small', selectAction: { type: 'Action.Submit', title: 'Stop guiden', data: { choice: 'cmd:stop' } }, items: [{ type: 'TextBlock', text: 'Stop guiden', wrap: true, weight: 'Bolder', color: 'Accent' }] },
    ]);
    const short = renderCard({ fallback: 'x', blocks: [{ type: 'choices', choices: [{ id: 'flow:crisis', label: 'Start guiden', style: 'primary' }] }] }, 'da');
    expect(short.body).toEqual([{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Start guiden', data: { choice: 'flow:crisis' }, style: 'positive' }] }]);
  });

  it('renders the answered card without buttons or inputs, showing the chosen answer', () => {
    const afterChoice = renderCard(everyBlock, 'da', { kind: 'choice', choiceId: 'faq:facebook' });
    expect(cardErrors(afterChoice)).toEqual([]);
    expect(afterChoice.body.some((e) => e.type === 'ActionSet' || e.type.startsWith('Input.'))).toBe(false);
    expect(JSON.stringify(afterChoice)).toContain('Du valgte: Facebook');
    const afterForm = renderCard(everyBlock, 'en', { kind: 'form', formId: 'test-form', values: { topic: 'Hjælp *nu*', area: 'crisis', urgent: true } });
    expect(cardErrors(afterForm)).toEqual([]);
    expect(afterForm.body.some((e) => e.type === 'ActionSet' || e.type.startsWith('Input.'))).toBe(false);
    expect(afterForm.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Emne', value: 'Hjælp \\*nu\\*' }, { title: 'Område', value: 'Krise' }, { title: 'Haster', value: 'Yes' }] });
    expect(JSON.stringify(afterForm)).toContain('Your answers were received.');
  });

  it('shows typed form values on the answered card without CPR numbers, e-mail addresses or phone numbers (the Teams trial saw them)', () => {
    const afterForm = renderCard(everyBlock, 'da', { kind: 'form', formId: 'test-form', values: { topic: 'Drengen (cpr 010203-1234, mor tlf 22 33 44 55, mor@example.dk)', area: 'crisis', urgent: false } });
    const text = JSON.stringify(afterForm);
    expect(text).not.toMatch(/010203|22 33 44 55|mor@example\.dk/);
    expect(text).toContain('CPR');
  });

  it('drops the heading of a group of buttons once they are answered, so no empty "Læs også" stands on the card', () => {
    const message: Message = { fallback: 'x', blocks: [{ type: 'text', markdown: 'Svar' }, { type: 'choices', prompt: 'Læs også', choices: [{ id: 'faq:a', label: 'A' }] }] };
    expect(JSON.stringify(renderCard(message, 'da'))).toContain('Læs også');
    expect(JSON.stringify(renderCard(message, 'da', { kind: 'choice', choiceId: 'faq:a' }))).not.toContain('Læs også');
  });

  it('renders the real menu and every real FAQ answer as valid cards well under 28 KB', async () => {
    const { knowledge } = await loadKnowledge('./knowledge', loadFlowEngine);
    const messages = [menu(knowledge, 'da'), menu(knowledge, 'en'), ...[...knowledge.faq.values()].map((e) => faqAnswer(e, knowledge, 'da'))];
    const sizes = messages.map((m) => {
      const card = renderCard(m, 'da');
      expect(cardErrors(card)).toEqual([]);
      return cardBytes(card);
    });
    const largest = Math.max(...sizes);
    console.info(`Adaptive Cards for ${messages.length} real messages: largest ${largest} bytes, median ${sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]} bytes (limit ${MAX_CARD_BYTES})`);
    expect(largest).toBeLessThan(MAX_CARD_BYTES);
  });

  it('renders Markdown from the shared parse tree and escapes literal text', () => {
    expect(toTeamsMarkdown('Brug **ikke** _bare_ [KL](https://www.kl.dk)')).toBe('Brug **ikke** _bare_ [KL](https://www.kl.dk)');
    expect(toTeamsMarkdown('- a\n- b')).toBe('- a\n- b');
    expect(escapeTeamsText('2*3 [x] <b>')).toBe('2\\*3 \\[x\\] \\<b\\>');
    expect(escapeTeamsText('- ikke en liste')).toBe('\\- ikke en liste');
  });

  it('keeps any user-like text valid in a card (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 }), (text, label) => {
        const card = renderCard({ fallback: text, blocks: [{ type: 'heading', text }, { type: 'text', markdown: text }, { type: 'choices', choices: [{ id: 'faq:x', label }] }] }, 'da');
        return cardErrors(card).length === 0;
      }),
      { numRuns: 200 },
    );
  });

  it('reads submits back: choices, and forms with checkboxes as booleans', () => {
    expect(readSubmit({ choice: 'flow:krise' })).toEqual({ kind: 'choice', choiceId: 'flow:krise' });
    expect(readSubmit({ form: 'test-form', checkboxes: ['urgent'], topic: 'x', urgent: 'false', area: 'crisis' })).toEqual({
      kind: 'form',
      formId: 'test-form',
      values: { topic: 'x', urgent: false, area: 'crisis' },
    });
    expect(readSubmit({ something: 1 })).toBeUndefined();
    expect(readSubmit('text')).toBeUndefined();
  });
});
