import { describe, expect, it } from 'vitest';
import { emptyState } from '../../src/shared/conversation-state.ts';
import type { Turn } from '../../src/core/turn.ts';
import { escalationForm, prefillValues } from '../../src/escalation/escalation-form.ts';
import { validateRequest } from '../../src/escalation/validate-request.ts';

const turn = (user: Partial<Turn['user']> = {}): Turn => ({ channel: 'slack', conversationId: 'c1', user: { id: 'U1', locale: 'da', ...user }, input: { kind: 'text', text: 'tal med en konsulent' } });
const valid = { topic: 'Shitstorm', description: 'Vrede kommentarer', urgency: 'days', municipality: 'Aarhus', name: 'Mette', contact: 'mette@aarhus.dk', consent: 'true' };

describe('prefillValues', () => {
  it('takes the topic and urgency from the crisis flow, and name and e-mail from the profile', () => {
    const state = { ...emptyState(), escalationHint: { topic: 'Krise i gang', urgent: true }, lastTopic: { kind: 'faq' as const, id: 'x', title: 'Andet' } };
    expect(prefillValues(turn({ name: 'Mette', email: 'mette@aarhus.dk' }), state)).toEqual({ topic: 'Krise i gang', urgency: 'urgent', name: 'Mette', contact: 'mette@aarhus.dk' });
  });

  it("takes the topic from the user's own words when the request names it ('om …', 'about …'), before any guess", () => {
    const state = { ...emptyState(), escalationHint: { topic: 'Krise i gang', urgent: true }, lastTopic: { kind: 'faq' as const, id: 'x', title: 'Hvor hurtigt skal vi svare?' } };
    const asked = (text: string): Turn => ({ ...turn(), input: { kind: 'text', text } });
    expect(prefillValues(asked('kan en konsulent ringe mig om kollegaens billede?'), state)).toMatchObject({ topic: 'kollegaens billede', urgency: 'urgent' });
    expect(prefillValues(asked('can I talk to a human about the photo consent thing'), state).topic).toBe('the photo consent thing');
    expect(prefillValues(asked(`tal med en konsulent om ${'x'.repeat(200)}`), state).topic).toHaveLength(150);
    expect(prefillValues(asked('tal med en konsulent'), state).topic).toBe('Krise i gang');
    expect(prefillValues(asked('jeg vil gerne tale med en konsulent, om muligt i dag'), state).topic).toBe('Krise i gang');
  });

  it('falls back to the last answer shown and leaves urgency open', () => {
    const state = { ...emptyState(), lastTopic: { kind: 'faq' as const, id: 'trusler', title: 'Trusler' } };
    expect(prefillValues(turn(), state)).toEqual({ topic: 'Trusler' });
  });
});

describe('escalationForm', () => {
  it('has the fields in order with the prefilled values and per-field errors', () => {
    const form = escalationForm(turn(), { topic: 'Trusler', urgency: 'urgent' }, { municipality: 'Udfyld "Kommune".' });
    expect(form.fields.map((f) => [f.id, f.type, f.required])).toEqual([
      ['topic', 'text', true],
      ['description', 'textarea', true],
      ['urgency', 'select', true],
      ['municipality', 'text', true],
      ['name', 'text', true],
      ['contact', 'text', true],
      ['consent', 'checkbox', false],
    ]);
    expect(form.fields[0]?.value).toBe('Trusler');
    expect(form.fields[2]?.options?.map((o) => o.label)).toEqual(['Akut – krise i gang', 'Inden for et par dage', 'Ingen hast']);
    expect(form.fields[3]?.error).toBe('Udfyld "Kommune".');
  });
});

describe('validateRequest', () => {
  it('accepts a complete form and reads e-mail or phone and the consent', () => {
    expect(validateRequest(valid, 'da')).toEqual({ ok: true, request: { ...valid, consent: true, contact: undefined, email: 'mette@aarhus.dk' } });
    const phone = validateRequest({ ...valid, contact: '+45 12 34 56 78', consent: false }, 'da');
    expect(phone.ok && phone.request.phone).toBe('+4512345678');
    expect(phone.ok && phone.request.consent).toBe(false);
  });

  it('reads an e-mail address and a phone number given together in the contact field', () => {
    for (const contact of ['mette.soerensen@vesthimmerland.dk / 22 33 44 55', '22334455, mette.soerensen@vesthimmerland.dk', 'mette.soerensen@vesthimmerland.dk tlf. +45 22 33 44 55', 'mette.soerensen@vesthimmerland.dk eller 22 33 44 55']) {
      const both = validateRequest({ ...valid, contact }, 'da');
      expect(both.ok ? [both.request.email, both.request.phone?.slice(-8)] : both.errors, contact).toEqual(['mette.soerensen@vesthimmerland.dk', '22334455']);
    }
    for (const contact of ['mette@aarhus.dk hej', '22 33 44 55 66', 'ring til Mette']) expect(validateRequest({ ...valid, contact }, 'da').ok, contact).toBe(false);
  });

  it('names every missing or wrong field in the user\'s language', () => {
    const result = validateRequest({ topic: ' ', urgency: 'straks', contact: 'hej' }, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      topic: 'Please fill in "Topic".',
      description: 'Please fill in "Short description".',
      municipality: 'Please fill in "Municipality".',
      name: 'Please fill in "Your name".',
      urgency: 'Choose one of the three urgency options.',
      contact: 'Enter a valid e-mail address (name@kommune.dk), an 8-digit phone number, or both.',
    });
  });

  it('rejects text over the limit', () => {
    const result = validateRequest({ ...valid, description: 'x'.repeat(2001) }, 'da');
    expect(result.ok ? undefined : result.errors.description).toBe('"Kort beskrivelse" må højst være 2000 tegn.');
  });
});
