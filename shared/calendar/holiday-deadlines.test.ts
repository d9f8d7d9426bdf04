// Deadlines across real holiday breaks. Every expected date was worked out by hand from
// holidays/2025.json and holidays/2026.json (weekday of each date noted in the comments).

import { describe, expect, it } from 'vitest';
import { WorkingCalendar, shippedCalendarYears } from './index';

const calendar = new WorkingCalendar(shippedCalendarYears());

/** An instant given as Asia/Shanghai wall-clock time. */
function shanghai(local: string): Date {
  return new Date(`${local}+08:00`);
}

/** The deadline instant for a date: 23:59:59.999 Asia/Shanghai. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

describe('2025 National Day + Mid-Autumn (off Wed 10-01 … Wed 10-08; make-up Sun 09-28, Sat 10-11)', () => {
  // Working days from late September: Thu 25, Fri 26, Sun 28 (make-up), Mon 29, Tue 30,
  // Thu 10-09, Fri 10-10, Sat 10-11 (make-up), Mon 10-13, Tue 10-14 …
  it.each([
    ['2025-09-26T14:00', 0, '2025-09-26'], // Fri, working: its own end of day
    ['2025-09-26T14:00', 1, '2025-09-28'], // Sat 27 off, Sun 28 make-up
    ['2025-09-26T14:00', 2, '2025-09-29'],
    ['2025-09-26T14:00', 3, '2025-09-30'],
    ['2025-09-26T14:00', 4, '2025-10-09'], // jumps the eight-day break
    ['2025-09-26T14:00', 5, '2025-10-10'],
    ['2025-09-26T14:00', 6, '2025-10-11'], // Sat make-up
    ['2025-09-26T14:00', 7, '2025-10-13'], // Sun 10-12 is off
    ['2025-09-26T00:00', 1, '2025-09-28'], // the hour of submission never matters
    ['2025-09-26T23:59', 1, '2025-09-28'],
    ['2025-09-25T09:30', 3, '2025-09-29'], // Fri 26, Sun 28, Mon 29
    ['2025-09-27T10:00', 0, '2025-09-28'], // Sat off → next working day is the Sunday make-up
    ['2025-09-27T10:00', 1, '2025-09-28'],
    ['2025-09-28T10:00', 0, '2025-09-28'], // make-up Sunday counts as its own day
    ['2025-09-28T10:00', 1, '2025-09-29'],
    ['2025-09-29T10:00', 5, '2025-10-13'], // Tue 30, Thu 9, Fri 10, Sat 11, Mon 13
    ['2025-09-30T16:00', 1, '2025-10-09'],
    ['2025-09-30T16:00', 2, '2025-10-10'],
    ['2025-09-30T16:00', 3, '2025-10-11'],
    ['2025-09-30T16:00', 4, '2025-10-13'],
    ['2025-10-01T08:00', 0, '2025-10-09'], // holiday start → first working day after the break
    ['2025-10-03T11:00', 1, '2025-10-09'], // submitted during the holiday
    ['2025-10-06T11:00', 3, '2025-10-11'], // Mid-Autumn day itself (inside the break)
    ['2025-10-08T20:00', 0, '2025-10-09'],
    ['2025-10-08T20:00', 1, '2025-10-09'],
    ['2025-10-09T09:00', 0, '2025-10-09'],
    ['2025-10-09T09:00', 2, '2025-10-11'],
    ['2025-10-11T09:00', 1, '2025-10-13'], // after the Saturday make-up, Sunday is off again
    ['2025-10-12T09:00', 0, '2025-10-13'],
  ])('%s +%i working days → %s', (start, n, expected) => {
    const { due, provisional } = calendar.addWorkingDays(shanghai(start), n);
    expect(due.toISOString()).toBe(endOfDay(expected));
    expect(WorkingCalendar.shanghaiDate(due)).toBe(expected);
    expect(provisional).toBe(false);
  });

  it.each([
    ['2025-09-27', false], // Sat
    ['2025-09-28', true], // Sun make-up
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-06', false], // 中秋节 (a Monday)
    ['2025-10-08', false], // extra day of the combined break (a Wednesday)
    ['2025-10-09', true],
    ['2025-10-11', true], // Sat make-up
    ['2025-10-12', false],
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('2026 Spring Festival (off Sun 02-15 … Mon 02-23; make-up Sat 02-14, Sat 02-28)', () => {
  // Working days: Mon 9 … Fri 13, Sat 14 (make-up), Tue 24, Wed 25, Thu 26, Fri 27,
  // Sat 28 (make-up), Mon 03-02 (Sun 03-01 is off).
  it.each([
    ['2026-02-13T10:00', 1, '2026-02-14'], // Fri → Saturday make-up
    ['2026-02-13T10:00', 2, '2026-02-24'], // then the nine-day break
    ['2026-02-13T10:00', 3, '2026-02-25'],
    ['2026-02-13T10:00', 6, '2026-02-28'], // 14, 24, 25, 26, 27, 28
    ['2026-02-13T10:00', 7, '2026-03-02'],
    ['2026-02-12T10:00', 2, '2026-02-14'], // Fri 13, Sat 14
    ['2026-02-10T10:00', 5, '2026-02-24'], // 11, 12, 13, 14, 24
    ['2026-02-14T10:00', 0, '2026-02-14'], // make-up Saturday is itself a working day
    ['2026-02-14T10:00', 1, '2026-02-24'],
    ['2026-02-15T10:00', 0, '2026-02-24'], // first day off → first day back
    ['2026-02-18T10:00', 1, '2026-02-24'], // mid-break
    ['2026-02-23T10:00', 0, '2026-02-24'], // last day off (a Monday)
    ['2026-02-23T10:00', 1, '2026-02-24'],
    ['2026-02-24T10:00', 0, '2026-02-24'],
    ['2026-02-27T10:00', 1, '2026-02-28'], // Fri → Saturday make-up
    ['2026-02-28T10:00', 1, '2026-03-02'],
  ])('%s +%i working days → %s', (start, n, expected) => {
    const { due, provisional } = calendar.addWorkingDays(shanghai(start), n);
    expect(due.toISOString()).toBe(endOfDay(expected));
    expect(provisional).toBe(false);
  });
});

describe('the Shanghai date decides, not the UTC date', () => {
  it.each([
    // 2025-09-27T17:00Z is Sun 28 Sep 01:00 in Shanghai, a make-up working day.
    ['2025-09-27T17:00:00Z', '2025-09-28', 0, '2025-09-28'],
    ['2025-09-27T17:00:00Z', '2025-09-28', 1, '2025-09-29'],
    // One minute before Shanghai midnight it is still Saturday 27th.
    ['2025-09-27T15:59:00Z', '2025-09-27', 1, '2025-09-28'],
    ['2025-09-27T16:00:00Z', '2025-09-28', 1, '2025-09-29'],
    // 2026-02-13T16:30Z is already Sat 14 Feb in Shanghai (make-up day).
    ['2026-02-13T16:30:00Z', '2026-02-14', 1, '2026-02-24'],
    // New Year's Eve in UTC is already 2026-01-01 (元旦, off) in Shanghai.
    ['2025-12-31T20:00:00Z', '2026-01-01', 0, '2026-01-04'], // 01-01…03 off, Sun 01-04 make-up
  ])('%s is %s in Shanghai; +%i → %s', (utc, shanghaiDay, n, expected) => {
    const start = new Date(utc);
    expect(WorkingCalendar.shanghaiDate(start)).toBe(shanghaiDay);
    expect(calendar.addWorkingDays(start, n).due.toISOString()).toBe(endOfDay(expected));
  });

  it('a deadline is the last millisecond of the Shanghai day (15:59:59.999Z)', () => {
    const { due } = calendar.addWorkingDays(new Date('2025-09-27T17:00:00Z'), 0);
    expect(due.toISOString()).toBe('2025-09-28T15:59:59.999Z');
    expect(WorkingCalendar.shanghaiDate(new Date(due.getTime() + 1))).toBe('2025-09-29');
  });
});
