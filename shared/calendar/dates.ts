// Date helpers on "epoch days": integer day numbers since 1970-01-01 of a calendar date.
// Working-day arithmetic runs on these integers so the hot loops never build Date objects or
// strings; conversion happens only at the API boundary.

export const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (China has not observed DST since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of a YYYY-MM-DD string, or undefined if it is not a real calendar date. */
export function tryEpochDay(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  // Date.UTC silently rolls 02-30 into March and maps years 0–99 to 19xx; the round trip
  // rejects both.
  if (!Number.isFinite(day) || formatEpochDay(day) !== date) return undefined;
  return day;
}

/** Epoch day of a YYYY-MM-DD string; throws RangeError for anything else. */
export function epochDayOf(date: string): number {
  const day = tryEpochDay(date);
  if (day === undefined) throw new RangeError(`expected a YYYY-MM-DD calendar date, got ${JSON.stringify(date)}`);
  return day;
}

/** YYYY-MM-DD of an epoch day. */
export function formatEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Gregorian year of an epoch day. */
export function yearOfEpochDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Epoch day of 1 January of a year. */
export function yearStartEpochDay(year: number): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99.
  d.setUTCFullYear(year, 0, 1);
  return d.getTime() / DAY_MS;
}

/**
 * How far into the previous December a year's schedule may reach. The State Council notice for
 * year Y covers a New Year (元旦) break that can start, or need a make-up day, in the last days of
 * Y-1: holiday-cn's 2023.json lists 2022-12-31, and the 2019 notice moved work to 2018-12-29.
 */
export const NEW_YEAR_SPILLOVER_DAYS = 7;

/** Whether an epoch day may be listed in the schedule of `year`: inside it, or in the last week of the previous year. */
export function inScheduleYear(day: number, year: number): boolean {
  const start = yearStartEpochDay(year);
  return day >= start - NEW_YEAR_SPILLOVER_DAYS && day < yearStartEpochDay(year + 1);
}

/** Day of week of an epoch day, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 days non-negative.
  return (((day + 4) % 7) + 7) % 7;
}

/** True for Saturday and Sunday. */
export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Asia/Shanghai epoch day of an instant; throws RangeError for an invalid Date. */
export function shanghaiEpochDay(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('expected a valid Date, got Invalid Date');
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The last millisecond (23:59:59.999 Asia/Shanghai) of an epoch day, as an instant. */
export function endOfShanghaiDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/** Number of Monday–Friday days in the inclusive epoch-day range [from, to] (0 if empty). */
export function weekdaysInRange(from: number, to: number): number {
  if (to < from) return 0;
  const length = to - from + 1;
  // Every full week holds exactly five weekdays; only the < 7 leftover days need checking.
  let count = Math.floor(length / 7) * 5;
  for (let day = from + length - (length % 7); day <= to; day++) {
    if (!isWeekend(day)) count++;
  }
  return count;
}
