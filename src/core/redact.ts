import { findCprSpans, replaceSpans, type TextSpan } from './cpr-numbers.ts';
import { findEmailSpans } from './email-addresses.ts';
import { findPhoneSpans } from './phone-numbers.ts';

/** Kinds of personal data the redactor recognises. */
export type PersonalDataKind = 'cpr' | 'email' | 'phone';

const PLACEHOLDER: Record<PersonalDataKind, string> = {
  cpr: '[CPR-nummer fjernet]',
  email: '[e-mail fjernet]',
  phone: '[telefonnummer fjernet]',
};

/** Fewest digits a CPR number (10) or a phone number (8) can have: text with fewer holds neither. */
const MIN_NUMBER_DIGITS = 8;
const CPR_DIGITS = 10;
const NUMERIC = /^\p{N}$/u;

/**
 * How many characters of `text` are or may become digits (ASCII digits, and any other numeric character, such as
 * full-width digits, which NFKC turns into ASCII ones), counting no further than `min`: a cheap test that spares most
 * text the number patterns.
 */
function digitLike(text: string, min: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < min; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 0x80 && NUMERIC.test(text[i] ?? ''))) count++;
    // An astral numeral (e.g. mathematical bold digits) is a surrogate pair: test it whole.
    else if (code >= 0xd800 && code <= 0xdbff && NUMERIC.test(text.slice(i, i + 2))) count++;
  }
  return count;
}

/** Finds CPR numbers (DDMMYY and four digits, valid dates only, however they are separated or spelled) in text. */
export function findCprNumbers(text: string): string[] {
  return findCprSpans(text).map((span) => text.slice(span.start, span.end));
}

function cprSpans(text: string): TextSpan[] {
  return digitLike(text, CPR_DIGITS) >= CPR_DIGITS ? findCprSpans(text) : [];
}

/** Replaces CPR numbers only (for form fields where the requester's own e-mail and phone are meant to be kept). */
export function redactCprNumbers(text: string): Redaction {
  const spans = cprSpans(text);
  return { text: replaceSpans(text, spans, PLACEHOLDER.cpr), found: spans.length > 0 ? ['cpr'] : [] };
}

/** Options for redaction: e-mail addresses to keep (e.g. the contact's own). */
export interface RedactOptions {
  keepEmails?: readonly string[];
}

/** The redacted text and which kinds of personal data were found. */
export interface Redaction {
  text: string;
  found: PersonalDataKind[];
}

/** Replaces CPR numbers, e-mail addresses and phone numbers with placeholders before text is stored, logged or sent on. */
export function redactPersonalData(text: string, options: RedactOptions = {}): Redaction {
  const found = new Set<PersonalDataKind>();
  let out = text;
  const cpr = cprSpans(out);
  if (cpr.length > 0) {
    found.add('cpr');
    out = replaceSpans(out, cpr, PLACEHOLDER.cpr);
  }
  if (out.includes('@')) {
    const keep = new Set((options.keepEmails ?? []).map((e) => e.toLowerCase()));
    const emails = findEmailSpans(out).filter((span) => !keep.has(out.slice(span.start, span.end).toLowerCase()));
    if (emails.length > 0) {
      found.add('email');
      out = replaceSpans(out, emails, PLACEHOLDER.email);
    }
  }
  const phones = digitLike(out, MIN_NUMBER_DIGITS) >= MIN_NUMBER_DIGITS ? findPhoneSpans(out) : [];
  if (phones.length > 0) {
    found.add('phone');
    out = replaceSpans(out, phones, PLACEHOLDER.phone);
  }
  return { text: out, found: [...found] };
}

/** Any placeholder, with the spaces around it. */
const PLACEHOLDERS = new RegExp(`\\s*(?:${Object.values(PLACEHOLDER).map((p) => p.replace(/[[\]-]/g, '\\$&')).join('|')})\\s*`, 'g');

/**
 * Redacted text as it is read for its meaning (search, commands, small talk, danger, follow-ups): the placeholders taken
 * out, so their words ("CPR-nummer", "telefonnummer") never steer what the message is taken to be about.
 */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDERS, ' ').trim();
}

/** Shorthand: the redacted text only. */
export function redact(text: string, options: RedactOptions = {}): string {
  return redactPersonalData(text, options).text;
}
