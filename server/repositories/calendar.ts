import type { CalendarDay, CalendarYear } from '../../shared/calendar';
import type { Queryable } from '../db/pool';

/** Stores (or replaces) an official year schedule. */
export async function upsertCalendarYear(db: Queryable, y: CalendarYear, source: string, by: string | null, at: Date): Promise<void> {
  await db.query(
    `insert into calendar_years (year, days, source, loaded_by, loaded_at) values ($1, $2, $3, $4, $5)
     on conflict (year) do update set days = excluded.days, source = excluded.source, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at`,
    [y.year, JSON.stringify(y.days), source, by, at],
  );
}

/** Stores (or replaces) a local override of one date. */
export async function upsertCalendarOverride(db: Queryable, d: CalendarDay, by: string | null, at: Date): Promise<void> {
  await db.query(
    `insert into calendar_overrides (date, is_off_day, name, created_by, created_at) values ($1, $2, $3, $4, $5)
     on conflict (date) do update set is_off_day = excluded.is_off_day, name = excluded.name, created_by = excluded.created_by, created_at = excluded.created_at`,
    [d.date, d.isOffDay, d.name, by, at],
  );
}

/** Years loaded by admins (shipped years are not listed here). */
export async function listCalendarYears(db: Queryable): Promise<{ year: number; source: string; loadedAt: Date; days: CalendarDay[] }[]> {
  const res = await db.query('select year, source, loaded_at as "loadedAt", days from calendar_years order by year');
  return res.rows;
}

/** Local overrides. */
export async function listCalendarOverrides(db: Queryable): Promise<CalendarDay[]> {
  const res = await db.query<CalendarDay>(`select to_char(date, 'YYYY-MM-DD') as date, is_off_day as "isOffDay", name from calendar_overrides order by date`);
  return res.rows;
}

/** Ids of appeals whose clock runs (their deadlines follow the calendar). */
export async function appealsWithRunningClock(db: Queryable): Promise<string[]> {
  const res = await db.query<{ id: string }>(
    `select id from appeals where status in ('assigned', 'in_progress', 'reply_review', 'reopened') and clock_started_at is not null order by id`,
  );
  return res.rows.map((r) => r.id);
}
