import type { Locale } from '../shared/locale.ts';
import { escalationStrings } from './escalation-strings.ts';
import { MAX_LENGTH, URGENCIES, type EscalationRequest, type FieldId } from './escalation-request.ts';
import type { Urgency } from './office-hours.ts';

/** The outcome of checking a submitted form: the request, or a message per field that is wrong. */
export type Validation = { ok: true; request: EscalationRequest } | { ok: false; errors: Partial<Record<FieldId, string>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^(?:\+45|0045)?\d{8}$/;

/** Checks submitted form values (strings from every platform, booleans from the JSON chat). */
export function validateRequest(values: Record<string, string | boolean>, locale: Locale): Validation {
  const s = escalationStrings(locale);
  const errors: Partial<Record<FieldId, string>> = {};
  const text = (id: keyof typeof MAX_LENGTH, label: string): string => {
    const raw = values[id];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') errors[id] = s.required(label);
    else if (value.length > MAX_LENGTH[id]) errors[id] = s.tooLong(label, MAX_LENGTH[id]);
    return value;
  };
  const topic = text('topic', s.topic);
  const description = text('description', s.description);
  const municipality = text('municipality', s.municipality);
  const name = text('name', s.contactName);
  const contact = text('contact', s.contact);
  const urgencyRaw = values.urgency;
  const urgency = URGENCIES.find((u) => u === urgencyRaw);
  if (!urgency) errors.urgency = urgencyRaw === undefined || urgencyRaw === '' ? s.required(s.urgency) : s.badUrgency;
  let email: string | undefined;
  let phone: string | undefined;
  if (!errors.contact) {
    const compact = contact.replace(/[\s-]/g, '');
    if (EMAIL.test(contact)) email = contact;
    else if (PHONE.test(compact)) phone = compact;
    else errors.contact = s.badContact;
  }
  if (Object.keys(errors).length > 0 || !urgency) return { ok: false, errors };
  const request: EscalationRequest = { topic, description, urgency: urgency satisfies Urgency, municipality, name, consent: isYes(values.consent) };
  if (email) request.email = email;
  if (phone) request.phone = phone;
  return { ok: true, request };
}

/** Reads a checkbox value as sent by any platform ("true", "on", "ja", true …). */
export function isYes(value: string | boolean | undefined): boolean {
  if (typeof value === 'boolean') return value;
  return /^(true|on|yes|ja|j|y|1)$/i.test((value ?? '').trim());
}
