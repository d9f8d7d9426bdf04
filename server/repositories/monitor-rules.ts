// Alert rules (预警规则) as admins keep them; the pipeline reads the active ones through
// monitor-catalog.ts.
import type { Queryable } from '../db/pool';
import type { AlertLevel } from '../presenters/monitor';
import type { RuleKind } from '../monitor/alerts/rules';

/** An alert rule row. */
export interface AlertRuleRecord {
  id: string;
  name: string;
  kind: RuleKind;
  level: AlertLevel;
  params: Record<string, unknown>;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, name, kind, level, params, is_active as "isActive", created_at as "createdAt", updated_at as "updatedAt"`;

/** Every rule, oldest first. */
export async function listRules(db: Queryable): Promise<AlertRuleRecord[]> {
  return (await db.query<AlertRuleRecord>(`select ${COLUMNS} from alert_rules order by created_at, id`)).rows;
}

/** A rule by id. */
export async function findRule(db: Queryable, id: string): Promise<AlertRuleRecord | null> {
  return (await db.query<AlertRuleRecord>(`select ${COLUMNS} from alert_rules where id = $1`, [id])).rows[0] ?? null;
}

/** Stores a rule (ignored when the id exists: seeds are idempotent). */
export async function insertRule(db: Queryable, r: Omit<AlertRuleRecord, 'createdAt' | 'updatedAt'>, now: Date = new Date()): Promise<void> {
  await db.query(
    `insert into alert_rules (id, name, kind, level, params, is_active, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (id) do nothing`,
    [r.id, r.name, r.kind, r.level, JSON.stringify(r.params), r.isActive, now],
  );
}

/** Changes a rule; false when it does not exist. */
export async function updateRule(db: Queryable, id: string, patch: { name?: string; level?: AlertLevel; params?: Record<string, unknown>; isActive?: boolean }, now: Date): Promise<boolean> {
  const res = await db.query(
    `update alert_rules set name = coalesce($2, name), level = coalesce($3, level), params = coalesce($4::jsonb, params),
            is_active = coalesce($5, is_active), updated_at = $6 where id = $1`,
    [id, patch.name ?? null, patch.level ?? null, patch.params ? JSON.stringify(patch.params) : null, patch.isActive ?? null, now],
  );
  return (res.rowCount ?? 0) > 0;
}
