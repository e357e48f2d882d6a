import { describe, expect, it } from 'vitest';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { expectedAnswerBy, isOfficeHours, isWorkingDay, nextOpening, OFFICE_HOURS } from '../../src/escalation/office-hours.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

/** Copenhagen wall time → ISO string in UTC (CET = +01:00, CEST = +02:00). */
const cph = (local: string, offset: '+01:00' | '+02:00') => new Date(`${local}${offset}`);

describe('expectedAnswerBy', () => {
  it('urgent within office hours: two hours later the same day', () => {
    expect(expectedAnswerBy(cph('2026-03-10T10:15:00', '+01:00'), 'urgent')).toEqual(cph('2026-03-10T12:15:00', '+01:00'));
  });

  it('urgent in the evening: two hours after the next opening', () => {
    expect(expectedAnswerBy(cph('2026-03-10T19:30:00', '+01:00'), 'urgent')).toEqual(cph('2026-03-11T11:00:00', '+01:00'));
  });

  it('urgent late in the day carries the rest over to the next morning', () => {
    expect(expectedAnswerBy(cph('2026-03-10T15:30:00', '+01:00'), 'urgent')).toEqual(cph('2026-03-11T10:30:00', '+01:00'));
  });

  it('urgent on a Friday evening: Monday morning', () => {
    expect(expectedAnswerBy(cph('2026-03-13T17:00:00', '+01:00'), 'urgent')).toEqual(cph('2026-03-16T11:00:00', '+01:00'));
  });

  it('a few days over a weekend: closing time on the second working day', () => {
    // Friday 13 March 2026 → Monday (1), Tuesday (2)
    expect(expectedAnswerBy(cph('2026-03-13T11:00:00', '+01:00'), 'days')).toEqual(cph('2026-03-17T16:00:00', '+01:00'));
  });

  it('no rush over Easter: skips Skærtorsdag, Langfredag and Anden påskedag', () => {
    // Wednesday 1 April 2026 → Tue 7, Wed 8, Thu 9, Fri 10, Mon 13
    expect(expectedAnswerBy(cph('2026-04-01T09:30:00', '+02:00'), 'none')).toEqual(cph('2026-04-13T16:00:00', '+02:00'));
  });

  it('urgent on a public holiday (Kristi Himmelfartsdag) waits for the next working day', () => {
    expect(expectedAnswerBy(cph('2026-05-14T10:00:00', '+02:00'), 'urgent')).toEqual(cph('2026-05-15T11:00:00', '+02:00'));
  });

  it('urgent on Christmas Eve waits until 28 December', () => {
    expect(expectedAnswerBy(cph('2026-12-24T10:00:00', '+01:00'), 'urgent')).toEqual(cph('2026-12-28T11:00:00', '+01:00'));
  });

  it('keeps Copenhagen wall time across the switch to summer time', () => {
    // Friday 27 March 2026 (CET) + 2 working days → Tuesday 31 March (CEST)
    expect(expectedAnswerBy(cph('2026-03-27T12:00:00', '+01:00'), 'days')).toEqual(cph('2026-03-31T16:00:00', '+02:00'));
  });
});

describe('isWorkingDay', () => {
  it('knows weekends, holidays and ordinary days', () => {
    expect(isWorkingDay({ year: 2026, month: 3, day: 14 })).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 12, day: 25 })).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 6, day: 5 })).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 6, day: 4 })).toBe(true);
  });
});

describe('isOfficeHours and nextOpening', () => {
  it('counts 09:00 up to (not including) 16:00 on a working day as office hours', () => {
    expect([cph('2026-03-10T08:59:00', '+01:00'), cph('2026-03-10T09:00:00', '+01:00'), cph('2026-03-10T15:59:00', '+01:00'), cph('2026-03-10T16:00:00', '+01:00')].map(isOfficeHours)).toEqual([false, true, true, false]);
  });

  it('in office hours a consultant can see a request at once', () => {
    const at = cph('2026-03-10T10:15:00', '+01:00');
    expect(nextOpening(at)).toEqual(at);
  });

  it('on a Saturday night the next opening is Monday 09:00; before Easter it skips the holidays', () => {
    expect(nextOpening(cph('2026-03-14T22:00:00', '+01:00'))).toEqual(cph('2026-03-16T09:00:00', '+01:00'));
    expect(nextOpening(cph('2026-04-01T17:00:00', '+02:00'))).toEqual(cph('2026-04-07T09:00:00', '+02:00'));
  });
});


describe('the answer promise as the shipped knowledge tells it', () => {
  it('the "Kontakt en konsulent" entry gives the office hours and answer times the code keeps', async () => {
    const { knowledge } = await loadKnowledge('knowledge', loadFlowEngine);
    const answer = knowledge.faq.get('kontakt-konsulent')?.answer ?? '';
    const h = OFFICE_HOURS;
    expect(answer).toContain(`hverdage kl. ${h.openHour}–${h.closeHour}`);
    expect(answer).toContain(`ved en krise inden for ${h.urgentHours} timer i kontortiden`);
    expect(answer).toContain(`senest kl. ${h.closeHour} på ${h.daysWorkingDays}. arbejdsdag`);
    expect(answer).toContain(`på ${h.noneWorkingDays}. arbejdsdag`);
  });
});
