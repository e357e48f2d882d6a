import type { TextSpan } from './cpr-numbers.ts';

/**
 * Eight digits, optionally after a country code (+45 / 0045), with at most one space or hyphen between digits. Not
 * right after a letter or digit, nor after one and a hyphen (a case number such as KL-2026-0042 is no phone number).
 */
const PHONE = /(?<![\p{L}\p{N}]-?)(?:(?:\+|00)\d{1,3}[ -]?)?(?:\d[ -]?){7}\d(?!\p{N})/gu;
/** Shapes that have eight digits but are dates (12-05-2024, 2026-12-08) or year ranges (2019-2023), not phone numbers. */
const DATE = /^(\d{2})-(\d{2})-\d{4}$/;
const ISO_DATE = /^(?:19|20)\d\d-(\d{2})-(\d{2})$/;
const YEAR_RANGE = /^(?:19|20)\d\d-(?:19|20)\d\d$/;

function isDayAndMonth(day: string | undefined, month: string | undefined): boolean {
  return Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;
}

function isDateOrYearRange(match: string): boolean {
  if (YEAR_RANGE.test(match)) return true;
  const date = DATE.exec(match);
  if (date) return isDayAndMonth(date[1], date[2]);
  const iso = ISO_DATE.exec(match);
  return iso !== null && isDayAndMonth(iso[2], iso[1]);
}

/** Where the phone numbers are in `text` (dates and year ranges written with hyphens are left out). */
export function findPhoneSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(PHONE)) {
    if (!isDateOrYearRange(match[0])) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
