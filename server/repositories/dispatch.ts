import type { Queryable } from '../db/pool';

/** A routing rule (分派规则): category / region / keyword → a unit or the region's own government. */
export interface RoutingRule {
  id: string;
  categoryCode: string | null;
  regionCode: string | null;
  keyword: string | null;
  target: 'unit' | 'territorial';
  unitId: string | null;
  unitName: string | null;
  priority: number;
  note: string | null;
  isActive: boolean;
  updatedAt: Date;
}

export type RoutingRuleInput = Pick<RoutingRule, 'categoryCode' | 'regionCode' | 'keyword' | 'target' | 'unitId' | 'priority' | 'note' | 'isActive'>;

const RULE_SELECT = `r.id, r.category_code as "categoryCode", r.region_code as "regionCode", r.keyword, r.target,
  r.unit_id as "unitId", u.name as "unitName", r.priority, r.note, r.is_active as "isActive", r.updated_at as "updatedAt"`;

/** Every routing rule, active ones first. */
export async function listRoutingRules(db: Queryable, activeOnly = false): Promise<RoutingRule[]> {
  const res = await db.query<RoutingRule>(
    `select ${RULE_SELECT} from routing_rules r left join units u on u.id = r.unit_id
      ${activeOnly ? 'where r.is_active' : ''} order by r.is_active desc, r.priority desc, r.category_code nulls last, r.keyword nulls last`,
  );
  return res.rows;
}

/** One rule. */
export async function findRoutingRule(db: Queryable, id: string): Promise<RoutingRule | null> {
  const res = await db.query<RoutingRule>(`select ${RULE_SELECT} from routing_rules r left join units u on u.id = r.unit_id where r.id = $1`, [id]);
  return res.rows[0] ?? null;
}

/** Creates or replaces a rule. */
export async function upsertRoutingRule(db: Queryable, id: string, r: RoutingRuleInput, userId: string | null): Promise<void> {
  await db.query(
    `insert into routing_rules (id, category_code, region_code, keyword, target, unit_id, priority, note, is_active, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (id) do update set category_code = $2, region_code = $3, keyword = $4, target = $5, unit_id = $6,
       priority = $7, note = $8, is_active = $9, updated_at = now()`,
    [id, r.categoryCode, r.regionCode, r.keyword, r.target, r.unitId, r.priority, r.note, r.isActive, userId],
  );
}

/** Deletes a rule; false when there was none. */
export async function deleteRoutingRule(db: Queryable, id: string): Promise<boolean> {
  return ((await db.query('delete from routing_rules where id = $1', [id])).rowCount ?? 0) > 0;
}

/** A city setting, or the fallback. */
export async function getSetting<T>(db: Queryable, key: string, fallback: T): Promise<T> {
  const res = await db.query<{ value: T }>('select value from settings where key = $1', [key]);
  return res.rows[0]?.value ?? fallback;
}

