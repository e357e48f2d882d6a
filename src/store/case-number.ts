// Made on first use: an Intl formatter with a time zone maps about 7 MB of ICU data that an idle server need not hold.
let copenhagenYear: Intl.DateTimeFormat | undefined;

/** The case number prefix when CASE_PREFIX is not set. */
export const DEFAULT_CASE_PREFIX = 'KL';

/** The calendar year a case belongs to, in Danish time (a case opened at 00:30 on 1 January is next year's). */
export function caseYear(at: Date): number {
  copenhagenYear ??= new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
  return Number(copenhagenYear.format(at));
}

/** Formats a case number such as KL-2026-0042 (four digits at least; more when a year passes 9999 cases). */
export function formatCaseNumber(year: number, sequence: number, prefix: string = DEFAULT_CASE_PREFIX): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}
