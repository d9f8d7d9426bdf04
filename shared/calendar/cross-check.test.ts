// Independent cross-check against the chinese-days package (its own hand-maintained holiday
// table). Test-only: the runtime module must not depend on it. Disagreements are listed by date
// so a data error shows up as a readable diff rather than a single failed assertion.

import { findWorkday, isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, shippedCalendarYears } from './index';

const calendar = new WorkingCalendar(shippedCalendarYears());

/** Every YYYY-MM-DD of a year, built from UTC noon so no local-time shift can creep in. */
function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let ms = Date.UTC(year, 0, 1, 12); new Date(ms).getUTCFullYear() === year; ms += 86_400_000) {
    dates.push(new Date(ms).toISOString().slice(0, 10));
  }
  return dates;
}

/** chinese-days formats dates with local getters, so hand it local noon of the date. */
function localNoon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 12);
}

describe('agrees with chinese-days', () => {
  it.each([2025, 2026])('isWorkingDay matches isWorkday on every date of %i', (year) => {
    const dates = datesOf(year);
    expect(dates).toHaveLength(365);
    const disagreements = dates
      .filter((date) => calendar.isWorkingDay(date) !== isWorkday(localNoon(date)))
      .map((date) => `${date}: ours ${calendar.isWorkingDay(date)}, chinese-days ${isWorkday(localNoon(date))}`);
    expect(disagreements).toEqual([]);
  });

  it('addWorkingDays matches findWorkday for every start day of 2025 and 2026 until 11-30, N = 0…10', () => {
    const disagreements: string[] = [];
    // Stop before December 2026 so no deadline reaches 2027, which neither source has.
    for (const date of [...datesOf(2025), ...datesOf(2026)].filter((d) => d < '2026-12-01')) {
      for (let n = 0; n <= 10; n++) {
        const ours = WorkingCalendar.shanghaiDate(calendar.addWorkingDays(new Date(`${date}T10:00:00+08:00`), n).due);
        const theirs = findWorkday(n, localNoon(date));
        if (ours !== theirs) disagreements.push(`${date} +${n}: ours ${ours}, chinese-days ${theirs}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
