/**
 * Brief periods in Asia/Shanghai (China has no daylight saving time, so a day is always
 * [00:00+08:00, next 00:00+08:00)): a day `YYYY-MM-DD` or an ISO week `YYYY-Www` (Monday first).
 */
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../../shared/calendar/dates';

/** A half-open period [start, end) with the label it is asked for by. */
export interface BriefPeriod {
  kind: 'daily' | 'weekly';
  label: string;
  start: Date;
  end: Date;
}


/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Shanghai on a YYYY-MM-DD date. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Whether YYYY-MM-DD names a real calendar date. */
function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The day period of a YYYY-MM-DD date; null if it is not one. */
export function dayPeriod(date: string): BriefPeriod | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) return null;
  const start = dayStart(date);
  return { kind: 'daily', label: date, start, end: new Date(start.getTime() + DAY_MS) };
}

/** Monday (YYYY-MM-DD) of ISO week 1 of an ISO year: the week holding 4 January. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(jan4.getTime() - weekday * DAY_MS);
}

/** How many ISO weeks a year has (52 or 53). */
function isoWeeksIn(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS));
}

/** The week period of YYYY-Www; null if it is not a week of that year. */
export function weekPeriod(week: string): BriefPeriod | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > isoWeeksIn(year)) return null;
  const monday = new Date(isoWeekOneMonday(year).getTime() + (n - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const start = dayStart(monday);
  return { kind: 'weekly', label: week, start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** The ISO week (YYYY-Www) a Shanghai date falls in. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The first instant of each of the last `months` Shanghai calendar months up to `now`'s, oldest first, and the end of `now`'s month. */
export function lastMonths(now: Date, months: number): { starts: Date[]; end: Date } {
  const [y, mo] = shanghaiDate(now).split('-').map(Number) as [number, number];
  const starts: Date[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const idx = y * 12 + (mo - 1) - i;
    starts.push(dayStart(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`));
  }
  const nextIdx = y * 12 + mo;
  return { starts, end: dayStart(`${Math.floor(nextIdx / 12)}-${String((nextIdx % 12) + 1).padStart(2, '0')}-01`) };
}
