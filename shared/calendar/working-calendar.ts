// Working-day arithmetic for appeal deadlines on the Chinese calendar (Asia/Shanghai).
// A date is a working day if an override or the loaded year data says so; otherwise Monday–Friday.
// Years without a loaded schedule are never guessed: they follow weekends-only and any deadline
// touching them is flagged provisional so the server can recompute once the year is loaded.

import {
  endOfShanghaiDay,
  epochDayOf,
  formatEpochDay,
  inScheduleYear,
  isWeekend,
  shanghaiEpochDay,
  weekdaysInRange,
  yearOfEpochDay,
  yearStartEpochDay,
} from './dates';
import type { CalendarDay, CalendarYear } from './types';

/** Largest N accepted by addWorkingDays (about 40 years): guards the day-by-day loop against runaway input. */
export const MAX_WORKING_DAYS = 10_000;

/** A listed (non-default) date, as an epoch day. */
interface ListedDay {
  day: number;
  isOffDay: boolean;
}

/** Throws RangeError unless n is a whole number of working days in [0, MAX_WORKING_DAYS]. */
function assertWorkingDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  }
  if (n > MAX_WORKING_DAYS) throw new RangeError(`working days must be at most ${MAX_WORKING_DAYS}, got ${n}`);
}

/** Index of the first entry whose day is >= day (entries sorted by day). */
function lowerBound(entries: readonly ListedDay[], day: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const entry = entries[mid];
    if (entry !== undefined && entry.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function copyYear(year: CalendarYear): CalendarYear {
  return { year: year.year, days: year.days.map((d) => ({ ...d })) };
}

/** Working-day arithmetic in Asia/Shanghai (UTC+8, no DST); overrides take precedence over year data. */
export class WorkingCalendar {
  readonly #years: ReadonlyMap<number, CalendarYear>;
  readonly #overrides: readonly CalendarDay[];
  /** Epoch day → isOffDay for every listed date (year data, then overrides on top). */
  readonly #listed: ReadonlyMap<number, boolean>;
  /** The same entries sorted by day, so range counts touch only the listed days inside the range. */
  readonly #sorted: readonly ListedDay[];

  /** Builds a calendar; a later entry for the same year replaces an earlier one. Throws RangeError for malformed dates. */
  constructor(years: CalendarYear[], overrides: CalendarDay[] = []) {
    const byYear = new Map<number, CalendarYear>();
    for (const year of years) byYear.set(year.year, copyYear(year));
    this.#years = byYear;
    this.#overrides = overrides.map((d) => ({ ...d }));

    const listed = new Map<number, boolean>();
    // Ascending years, so where a New Year break spills into the previous December the later
    // (more recent) notice decides that date.
    for (const { year, days } of [...byYear.values()].sort((a, b) => a.year - b.year)) {
      for (const entry of days) {
        const day = epochDayOf(entry.date);
        // A stray date would silently change another year's deadlines; parseCalendarYear
        // prevents it for JSON, this guards hand-built CalendarYear objects.
        if (!inScheduleYear(day, year)) throw new RangeError(`${entry.date} is listed under year ${year}`);
        listed.set(day, entry.isOffDay);
      }
    }
    for (const entry of this.#overrides) listed.set(epochDayOf(entry.date), entry.isOffDay);
    this.#listed = listed;
    this.#sorted = [...listed].map(([day, isOffDay]) => ({ day, isOffDay })).sort((a, b) => a.day - b.day);
  }

  /** Shanghai calendar date 'YYYY-MM-DD' of an instant. */
  static shanghaiDate(at: Date): string {
    return formatEpochDay(shanghaiEpochDay(at));
  }

  /** Whether the official schedule of this year is loaded. */
  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Loaded schedule years, ascending. */
  loadedYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  /** Whether a YYYY-MM-DD date is a working day; throws RangeError for a malformed date. */
  isWorkingDay(date: string): boolean {
    return this.#isWorkingEpochDay(epochDayOf(date));
  }

  /** Deadline N working days after start (end of that Shanghai day); provisional if any examined day is in an unloaded year. */
  addWorkingDays(start: Date, n: number): { due: Date; provisional: boolean } {
    assertWorkingDayCount(n);
    const startDay = shanghaiEpochDay(start);
    // N=0 wants the first working day on or after the start date; N>0 the N-th strictly after it,
    // because the day of submission never counts, whatever the hour.
    let day = n === 0 ? startDay : startDay + 1;
    let remaining = Math.max(n, 1);
    let provisional = false;
    // Track the year incrementally so the loop only does integer work between year boundaries.
    let year = yearOfEpochDay(day);
    let nextYearStart = yearStartEpochDay(year + 1);
    let yearLoaded = this.#years.has(year);
    for (;;) {
      if (day >= nextYearStart) {
        year += 1;
        nextYearStart = yearStartEpochDay(year + 1);
        yearLoaded = this.#years.has(year);
      }
      if (!yearLoaded) provisional = true;
      if (this.#isWorkingEpochDay(day)) {
        remaining -= 1;
        if (remaining === 0) return { due: endOfShanghaiDay(day), provisional };
      }
      day += 1;
    }
  }

  /** Working days strictly after now's Shanghai date up to and including due's date (0 if due is today or past). */
  workingDaysUntil(now: Date, due: Date): number {
    const from = shanghaiEpochDay(now) + 1;
    const to = shanghaiEpochDay(due);
    if (to < from) return 0;
    // Count Mon–Fri arithmetically, then correct only for listed dates that flip the default,
    // so a far-away due date costs no more than a near one.
    let count = weekdaysInRange(from, to);
    for (let i = lowerBound(this.#sorted, from); i < this.#sorted.length; i++) {
      const entry = this.#sorted[i];
      if (entry === undefined || entry.day > to) break;
      const weekend = isWeekend(entry.day);
      if (entry.isOffDay && !weekend) count -= 1;
      if (!entry.isOffDay && weekend) count += 1;
    }
    return count;
  }

  /** Same calendar plus more years/overrides (new years replace same-numbered ones, new overrides win); returns a new WorkingCalendar. */
  with(years: CalendarYear[], overrides: CalendarDay[] = []): WorkingCalendar {
    return new WorkingCalendar([...this.#years.values(), ...years], [...this.#overrides, ...overrides]);
  }

  #isWorkingEpochDay(day: number): boolean {
    const isOffDay = this.#listed.get(day);
    if (isOffDay !== undefined) return !isOffDay;
    return !isWeekend(day);
  }
}
