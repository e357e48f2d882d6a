/** A calendar day as "MM-DD". */
export type MonthDay = `${string}-${string}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** Offsets from Easter Sunday of the movable public holidays, and the last year each was one. */
const MOVABLE: readonly { offset: number; until?: number }[] = [
  { offset: -3 }, // skærtorsdag
  { offset: -2 }, // langfredag
  { offset: 0 }, // påskedag
  { offset: 1 }, // 2. påskedag
  { offset: 26, until: 2023 }, // store bededag (abolished from 2024)
  { offset: 39 }, // Kristi himmelfartsdag
  { offset: 49 }, // pinsedag
  { offset: 50 }, // 2. pinsedag
];

/** The fixed public holidays: nytårsdag, juledag, 2. juledag. */
const FIXED: readonly MonthDay[] = ['01-01', '12-25', '12-26'];

function monthDay(date: Date): MonthDay {
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The Danish public holidays ("helligdage") of a year as "MM-DD", sorted. Grundlovsdag, juleaftensdag and
 * nytårsaftensdag are not public holidays (office-hours.ts closes them separately).
 */
export function danishPublicHolidays(year: number): MonthDay[] {
  const easter = easterSunday(year).getTime();
  const movable = MOVABLE.filter((h) => h.until === undefined || year <= h.until).map((h) => monthDay(new Date(easter + h.offset * 86_400_000)));
  return [...FIXED, ...movable].sort();
}
