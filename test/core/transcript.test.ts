import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/message.ts';
import { describeInput, rememberOffered } from '../../src/core/transcript.ts';

const offeredMessage: Message = {
  blocks: [
    { type: 'choices', choices: [{ id: 'step:crisis:cause:decision', label: 'Upopulær beslutning' }, { id: 'cmd:back', label: 'Tilbage' }] },
    {
      type: 'form',
      form: {
        id: 'escalation',
        title: 'Tal med en konsulent',
        submitLabel: 'Send',
        fields: [
          { id: 'topic', label: 'Emne', type: 'text', required: true, value: 'forudfyldt' },
          { id: 'urgency', label: 'Hvor haster det?', type: 'select', required: true, options: [{ value: 'urgent', label: 'Akut – krise i gang' }] },
          { id: 'contact', label: 'Kontakt', type: 'text', required: true },
          { id: 'consent', label: 'Samtykke', type: 'checkbox', required: false },
        ],
      },
    },
  ],
  fallback: '',
};

describe('transcript entries', () => {
  it('tells a pressed button by its label and a submitted form as one redacted line, keeping no form values', () => {
    const offered = rememberOffered(undefined, [offeredMessage]);
    expect(JSON.stringify(offered)).not.toContain('forudfyldt');
    expect(describeInput({ kind: 'action', actionId: 'cmd:back' }, offered, 'da')).toEqual({ text: 'Tilbage', kind: 'button' });
    const form = describeInput({ kind: 'form', formId: 'escalation', values: { topic: 'Shitstorm\nom lukning', urgency: 'urgent', contact: 'mette@aarhus.dk', consent: true } }, offered, 'da');
    expect(form).toEqual({ text: 'Sendte «Tal med en konsulent» · Emne: Shitstorm om lukning · Hvor haster det?: Akut – krise i gang · Kontakt: [e-mail fjernet] · Samtykke: ja', kind: 'form' });
  });

  it('removes a phone number or e-mail address in a long value before the value is clipped (a clip first left "tlf 41 22 33 …")', () => {
    const offered = rememberOffered(undefined, [offeredMessage]);
    for (const pad of [30, 40, 48, 52, 55]) {
      const topic = `${'x'.repeat(pad)} tlf 41 22 33 44 mail jens.olsen@example.dk`;
      const { text } = describeInput({ kind: 'form', formId: 'escalation', values: { topic } }, offered, 'da');
      expect(text, `padding ${pad}`).not.toMatch(/41 22|jens\.ol|example/);
    }
  });

  it('falls back to a given label, then to a neutral word, never to the internal id', () => {
    const label = (id: string) => (id === 'flow:crisis' ? 'Start guiden: Shitstorm' : undefined);
    expect(describeInput({ kind: 'action', actionId: 'flow:crisis' }, undefined, 'da', label).text).toBe('Start guiden: Shitstorm');
    expect(describeInput({ kind: 'action', actionId: 'step:x:y:z' }, undefined, 'en', label)).toEqual({ text: '(a button)', kind: 'button' });
    expect(describeInput({ kind: 'form', formId: 'unknown', values: {} }, undefined, 'da').text).toBe('Sendte «en formular»');
  });

  it('remembers the newest 40 labels, so the state stays small', () => {
    const many: Message = { blocks: [{ type: 'choices', choices: Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, label: `Knap ${i}` })) }], fallback: '' };
    const offered = rememberOffered(undefined, [many]);
    expect(Object.keys(offered.choices)).toHaveLength(40);
    expect(offered.choices.c49).toBe('Knap 49');
    expect(offered.choices.c0).toBeUndefined();
  });
});
