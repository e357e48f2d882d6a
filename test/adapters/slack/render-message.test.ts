import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, type Message } from '../../../src/core/message.ts';
import { decodeFormSpec, formErrors, formModal, readSubmission } from '../../../src/adapters/slack/form-modal.ts';
import { renderMessage } from '../../../src/adapters/slack/render-message.ts';
import { SLACK_LIMITS } from '../../../src/adapters/slack/slack-limits.ts';

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : texts(v)));
  return [];
}

describe('Slack Block Kit renderer', () => {
  it('splits a 10,000-character answer into sections under 3,000 characters on paragraph boundaries', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `Afsnit ${i} ${'ord '.repeat(48)}`.trim());
    const markdown = paragraphs.join('\n\n');
    expect(markdown.length).toBeGreaterThan(10_000);
    const out = renderMessage({ blocks: [{ type: 'text', markdown }], fallback: markdown }, 'da');
    const sections = out.blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const s of sections) {
      const text = s.type === 'section' ? (s.text?.text ?? '') : '';
      expect(text.length).toBeLessThan(3000);
      expect(text.startsWith('Afsnit')).toBe(true);
    }
    expect(out.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('splits one paragraph of 10,000 characters without cutting words', () => {
    const markdown = 'ord '.repeat(2500).trim();
    const out = renderMessage({ blocks: [{ type: 'text', markdown }], fallback: 'x' }, 'da');
    const all = out.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    for (const t of all) expect(t.length).toBeLessThan(3000);
    expect(all.join(' ').split(' ').every((w) => w === 'ord')).toBe(true);
  });

  it('escapes a user typing <!channel> and <@U123> so no mention is made, in blocks and fallback', () => {
    const typed = '<!channel> og <@U123> & co';
    const message: Message = {
      blocks: [
        { type: 'text', markdown: `Du skrev: ${escapeMarkdown(typed)}` },
        { type: 'heading', text: typed },
        { type: 'context', text: typed },
        { type: 'choices', prompt: typed, choices: [{ id: 'faq:x', label: typed }] },
      ],
      fallback: `Du skrev: ${typed}`,
    };
    const out = renderMessage(message, 'da');
    const all = [...texts(out.blocks), out.text];
    for (const t of all) {
      expect(t).not.toContain('<!channel>');
      expect(t).not.toContain('<@U123>');
    }
    expect(JSON.stringify(out.blocks)).toContain('&lt;!channel&gt;');
    expect(out.text).toContain('&amp; co');
  });

  it('renders Markdown links as <url|title>, bold and lists from the parse tree', () => {
    const out = renderMessage(
      { blocks: [{ type: 'text', markdown: 'Læs **vejledningen** [her](https://kl.dk/a?b=1&c=2).\n\n- én\n- _to_' }], fallback: 'x' },
      'da',
    );
    const text = texts(out.blocks).join('\n');
    expect(text).toContain('*vejledningen*');
    expect(text).toContain('<https://kl.dk/a?b=1&c=2|her>');
    expect(text).toContain('• én\n• _to_');
    const links = renderMessage({ blocks: [{ type: 'links', title: 'Kilder', links: [{ title: 'A <b>', url: 'javascript:alert(1)' }] }], fallback: 'x' }, 'da');
    expect(texts(links.blocks).join('')).not.toContain('<javascript');
  });

  it('keeps at most 50 blocks, unique action ids, button text ≤ 75 and the buttons kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 200 }), (n, buttons, label) => {
        const message: Message = {
          blocks: [
            ...Array.from({ length: n }, (_, i) => ({ type: 'heading' as const, text: `Overskrift ${i}` })),
            { type: 'choices', choices: Array.from({ length: buttons }, (_, i) => ({ id: `faq:${i}`, label: `${label}${i}` })) },
          ],
          fallback: 'x',
        };
        const out = renderMessage(message, 'da');
        expect(out.blocks.length).toBeLessThanOrEqual(50);
        const elements = out.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
        expect(elements).toHaveLength(buttons);
        const ids = elements.map((e) => ('action_id' in e ? e.action_id : ''));
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of elements) if (e.type === 'button') expect([...e.text.text].length).toBeLessThanOrEqual(75);
      }),
    );
  });

  it('renders every block type (facts, divider, links, form) and a form round-trips through its button', () => {
    const form = {
      id: 'test-form',
      title: 'Kontakt en konsulent om noget meget langt',
      submitLabel: 'Send',
      fields: [
        { id: 'email', label: 'E-mail', type: 'email' as const, required: true, error: 'Skriv en gyldig e-mail' },
        { id: 'urgent', label: 'Haster', type: 'checkbox' as const, required: false, value: true },
        { id: 'topic', label: 'Emne', type: 'select' as const, required: true, options: [{ value: 'a', label: 'A' }], value: 'a' },
        { id: 'text', label: 'Beskrivelse', type: 'textarea' as const, required: false, maxLength: 500 },
      ],
    };
    const out = renderMessage(
      { blocks: [{ type: 'facts', facts: [{ label: 'Sag', value: 'KL-1' }] }, { type: 'divider' }, { type: 'form', form }], fallback: 'x' },
      'en',
    );
    expect(out.blocks.map((b) => b.type)).toEqual(['section', 'divider', 'section', 'actions']);
    const button = out.blocks[3]?.type === 'actions' ? out.blocks[3].elements[0] : undefined;
    expect(button?.type === 'button' && button.text.text).toBe('Fill in the form');
    const decoded = decodeFormSpec(button?.type === 'button' ? (button.value ?? '') : '');
    expect(decoded).toEqual(form);
    const modal = formModal(form, 'da', '{}');
    expect([...(modal.title.text)].length).toBeLessThanOrEqual(24);
    expect(modal.blocks).toHaveLength(4);
    expect(formErrors(form)).toEqual({ 'field:email': 'Skriv en gyldig e-mail' });
    expect(
      readSubmission({
        'field:email': { value: { type: 'email_text_input', value: 'a@b.dk' } },
        'field:urgent': { value: { type: 'checkboxes', selected_options: [{ value: 'checked' }] } },
        'field:topic': { value: { type: 'static_select', selected_option: { value: 'a' } } },
        'field:text': { value: { type: 'plain_text_input', value: null } },
      }),
    ).toEqual({ email: 'a@b.dk', urgent: true, topic: 'a', text: '' });
  });
});
