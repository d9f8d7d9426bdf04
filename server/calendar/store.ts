import { WorkingCalendar, parseCalendarYear, shippedCalendarYears, type CalendarDay, type CalendarYear } from '../../shared/calendar';
import type { Queryable } from '../db/pool';

/**
 * The working calendar in force: the schedules shipped with the product, replaced or extended by
 * years an admin loaded, with local overrides on top. Cached per process; app nodes are stateless,
 * so a change made on another node is picked up when the cache's fingerprint query sees it.
 */
export class CalendarStore {
  private cached: { calendar: WorkingCalendar; fingerprint: string } | undefined;
  private readonly shipped = shippedCalendarYears();

  /** The current calendar; one cheap query checks whether the database changed since last read. */
  async get(db: Queryable): Promise<WorkingCalendar> {
    const fp = await db.query<{ fp: string }>(
      // A digest of the rows themselves: timestamps from app clocks cannot be trusted to move.
      `select coalesce((select md5(string_agg(year::text || days::text, ',' order by year)) from calendar_years), '') || '|' ||
              coalesce((select md5(string_agg(date::text || is_off_day::text || name, ',' order by date)) from calendar_overrides), '') as fp`,
    );
    const fingerprint = fp.rows[0]?.fp ?? '';
    if (this.cached?.fingerprint === fingerprint) return this.cached.calendar;
    const calendar = await this.load(db);
    this.cached = { calendar, fingerprint };
    return calendar;
  }

  private async load(db: Queryable): Promise<WorkingCalendar> {
    const years = new Map<number, CalendarYear>(this.shipped.map((y) => [y.year, y]));
    const rows = await db.query<{ year: number; days: unknown }>('select year, days from calendar_years order by year');
    for (const row of rows.rows) years.set(row.year, parseCalendarYear({ year: row.year, days: row.days }));
    const overrides = await db.query<CalendarDay>(
      `select to_char(date, 'YYYY-MM-DD') as date, is_off_day as "isOffDay", name from calendar_overrides order by date`,
    );
    return new WorkingCalendar([...years.values()], overrides.rows);
  }
}
