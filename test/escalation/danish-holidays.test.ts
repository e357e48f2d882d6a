import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { danishPublicHolidays, easterSunday } from '../../src/escalation/danish-holidays.ts';

// date-holidays (a development dependency) is the reference the small calculation replaces.
const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
const reference = new HolidaysClass('DK');

describe('Danish public holidays', () => {
  it('are the days date-holidays lists as public in Denmark, every year 2000–2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      const expected = reference
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(5, 10))
        .sort();
      expect(danishPublicHolidays(year), String(year)).toEqual(expected);
    }
  });

  it('know Easter, and keep store bededag until 2023 only', () => {
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(easterSunday(2038).toISOString().slice(0, 10)).toBe('2038-04-25');
    expect(danishPublicHolidays(2023)).toContain('05-05');
    expect(danishPublicHolidays(2024)).toHaveLength(10);
    expect(danishPublicHolidays(2023)).toHaveLength(11);
  });
});
