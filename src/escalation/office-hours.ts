import { danishPublicHolidays } from './danish-holidays.ts';

/** How soon a requester needs an answer (the form's urgency choice). */
export type Urgency = 'urgent' | 'days' | 'none';

/**
 * The answer promise, stated once:
 * - office hours are Monday–Friday 09:00–16:00 Europe/Copenhagen, except Danish public holidays (danish-holidays.ts)
 *   and the days KL is closed anyway: Grundlovsdag (5 June), Juleaftensdag (24 December) and 31 December;
 * - urgent ("akut – krise i gang"): within 2 office hours of the request (counted from the next opening when it comes
 *   outside office hours);
 * - days ("inden for et par dage"): by closing time on the 2nd working day after the day of the request;
 * - none ("ingen hast"): by closing time on the 5th working day after the day of the request.
 */
export const OFFICE_HOURS = { zone: 'Europe/Copenhagen', openHour: 9, closeHour: 16, urgentHours: 2, daysWorkingDays: 2, noneWorkingDays: 5 } as const;

const EXTRA_CLOSED = new Set(['06-05', '12-24', '12-31']);
const closedByYear = new Map<number, Set<string>>();
// Made on first use: an Intl formatter with a time zone maps about 7 MB of ICU data that an idle server need not hold.
let wallClockFormat: Intl.DateTimeFormat | undefined;

/** The formatter of Copenhagen wall-clock time. */
function wallClock(): Intl.DateTimeFormat {
  wallClockFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: OFFICE_HOURS.zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return wallClockFormat;
}

/** A calendar day in Copenhagen (month 1-12). */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** When an answer can be expected for a request made at `at` with the given urgency (see OFFICE_HOURS). */
export function expectedAnswerBy(at: Date, urgency: Urgency): Date {
  if (urgency === 'urgent') return addOfficeMinutes(at, OFFICE_HOURS.urgentHours * 60);
  let day = localParts(at).day;
  const count = urgency === 'days' ? OFFICE_HOURS.daysWorkingDays : OFFICE_HOURS.noneWorkingDays;
  for (let found = 0; found < count; ) {
    day = nextDay(day);
    if (isWorkingDay(day)) found++;
  }
  return fromLocal(day, OFFICE_HOURS.closeHour * 60);
}

/** True when `at` falls within office hours (a working day, 09:00–16:00 in Copenhagen). */
export function isOfficeHours(at: Date): boolean {
  const { day, minute } = localParts(at);
  return isWorkingDay(day) && minute >= OFFICE_HOURS.openHour * 60 && minute < OFFICE_HOURS.closeHour * 60;
}

/** When a consultant can first see a request made at `at`: `at` itself in office hours, otherwise the next opening. */
export function nextOpening(at: Date): Date {
  return isOfficeHours(at) ? at : addOfficeMinutes(at, 0);
}

/** True on Monday–Friday that is neither a Danish public holiday nor one of KL's extra closed days. */
export function isWorkingDay(day: LocalDay): boolean {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !closedDays(day.year).has(key(day));
}

function addOfficeMinutes(at: Date, minutes: number): Date {
  const { day: start, minute } = localParts(at);
  let day = start;
  let cursor = minute;
  let left = minutes;
  for (;;) {
    const open = OFFICE_HOURS.openHour * 60;
    const close = OFFICE_HOURS.closeHour * 60;
    if (isWorkingDay(day) && cursor < close) {
      const from = Math.max(cursor, open);
      if (from + left <= close) return fromLocal(day, from + left);
      left -= close - from;
    }
    day = nextDay(day);
    cursor = 0;
  }
}

function closedDays(year: number): Set<string> {
  let days = closedByYear.get(year);
  if (!days) {
    days = new Set([...EXTRA_CLOSED, ...danishPublicHolidays(year)]);
    closedByYear.set(year, days);
  }
  return days;
}

function key(day: LocalDay): string {
  return `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

function nextDay(day: LocalDay): LocalDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function localParts(at: Date): { day: LocalDay; minute: number } {
  const p = Object.fromEntries(wallClock().formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { day: { year: p.year ?? 0, month: p.month ?? 1, day: p.day ?? 1 }, minute: (p.hour ?? 0) * 60 + (p.minute ?? 0) + (p.second ?? 0) / 60 };
}

/** The instant at `minute` minutes after midnight on a Copenhagen calendar day. */
function fromLocal(day: LocalDay, minute: number): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day, 0, minute);
  const offset = (t: number) => {
    const { day: d, minute: m } = localParts(new Date(t));
    return Date.UTC(d.year, d.month - 1, d.day, 0, m) - t;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}
