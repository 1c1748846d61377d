import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessDaysBetween,
  businessHours,
  businessMs,
  businessMsByDays,
  easterSunday,
  frenchHolidays,
  isBusinessDay,
  parisDay,
  parisMidnight,
} from './business-time.ts';

const at = (iso: string) => Date.parse(iso);

describe('French public holidays', () => {
  it('finds Easter Sunday for years checked against the calendar', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the eleven holidays of 2026, with the moveable ones from Easter', () => {
    expect([...frenchHolidays(2026)]).toEqual([
      ['2026-01-01', 'Jour de l’an'],
      ['2026-04-06', 'Lundi de Pâques'],
      ['2026-05-01', 'Fête du Travail'],
      ['2026-05-08', 'Victoire 1945'],
      ['2026-05-14', 'Ascension'],
      ['2026-05-25', 'Lundi de Pentecôte'],
      ['2026-07-14', 'Fête nationale'],
      ['2026-08-15', 'Assomption'],
      ['2026-11-01', 'Toussaint'],
      ['2026-11-11', 'Armistice 1918'],
      ['2026-12-25', 'Noël'],
    ]);
  });

  it('tells business days from weekends and holidays', () => {
    expect(isBusinessDay('2026-05-13')).toBe(true); // Wednesday
    expect(isBusinessDay('2026-05-14')).toBe(false); // Ascension Thursday
    expect(isBusinessDay('2026-05-16')).toBe(false); // Saturday
    expect(isBusinessDay('2025-06-09')).toBe(false); // Whit Monday 2025
    expect(isBusinessDay('2025-04-21')).toBe(false); // Easter Monday 2025
    expect(businessDaysBetween('2026-05-01', '2026-05-31')).toBe(17);
  });
});

describe('Paris days', () => {
  it('cuts days at midnight Paris time, in winter and in summer', () => {
    expect(parisDay('2026-01-15T23:30:00Z')).toBe('2026-01-16');
    expect(parisDay('2026-07-15T21:59:00Z')).toBe('2026-07-15');
    expect(parisDay('2026-07-15T22:00:00Z')).toBe('2026-07-16');
    expect(new Date(parisMidnight('2026-01-16')).toISOString()).toBe('2026-01-15T23:00:00.000Z');
    expect(new Date(parisMidnight('2026-07-16')).toISOString()).toBe('2026-07-15T22:00:00.000Z');
    // The night clocks go forward: that day has 23 hours.
    expect(parisMidnight('2026-03-30') - parisMidnight('2026-03-29')).toBe(23 * 3_600_000);
  });
});

describe('business hours', () => {
  it('counts a weekday span as it is', () => {
    expect(businessHours(at('2026-03-10T09:00:00+01:00'), at('2026-03-10T15:30:00+01:00'))).toBe(6.5);
  });

  it('skips a weekend', () => {
    // Friday 16:00 → Monday 10:00: 8 h on Friday, 10 h on Monday.
    expect(businessHours(at('2026-03-13T16:00:00+01:00'), at('2026-03-16T10:00:00+01:00'))).toBe(18);
  });

  it('skips a public holiday next to a weekend (Friday 1 May 2026)', () => {
    // Thursday 10:00 → Monday 10:00: 14 h on Thursday, nothing Friday to Sunday, 10 h on Monday.
    expect(businessHours(at('2026-04-30T10:00:00+02:00'), at('2026-05-04T10:00:00+02:00'))).toBe(24);
  });

  it('skips Ascension and Whit Monday', () => {
    // Wednesday 13 May 12:00 → Friday 15 May 12:00: Thursday is Ascension.
    expect(businessHours(at('2026-05-13T12:00:00+02:00'), at('2026-05-15T12:00:00+02:00'))).toBe(24);
    // Friday 22 May 18:00 → Tuesday 26 May 06:00: weekend then Whit Monday.
    expect(businessHours(at('2026-05-22T18:00:00+02:00'), at('2026-05-26T06:00:00+02:00'))).toBe(12);
  });

  it('takes out the time spent waiting for the citizen, only where it overlaps', () => {
    const start = at('2026-03-09T09:00:00+01:00'); // Monday
    const end = at('2026-03-13T09:00:00+01:00'); // Friday
    // Paused Tuesday 09:00 → Thursday 09:00, i.e. 48 business hours out of 96.
    const pause = [at('2026-03-10T09:00:00+01:00'), at('2026-03-12T09:00:00+01:00')] as const;
    expect(businessHours(start, end, [pause])).toBe(48);
    // A pause still running after the end only counts up to the end.
    expect(businessHours(start, end, [[at('2026-03-12T09:00:00+01:00'), at('2026-03-20T00:00:00+01:00')]])).toBe(72);
    // A pause over a weekend takes out nothing of the weekend.
    expect(
      businessHours(at('2026-03-13T12:00:00+01:00'), at('2026-03-16T12:00:00+01:00'), [
        [at('2026-03-13T18:00:00+01:00'), at('2026-03-16T06:00:00+01:00')],
      ]),
    ).toBe(12);
  });

  it('is zero for an empty or reversed span', () => {
    expect(businessHours(at('2026-03-10T09:00:00Z'), at('2026-03-10T09:00:00Z'))).toBe(0);
    expect(businessHours(at('2026-03-10T10:00:00Z'), at('2026-03-10T09:00:00Z'))).toBe(0);
    expect(businessHours(at('2026-03-14T10:00:00Z'), at('2026-03-15T09:00:00Z'))).toBe(0);
  });

  it('adds business time across a weekend and a holiday', () => {
    // Thursday 30 April 2026 12:00 + 2 business days → Tuesday 5 May 12:00.
    expect(new Date(addBusinessTime(at('2026-04-30T12:00:00+02:00'), 48 * 3_600_000)).toISOString()).toBe(
      '2026-05-05T10:00:00.000Z',
    );
  });
});

describe('business time by running totals', () => {
  it('equals the day-by-day count for any span, across DST changes, holidays and years', () => {
    const from = Date.UTC(2019, 0, 1);
    const to = Date.UTC(2031, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 90 * 24 * 3_600_000 }),
        (start, span) => {
          expect(businessMs(start, start + span)).toBe(businessMsByDays(start, start + span));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('falls back to the day walk before 2000', () => {
    const start = Date.UTC(1999, 11, 24, 10);
    expect(businessMs(start, Date.UTC(2000, 0, 4, 10))).toBe(businessMsByDays(start, Date.UTC(2000, 0, 4, 10)));
  });
});
