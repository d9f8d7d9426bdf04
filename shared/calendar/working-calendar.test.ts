// Provisional deadlines, overrides, immutability, countdowns and argument checks.

import { describe, expect, it } from 'vitest';
import { MAX_WORKING_DAYS, WorkingCalendar, parseCalendarYear, shippedCalendarYears, type CalendarDay } from './index';

const shipped = new WorkingCalendar(shippedCalendarYears());

function shanghai(local: string): Date {
  return new Date(`${local}+08:00`);
}

function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

// TEST FIXTURE, NOT OFFICIAL DATA: a made-up 2027 schedule (the real one is not yet published).
// Fri 2027-01-01 off, Sat 2027-01-09 a make-up working day.
const FIXTURE_2027 = parseCalendarYear({
  year: 2027,
  papers: [],
  days: [
    { name: '元旦（测试数据）', date: '2027-01-01', isOffDay: true },
    { name: '调休（测试数据）', date: '2027-01-09', isOffDay: false },
  ],
});

describe('years without a loaded schedule', () => {
  it('ships 2020–2026 and nothing else', () => {
    expect(shipped.loadedYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(shipped.hasYear(2026)).toBe(true);
    expect(shipped.hasYear(2027)).toBe(false);
    expect(shipped.hasYear(2019)).toBe(false);
  });

  // From Mon 2026-12-28: Tue 29, Wed 30, Thu 31, then 2027 is weekends-only (Fri 01-01 counts).
  it.each([
    ['2026-12-28T09:00', 3, '2026-12-31', false],
    ['2026-12-28T09:00', 4, '2027-01-01', true],
    ['2026-12-28T09:00', 5, '2027-01-04', true],
    ['2026-12-31T09:00', 0, '2026-12-31', false],
    ['2027-01-02T09:00', 0, '2027-01-04', true],
    ['2019-12-30T09:00', 1, '2019-12-31', true], // 2019 is not loaded either
    ['2019-12-30T09:00', 2, '2020-01-02', true], // examines 2019-12-31
    ['2019-12-31T09:00', 1, '2020-01-02', false], // the submission day is never examined; 01-01 off
  ])('%s +%i → %s, provisional %s', (start, n, expected, provisional) => {
    const result = shipped.addWorkingDays(shanghai(start), n);
    expect(result.due.toISOString()).toBe(endOfDay(expected));
    expect(result.provisional).toBe(provisional);
  });

  // With the fixture loaded: Tue 29, Wed 30, Thu 31, (Fri 01-01 off) Mon 4, Tue 5, … Fri 8, Sat 9.
  it.each([
    ['2026-12-28T09:00', 4, '2027-01-04'],
    ['2026-12-28T09:00', 5, '2027-01-05'],
    ['2026-12-28T09:00', 8, '2027-01-08'],
    ['2026-12-28T09:00', 9, '2027-01-09'],
    ['2026-12-31T09:00', 1, '2027-01-04'],
  ])('after loading a 2027 fixture: %s +%i → %s, not provisional', (start, n, expected) => {
    const loaded = shipped.with([FIXTURE_2027]);
    const result = loaded.addWorkingDays(shanghai(start), n);
    expect(result.due.toISOString()).toBe(endOfDay(expected));
    expect(result.provisional).toBe(false);
  });

  it('with() leaves the original calendar untouched', () => {
    const loaded = shipped.with([FIXTURE_2027]);
    expect(loaded.loadedYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(shipped.hasYear(2027)).toBe(false);
    expect(shipped.addWorkingDays(shanghai('2026-12-28T09:00'), 5).provisional).toBe(true);
  });

  it('a year loaded again replaces the earlier copy instead of merging', () => {
    const replacement = parseCalendarYear({ year: 2027, papers: [], days: [] });
    const replaced = shipped.with([FIXTURE_2027]).with([replacement]);
    expect(replaced.isWorkingDay('2027-01-01')).toBe(true);
    expect(replaced.isWorkingDay('2027-01-09')).toBe(false);
  });
});

describe('New Year breaks listed in the next year\'s schedule', () => {
  // TEST FIXTURE, NOT OFFICIAL DATA: a 2027 schedule whose New Year break starts on Thu 2026-12-31,
  // a date the 2026 schedule does not list.
  const spill2027 = parseCalendarYear({ year: 2027, days: [{ name: '元旦（测试数据）', date: '2026-12-31', isOffDay: true }] });

  it('applies a date the 2027 schedule lists in December 2026', () => {
    const calendar = shipped.with([spill2027]);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(shipped.isWorkingDay('2026-12-31')).toBe(true);
    // From Mon 12-28: Tue 29, Wed 30, (Thu 31 off), Fri 2027-01-01 (2027 loaded, not listed).
    const result = calendar.addWorkingDays(shanghai('2026-12-28T09:00'), 3);
    expect(result.due.toISOString()).toBe(endOfDay('2027-01-01'));
    expect(result.provisional).toBe(false);
  });

  it('the later year decides a date both schedules list', () => {
    const own2026 = { year: 2026, days: [{ name: '测试', date: '2026-12-31', isOffDay: false }] };
    // Input order must not matter: 2027's notice is the more recent word on 2026-12-31.
    expect(new WorkingCalendar([spill2027, own2026]).isWorkingDay('2026-12-31')).toBe(false);
    expect(new WorkingCalendar([own2026, spill2027]).isWorkingDay('2026-12-31')).toBe(false);
  });

  it('keeps the shipped 2022-12-31 entry of 2023.json (a Saturday, off either way)', () => {
    expect(shipped.isWorkingDay('2022-12-31')).toBe(false);
    expect(shipped.addWorkingDays(shanghai('2022-12-30T09:00'), 1).due.toISOString()).toBe(endOfDay('2023-01-03'));
  });
});

describe('overrides', () => {
  const offWednesday: CalendarDay = { date: '2025-11-12', isOffDay: true, name: '本地停工' };
  const workSaturday: CalendarDay = { date: '2025-11-15', isOffDay: false, name: '本地补班' };

  it.each([
    // Mon 2025-11-10 +2: Tue 11, Wed 12 normally; with Wed 12 off it slips to Thu 13.
    [[], '2025-11-10T09:00', 2, '2025-11-12'],
    [[offWednesday], '2025-11-10T09:00', 2, '2025-11-13'],
    [[offWednesday], '2025-11-11T09:00', 0, '2025-11-11'],
    [[offWednesday], '2025-11-11T09:00', 1, '2025-11-13'],
    // Fri 2025-11-14 +1: Mon 17 normally; Sat 15 made a working day.
    [[], '2025-11-14T09:00', 1, '2025-11-17'],
    [[workSaturday], '2025-11-14T09:00', 1, '2025-11-15'],
    // Overrides beat year data: Wed 2025-10-08 (holiday) worked, Sun 2025-09-28 (make-up) off.
    [[{ date: '2025-10-08', isOffDay: false, name: '更正' }], '2025-09-30T09:00', 1, '2025-10-08'],
    [[{ date: '2025-09-28', isOffDay: true, name: '更正' }], '2025-09-26T09:00', 1, '2025-09-29'],
  ] as const)('overrides %j: %s +%i → %s', (overrides, start, n, expected) => {
    const calendar = new WorkingCalendar(shippedCalendarYears(), [...overrides]);
    expect(calendar.addWorkingDays(shanghai(start), n).due.toISOString()).toBe(endOfDay(expected));
  });

  it('with() adds overrides without changing the original, and a later override wins', () => {
    const closed = shipped.with([], [offWednesday]);
    expect(closed.isWorkingDay('2025-11-12')).toBe(false);
    expect(shipped.isWorkingDay('2025-11-12')).toBe(true);
    const reopened = closed.with([], [{ ...offWednesday, isOffDay: false }]);
    expect(reopened.isWorkingDay('2025-11-12')).toBe(true);
  });

  it('an override in an unloaded year applies but the deadline stays provisional', () => {
    const calendar = shipped.with([], [{ date: '2027-01-01', isOffDay: true, name: '元旦' }]);
    const result = calendar.addWorkingDays(shanghai('2026-12-31T09:00'), 1);
    expect(result.due.toISOString()).toBe(endOfDay('2027-01-04'));
    expect(result.provisional).toBe(true);
  });
});

describe('workingDaysUntil', () => {
  it.each([
    ['2025-09-26T14:00', '2025-10-09', 4], // Sun 28, Mon 29, Tue 30, Thu 9
    ['2025-09-30T10:00', '2025-10-09', 1],
    ['2025-10-03T09:00', '2025-10-10', 2], // 剩余2个工作日 during the holiday
    ['2025-09-27T09:00', '2025-09-29', 2], // Sun 28 make-up, Mon 29
    ['2025-10-09T10:00', '2025-10-09', 0], // due today
    ['2025-10-10T09:00', '2025-10-09', 0], // overdue
    ['2026-02-13T09:00', '2026-02-24', 2], // Sat 14, Tue 24
    ['2026-02-13T09:00', '2026-03-02', 7],
    ['2026-12-28T09:00', '2027-01-04', 5], // 2027 weekends-only: 29, 30, 31, 01-01, 01-04
    ['2024-12-31T09:00', '2025-12-31', 248], // every 2025 working day
    ['2025-12-31T09:00', '2026-12-31', 248], // every 2026 working day
  ])('from %s to the end of %s → %i', (now, dueDate, expected) => {
    expect(shipped.workingDaysUntil(shanghai(now), new Date(endOfDay(dueDate)))).toBe(expected);
  });

  it.each([
    ['2025-09-27T17:00:00Z', 1], // already Sun 28 in Shanghai: only Mon 29 remains
    ['2025-09-27T15:59:00Z', 2], // still Sat 27 in Shanghai
  ])('uses the Shanghai date of now (%s) → %i', (now, expected) => {
    expect(shipped.workingDaysUntil(new Date(now), new Date(endOfDay('2025-09-29')))).toBe(expected);
  });

  it('undoes addWorkingDays for every start day of 2025–2026 and N = 1…15', () => {
    const mismatches: string[] = [];
    for (let ms = Date.parse('2025-01-01T12:00:00+08:00'); ms < Date.parse('2027-01-01T00:00:00+08:00'); ms += 86_400_000) {
      const start = new Date(ms);
      for (let n = 1; n <= 15; n++) {
        const back = shipped.workingDaysUntil(start, shipped.addWorkingDays(start, n).due);
        if (back !== n) mismatches.push(`${start.toISOString()} +${n} → ${back}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('argument checks', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_WORKING_DAYS + 1])('addWorkingDays(…, %s) throws RangeError', (n) => {
    expect(() => shipped.addWorkingDays(shanghai('2025-09-26T09:00'), n)).toThrow(RangeError);
  });

  it('accepts the largest allowed N', () => {
    expect(shipped.addWorkingDays(shanghai('2025-09-26T09:00'), MAX_WORKING_DAYS).provisional).toBe(true);
  });

  it.each(['2025-02-30', '2025-9-1', '2025-13-01', '', '2025-09-01T00:00'])('isWorkingDay(%j) throws RangeError', (date) => {
    expect(() => shipped.isWorkingDay(date)).toThrow(RangeError);
  });

  it('rejects an Invalid Date everywhere', () => {
    const bad = new Date('not a date');
    const good = shanghai('2025-09-26T09:00');
    expect(() => shipped.addWorkingDays(bad, 1)).toThrow(RangeError);
    expect(() => shipped.workingDaysUntil(bad, good)).toThrow(RangeError);
    expect(() => shipped.workingDaysUntil(good, bad)).toThrow(RangeError);
    expect(() => WorkingCalendar.shanghaiDate(bad)).toThrow(RangeError);
  });

  it('rejects hand-built years whose dates lie in another year', () => {
    const stray = { year: 2027, days: [{ date: '2026-06-01', isOffDay: true, name: 'x' }] };
    expect(() => new WorkingCalendar([stray])).toThrow(/2026-06-01 is listed under year 2027/);
  });
});
