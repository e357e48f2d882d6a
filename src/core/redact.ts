/** Kinds of personal data the redactor recognises. */
export type PersonalDataKind = 'cpr' | 'email' | 'phone';

const CPR = /(?<![\d-])(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?![\d-])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = /(?<![\p{L}\p{N}])(?:(?:\+|00)\d{1,3}[ -]?)?(?:\d[ -]?){7}\d(?![\p{N}])/gu;

const PLACEHOLDER: Record<PersonalDataKind, string> = {
  cpr: '[CPR-nummer fjernet]',
  email: '[e-mail fjernet]',
  phone: '[telefonnummer fjernet]',
};

/** True when day/month/year form a real calendar date (two-digit year: leap years by %4). */
function isValidCprDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Fewest digits a CPR number (10) or a phone number (8) can have: text with fewer holds neither. */
const MIN_NUMBER_DIGITS = 8;

/** True when `text` has at least `min` ASCII digits (a cheap test that spares most text the number patterns). */
function hasDigits(text: string, min: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++count >= min) return true;
  }
  return false;
}

/** Finds CPR numbers (DDMMYY-XXXX, with or without dash, valid dates only) in text. */
export function findCprNumbers(text: string): string[] {
  return [...text.matchAll(CPR)]
    .filter((m) => isValidCprDate(Number(m[1]), Number(m[2]), Number(m[3])))
    .map((m) => m[0]);
}

/** Replaces CPR numbers only (for form fields where the requester's own e-mail and phone are meant to be kept). */
export function redactCprNumbers(text: string): Redaction {
  if (!hasDigits(text, MIN_NUMBER_DIGITS)) return { text, found: [] };
  let found = false;
  const out = text.replace(CPR, (match, d: string, m: string, y: string) => {
    if (!isValidCprDate(Number(d), Number(m), Number(y))) return match;
    found = true;
    return PLACEHOLDER.cpr;
  });
  return { text: out, found: found ? ['cpr'] : [] };
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
  const numbers = hasDigits(text, MIN_NUMBER_DIGITS);
  const emails = text.includes('@');
  const found = new Set<PersonalDataKind>();
  const keep = new Set((options.keepEmails ?? []).map((e) => e.toLowerCase()));
  let out = text;
  if (numbers) {
    out = out.replace(CPR, (match, d: string, m: string, y: string) => {
      if (!isValidCprDate(Number(d), Number(m), Number(y))) return match;
      found.add('cpr');
      return PLACEHOLDER.cpr;
    });
  }
  if (emails) {
    out = out.replace(EMAIL, (match) => {
      if (keep.has(match.toLowerCase())) return match;
      found.add('email');
      return PLACEHOLDER.email;
    });
  }
  if (numbers) {
    out = out.replace(PHONE, () => {
      found.add('phone');
      return PLACEHOLDER.phone;
    });
  }
  return { text: out, found: [...found] };
}

/** Shorthand: the redacted text only. */
export function redact(text: string, options: RedactOptions = {}): string {
  return redactPersonalData(text, options).text;
}
