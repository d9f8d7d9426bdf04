import { describe, expect, it } from 'vitest';
import { dayPeriod, isoWeekOf, lastMonths, shanghaiDate, weekPeriod } from './period';

describe('brief periods in Asia/Shanghai', () => {
  it.each([
    ['2026-03-02', '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    ['2026-12-31', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('day %s is [%s, %s)', (date, start, end) => {
    const p = dayPeriod(date);
    expect(p?.start.toISOString()).toBe(start);
    expect(p?.end.toISOString()).toBe(end);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-3-2', 'today', ''])('refuses the day %j', (date) => {
    expect(dayPeriod(date)).toBeNull();
  });

  it.each([
    // ISO weeks: week 1 holds 4 January; 2026 starts on a Thursday, 2027 on a Friday; 2020 and 2026 have 53 weeks.
    ['2026-W01', '2025-12-29'],
    ['2026-W10', '2026-03-02'],
    ['2027-W01', '2027-01-04'],
    ['2020-W53', '2020-12-28'],
    ['2026-W53', '2026-12-28'],
  ])('week %s starts on Monday %s at 00:00 Beijing time and lasts 7 days', (week, monday) => {
    const p = weekPeriod(week);
    expect(p?.start.toISOString()).toBe(new Date(`${monday}T00:00:00+08:00`).toISOString());
    expect(((p?.end.getTime() ?? 0) - (p?.start.getTime() ?? 0)) / 86_400_000).toBe(7);
  });

  it.each(['2027-W53', '2026-W00', '2026-10', '2026W10'])('refuses the week %j', (week) => {
    expect(weekPeriod(week)).toBeNull();
  });

  it.each([
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-03-08', '2026-W10'],
    ['2026-03-09', '2026-W11'],
  ])('%s falls in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('takes the Shanghai date of an instant (16:00 UTC is the next day there)', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('lists the last months across a year boundary', () => {
    const { starts, end } = lastMonths(new Date('2026-01-31T17:00:00Z'), 3);
    // 17:00 UTC on 31 January is already 1 February in Shanghai.
    expect(starts.map((s) => shanghaiDate(s))).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(shanghaiDate(end)).toBe('2026-03-01');
  });
});
