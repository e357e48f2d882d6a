import type { Locale } from '../shared/locale.ts';
import { escalationStrings } from './escalation-strings.ts';
import { MAX_LENGTH, URGENCIES, type EscalationRequest, type FieldId } from './escalation-request.ts';
import type { Urgency } from './office-hours.ts';

/** The outcome of checking a submitted form: the request, or a message per field that is wrong. */
export type Validation = { ok: true; request: EscalationRequest } | { ok: false; errors: Partial<Record<FieldId, string>> };

const EMAIL = /[^\s@,;/<>()]+@[^\s@,;/<>()]+\.[^\s@,;/<>()]{2,}/u;
const PHONE = /^(?:\+45|0045)?\d{8}$/;
/** What may stand between an e-mail address and a phone number in one field ("mette@x.dk / 22 33 44 55", "tlf. …"). */
const BETWEEN = /\b(?:og|eller|and|or|tlf|telefon|mobil|phone|mail|e-mail)\b\.?|[/,;:|&+](?!\d)/giu;

/** The e-mail address and Danish phone number a contact field holds, either or both; undefined when it holds anything else. */
function readContact(contact: string): { email?: string; phone?: string } | undefined {
  const email = EMAIL.exec(contact)?.[0];
  const rest = (email ? contact.replace(email, ' ') : contact).replace(BETWEEN, ' ').replace(/[\s-]/g, '');
  if (rest === '') return email ? { email } : undefined;
  return PHONE.test(rest) ? { ...(email ? { email } : {}), phone: rest } : undefined;
}

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
  const reached = errors.contact ? undefined : readContact(contact);
  if (!errors.contact && !reached) errors.contact = s.badContact;
  const { email, phone } = reached ?? {};
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
