// Validation of holiday-cn JSON (shipped files and admin uploads) into a CalendarYear. An upload
// replaces a whole year of deadlines, so every problem is reported with the exact field path
// instead of being repaired silently.

import { NEW_YEAR_SPILLOVER_DAYS, formatEpochDay, inScheduleYear, tryEpochDay, yearStartEpochDay } from './dates';
import { CalendarFormatError, type CalendarDay, type CalendarYear } from './types';

/** Years the calendar accepts; outside this range a "year" is almost certainly a typo. */
const MIN_YEAR = 1949;
const MAX_YEAR = 9999;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function parseYear(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    throw new CalendarFormatError(`year: expected an integer year ${MIN_YEAR}–${MAX_YEAR}, got ${describe(value)}`);
  }
  return value;
}

function parsePapers(value: unknown): void {
  // holiday-cn's schema requires "papers", but a hand-written admin correction may not cite a
  // notice, so it is optional here; when present it must still have the upstream shape.
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new CalendarFormatError(`papers: expected an array of strings, got ${describe(value)}`);
  value.forEach((paper: unknown, i) => {
    if (typeof paper !== 'string') throw new CalendarFormatError(`papers[${i}]: expected a string, got ${describe(paper)}`);
  });
}

function parseDay(value: unknown, path: string, year: number): CalendarDay {
  if (!isRecord(value)) throw new CalendarFormatError(`${path}: expected an object, got ${describe(value)}`);
  const { date, isOffDay, name } = value;
  const earliest = formatEpochDay(yearStartEpochDay(year) - NEW_YEAR_SPILLOVER_DAYS);
  const expected = `expected YYYY-MM-DD in ${year} (New Year break from ${earliest} allowed)`;
  if (typeof date !== 'string') throw new CalendarFormatError(`${path}.date: ${expected}, got ${describe(date)}`);
  const day = tryEpochDay(date);
  if (day === undefined || !inScheduleYear(day, year)) {
    throw new CalendarFormatError(`${path}.date: ${expected}, got ${JSON.stringify(date)}`);
  }
  if (typeof isOffDay !== 'boolean') {
    throw new CalendarFormatError(`${path}.isOffDay: expected true or false, got ${describe(isOffDay)}`);
  }
  if (typeof name !== 'string' || name.trim() === '') {
    throw new CalendarFormatError(`${path}.name: expected a non-empty string, got ${describe(name)}`);
  }
  return { date, isOffDay, name };
}

/**
 * Validates unknown JSON (holiday-cn format, e.g. an admin upload) into a CalendarYear sorted by date, or throws CalendarFormatError naming the bad field/entry.
 * Dates must lie in the stated year, except that a New Year break may reach into the last week of the previous December (as in the official 2023 schedule).
 */
export function parseCalendarYear(json: unknown): CalendarYear {
  if (!isRecord(json)) {
    throw new CalendarFormatError(`calendar: expected a JSON object with year and days, got ${describe(json)}`);
  }
  const year = parseYear(json.year);
  parsePapers(json.papers);
  const rawDays = json.days;
  if (!Array.isArray(rawDays)) throw new CalendarFormatError(`days: expected an array, got ${describe(rawDays)}`);

  const firstIndex = new Map<string, number>();
  const days = rawDays.map((raw: unknown, i): CalendarDay => {
    const day = parseDay(raw, `days[${i}]`, year);
    const earlier = firstIndex.get(day.date);
    // Two entries for one date could disagree on isOffDay; neither can be trusted.
    if (earlier !== undefined) {
      throw new CalendarFormatError(`days[${i}].date: duplicate date ${day.date} (already in days[${earlier}])`);
    }
    firstIndex.set(day.date, i);
    return day;
  });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, days };
}
