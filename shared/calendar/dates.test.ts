// Epoch-day helpers: the integer arithmetic the working-day loops rely on.

import { describe, expect, it } from 'vitest';
import { epochDayOf, formatEpochDay, isWeekend, shanghaiEpochDay, tryEpochDay, weekdayOf, weekdaysInRange, yearOfEpochDay, yearStartEpochDay } from './dates';

describe('epoch days', () => {
  it.each([
    ['1970-01-01', 0, 4], // Thursday
    ['1969-12-28', -4, 0], // Sunday before the epoch
    ['2025-09-28', 20359, 0], // Sunday
    ['2025-10-11', 20372, 6], // Saturday
    ['2026-02-14', 20498, 6], // Saturday
    ['2000-02-29', 11016, 2], // leap day, Tuesday
  ])('%s is day %i, weekday %i', (date, day, weekday) => {
    expect(epochDayOf(date)).toBe(day);
    expect(formatEpochDay(day)).toBe(date);
    expect(weekdayOf(day)).toBe(weekday);
    expect(isWeekend(day)).toBe(weekday === 0 || weekday === 6);
  });

  it.each(['2025-02-29', '2025-04-31', '2025-00-10', '2025-1-01', '0099-01-01', ' 2025-01-01', 'abcd-ef-gh'])('rejects %j', (date) => {
    expect(tryEpochDay(date)).toBeUndefined();
    expect(() => epochDayOf(date)).toThrow(RangeError);
  });

  it.each([
    [2024, '2024-01-01'],
    [2025, '2025-01-01'],
    [2027, '2027-01-01'],
  ])('year %i starts on %s', (year, date) => {
    const start = yearStartEpochDay(year);
    expect(formatEpochDay(start)).toBe(date);
    expect(yearOfEpochDay(start)).toBe(year);
    expect(yearOfEpochDay(start - 1)).toBe(year - 1);
  });

  it.each([
    ['2025-09-27T15:59:59.999Z', '2025-09-27'],
    ['2025-09-27T16:00:00.000Z', '2025-09-28'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
  ])('Shanghai day of %s is %s', (instant, date) => {
    expect(formatEpochDay(shanghaiEpochDay(new Date(instant)))).toBe(date);
  });
});

describe('weekdaysInRange', () => {
  it('matches a day-by-day count for every range of up to 30 days starting in a fortnight', () => {
    const base = epochDayOf('2025-09-22');
    for (let from = base; from < base + 14; from++) {
      for (let to = from - 1; to < from + 30; to++) {
        let brute = 0;
        for (let day = from; day <= to; day++) if (!isWeekend(day)) brute++;
        expect(weekdaysInRange(from, to)).toBe(brute);
      }
    }
  });

  it.each([
    ['2025-09-22', '2025-09-28', 5], // Mon…Sun
    ['2025-09-27', '2025-09-28', 0], // a weekend
    ['2025-01-01', '2025-12-31', 261],
    ['2025-09-28', '2025-09-27', 0], // empty range
  ])('%s…%s has %i weekdays', (from, to, expected) => {
    expect(weekdaysInRange(epochDayOf(from), epochDayOf(to))).toBe(expected);
  });
});