/** Stores a city setting. */
export async function putSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    `insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = $2::jsonb, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** A stored model without its bytes. */
export interface ModelRecord {
  id: string;
  kind: 'category' | 'unit';
  rows: number;
  metrics: Record<string, unknown> | null;
  trainedAt: Date;
  source: string;
  isActive: boolean;
}

const MODEL_SELECT = `id, kind, rows, metrics, trained_at as "trainedAt", source, is_active as "isActive"`;

/** Stores a trained model; it becomes the active one of its kind. */
export async function insertModel(db: Queryable, m: { id: string; kind: 'category' | 'unit'; bytes: Buffer; rows: number; metrics: unknown; source: string }): Promise<void> {
  await db.query(
    `insert into dispatch_models (id, kind, model, rows, metrics, source) values ($1, $2, $3, $4, $5::jsonb, $6)`,
    [m.id, m.kind, m.bytes, m.rows, JSON.stringify(m.metrics ?? null), m.source],
  );
}

/** The active model of a kind (newest first): its id only, a cheap change check for every node. */
export async function activeModelId(db: Queryable, kind: 'category' | 'unit'): Promise<string | null> {
  const res = await db.query<{ id: string }>(
    `select id from dispatch_models where kind = $1 and is_active order by trained_at desc, id limit 1`,
    [kind],
  );
  return res.rows[0]?.id ?? null;
}

/** A model's bytes. */
export async function loadModelBytes(db: Queryable, id: string): Promise<Buffer | null> {
  const res = await db.query<{ model: Buffer }>('select model from dispatch_models where id = $1', [id]);
  return res.rows[0]?.model ?? null;
}

/** Models, newest first. */
export async function listModels(db: Queryable, limit = 20): Promise<ModelRecord[]> {
  const res = await db.query<ModelRecord>(`select ${MODEL_SELECT} from dispatch_models order by trained_at desc limit $1`, [limit]);
  return res.rows;
}

/** Makes one model the active one of its kind (a rollback is activating an older one). */
export async function activateModel(db: Queryable, id: string): Promise<boolean> {
  const res = await db.query<{ kind: string }>('select kind from dispatch_models where id = $1', [id]);
  const kind = res.rows[0]?.kind;
  if (!kind) return false;
  await db.query('update dispatch_models set is_active = (id = $1) where kind = $2', [id, kind]);
  return true;
}

/** Stores what was suggested for an appeal (the latest suggestion wins). */
export async function saveSuggestion(db: Queryable, appealId: string, suggestion: unknown, modelId: string | null, isAutoAssigned: boolean): Promise<void> {
  await db.query(
    `insert into dispatch_suggestions (appeal_id, suggestion, model_id, is_auto_assigned) values ($1, $2::jsonb, $3, $4)
     on conflict (appeal_id) do update set suggestion = $2::jsonb, model_id = $3, is_auto_assigned = $4, created_at = now()`,
    [appealId, JSON.stringify(suggestion), modelId, isAutoAssigned],
  );
}

/** The stored suggestion of an appeal. */
export async function findSuggestion<T>(db: Queryable, appealId: string): Promise<{ suggestion: T; isAutoAssigned: boolean; createdAt: Date } | null> {
  const res = await db.query<{ suggestion: T; isAutoAssigned: boolean; createdAt: Date }>(
    `select suggestion, is_auto_assigned as "isAutoAssigned", created_at as "createdAt" from dispatch_suggestions where appeal_id = $1`,
    [appealId],
  );
  return res.rows[0] ?? null;
}

/** Records a dispatcher's decision next to what was suggested. */
export async function insertCorrection(
  db: Queryable,
  c: { appealId: string; kind: 'category' | 'unit' | 'region'; suggested: string | null; chosen: string; userId: string | null },
): Promise<void> {
  await db.query(
    `insert into dispatch_corrections (appeal_id, kind, suggested, chosen, user_id) values ($1, $2, $3, $4, $5)`,
    [c.appealId, c.kind, c.suggested, c.chosen, c.userId],
  );
}

/** An appeal's corrections, oldest first. */
export async function listCorrections(db: Queryable, appealId: string): Promise<{ kind: string; suggested: string | null; chosen: string; userId: string | null; createdAt: Date }[]> {
  const res = await db.query<{ kind: string; suggested: string | null; chosen: string; userId: string | null; createdAt: Date }>(
    `select kind, suggested, chosen, user_id as "userId", created_at as "createdAt" from dispatch_corrections where appeal_id = $1 order by id`,
    [appealId],
  );
  return res.rows;
}

/** Past lead-unit choices: how often each unit led appeals of a top-level category in a county. */
export interface AssignmentCount {
  category: string;
  countyCode: string | null;
  unitId: string;
  n: number;
}

/** Counts of lead units by top-level category and county over the last year of assigned appeals. */
export async function assignmentHistory(db: Queryable, since: Date): Promise<AssignmentCount[]> {
  const res = await db.query<AssignmentCount>(
    `select split_part(a.category_code, '.', 1) as category, nullif(split_part(r.path, '/', 4), '') as "countyCode",
            a.lead_unit_id as "unitId", count(*)::int as n
       from appeals a left join regions r on r.code = a.region_code
      where a.lead_unit_id is not null and a.category_code is not null and a.created_at >= $1
      group by 1, 2, 3`,
    [since],
  );
  return res.rows;
}

/** Rows to learn from: settled appeals with the category and unit they ended with (corrections included). */
export async function trainingRows(db: Queryable, limit: number): Promise<{ title: string; text: string; category: string | null; unitCode: string | null }[]> {
  const res = await db.query<{ title: string; text: string; category: string | null; unitCode: string | null }>(
    `select a.title, a.body as text, split_part(a.category_code, '.', 1) as category, u.code as "unitCode"
       from appeals a left join units u on u.id = a.lead_unit_id
      where a.status in ('replied', 'closed', 'in_progress', 'assigned', 'reply_review') and a.merged_into_id is null
      order by a.created_at desc limit $1`,
    [limit],
  );
  return res.rows;
}

/** Whether any model of a kind was ever stored (the shipped starter model is installed only once). */
export async function hasModel(db: Queryable, kind: 'category' | 'unit'): Promise<boolean> {
  return (await db.query('select 1 from dispatch_models where kind = $1 limit 1', [kind])).rowCount === 1;
}

/** Texts of assigned appeals with the region they were confirmed in (the place list learns from them). */
export async function confirmedPlaceHistory(db: Queryable, limit: number): Promise<{ text: string; regionCode: string }[]> {
  const res = await db.query<{ text: string; regionCode: string }>(
    `select concat_ws(' ', a.address, a.title, a.body) as text, a.region_code as "regionCode"
       from appeals a join regions r on r.code = a.region_code
      where a.lead_unit_id is not null and r.level >= 3
      order by a.created_at desc limit $1`,
    [limit],
  );
  return res.rows;
}
