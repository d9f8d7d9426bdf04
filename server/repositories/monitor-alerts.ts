// Alerts (预警): one open alert per story (partial unique index), written by the ingest pipeline
// (monitor-batch.ts) and read as AlertRow for presentAlert (presenters/monitor.ts).
import type { Queryable } from '../db/pool';
import type { AlertRow } from '../presenters/monitor';

/**
 * The select that yields AlertRow (and the mark's columns the duty console reads): alerts `a`,
 * their story `s` and raising post `p`. Append a where/order clause.
 */
export const ALERT_VIEW_SQL = `
  select a.id, a.level, a.status, a.reasons, a.created_at, a.updated_at, a.appeal_id, a.post_id, a.note, a.handled_by, a.handled_at,
         s.id as story_id, s.label as story_label, s.post_count as story_post_count, s.heat as story_heat,
         s.first_at as story_first_at, s.last_at as story_last_at, s.region_code as story_region_code,
         to_jsonb(p) as post
    from alerts a join stories s on s.id = a.story_id join posts p on p.id = a.post_id`;

/** Alert rows by id, in id order. */
export async function loadAlertRows(db: Queryable, ids: readonly (string | number)[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  const res = await db.query<AlertRow>(`${ALERT_VIEW_SQL} where a.id = any($1::int8[]) order by a.id`, [ids]);
  return res.rows;
}

/** Alerts changed after a moment (a reconnecting stream catches up), oldest change first. */
export async function loadAlertRowsChangedSince(db: Queryable, since: Date, limit: number): Promise<AlertRow[]> {
  const res = await db.query<AlertRow>(`${ALERT_VIEW_SQL} where a.updated_at > $1 order by a.updated_at, a.id limit $2`, [since, limit]);
  return res.rows;
}
