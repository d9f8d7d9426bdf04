import type { AppealStatus } from '../../shared/workflow';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';
import type { Principal } from '../auth/principal';

/** An appeal (诉求) as stored. */
export interface Appeal {
  id: string;
  trackingCode: string;
  channel: string;
  channelRef: string | null;
  title: string;
  body: string;
  categoryCode: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  regionCode: string | null;
  residentName: string | null;
  phone: string;
  isConfidential: boolean;
  mayPublish: boolean;
  status: AppealStatus;
  version: number;
  timeLimitClass: string;
  urgencyReason: string | null;
  leadUnitId: string | null;
  clockStartedAt: Date | null;
  signLimitDays: number | null;
  signDueAt: Date | null;
  handleLimitDays: number | null;
  extensionDays: number;
  dueAt: Date | null;
  isDueProvisional: boolean;
  signedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  unsatisfiedCount: number;
  supervisionLevel: number;
  warningLevel: string | null;
  mergedIntoId: string | null;
  submittedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS: Record<keyof Appeal, string> = {
  id: 'id',
  trackingCode: 'tracking_code',
  channel: 'channel',
  channelRef: 'channel_ref',
  title: 'title',
  body: 'body',
  categoryCode: 'category_code',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  regionCode: 'region_code',
  residentName: 'resident_name',
  phone: 'phone',
  isConfidential: 'is_confidential',
  mayPublish: 'may_publish',
  status: 'status',
  version: 'version',
  timeLimitClass: 'time_limit_class',
  urgencyReason: 'urgency_reason',
  leadUnitId: 'lead_unit_id',
  clockStartedAt: 'clock_started_at',
  signLimitDays: 'sign_limit_days',
  signDueAt: 'sign_due_at',
  handleLimitDays: 'handle_limit_days',
  extensionDays: 'extension_days',
  dueAt: 'due_at',
  isDueProvisional: 'is_due_provisional',
  signedAt: 'signed_at',
  repliedAt: 'replied_at',
  closedAt: 'closed_at',
  unsatisfiedCount: 'unsatisfied_count',
  supervisionLevel: 'supervision_level',
  warningLevel: 'warning_level',
  mergedIntoId: 'merged_into_id',
  submittedBy: 'submitted_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** `a.col as "camel"` list for selecting appeals under the alias `a`. */
export const APPEAL_SELECT = Object.entries(COLUMNS)
  .map(([k, c]) => `a.${c} as "${k}"`)
  .join(', ');

/** The columns a command may change on an appeal. */
export type AppealPatch = Partial<Omit<Appeal, 'id' | 'trackingCode' | 'version' | 'createdAt' | 'updatedAt'>>;

/** New appeal fields, as the submit command prepares them. */
export type NewAppeal = Omit<Appeal, 'version' | 'createdAt' | 'updatedAt'> & { searchText: string };

/** Inserts an appeal; returns null when (channel, channelRef) already exists (idempotent import). */
export async function insertAppeal(db: Queryable, a: NewAppeal, at: Date): Promise<Appeal | null> {
  const keys = (Object.keys(COLUMNS) as (keyof Appeal)[]).filter((k) => !['version', 'createdAt', 'updatedAt'].includes(k));
  const cols = keys.map((k) => COLUMNS[k]);
  const values: unknown[] = keys.map((k) => a[k as keyof NewAppeal]);
  const placeholders = cols.map((_, i) => `$${i + 1}`);
  cols.push('search_text', 'created_at', 'updated_at');
  placeholders.push(`to_tsvector('simple', $${values.length + 1})`, `$${values.length + 2}`, `$${values.length + 2}`);
  values.push(a.searchText, at);
  const res = await db.query<Appeal>(
    `insert into appeals as a (${cols.join(', ')}) values (${placeholders.join(', ')})
     on conflict (channel, channel_ref) where channel_ref is not null do nothing
     returning ${APPEAL_SELECT}`,
    values,
  );
  return res.rows[0] ?? null;
}

/** The appeal with this channel reference, if any (for idempotent imports). */
export async function findByChannelRef(db: Queryable, channel: string, ref: string): Promise<Appeal | null> {
  const res = await db.query<Appeal>(`select ${APPEAL_SELECT} from appeals a where channel = $1 and channel_ref = $2`, [channel, ref]);
  return res.rows[0] ?? null;
}

/** The appeal if the principal may see it, else null. `lock` takes the row lock for a transition. */
export async function findVisibleAppeal(db: Queryable, p: Principal, id: string, lock = false): Promise<Appeal | null> {
  const params: unknown[] = [id];
  const scope = scopeCondition(p, 'a', params);
  const res = await db.query<Appeal>(
    `select ${APPEAL_SELECT} from appeals a where a.id = $1 and ${scope}${lock ? ' for update of a' : ''}`,
    params,
  );
  return res.rows[0] ?? null;
}

/** An appeal by id with no scope check: for system jobs and commands that already authorised. */
export async function findAppealById(db: Queryable, id: string, lock = false): Promise<Appeal | null> {
  const res = await db.query<Appeal>(`select ${APPEAL_SELECT} from appeals a where a.id = $1${lock ? ' for update' : ''}`, [id]);
  return res.rows[0] ?? null;
}

/** An appeal by tracking code (no scope: the caller checks the phone). */
export async function findByTrackingCode(db: Queryable, code: string): Promise<Appeal | null> {
  const res = await db.query<Appeal>(`select ${APPEAL_SELECT} from appeals a where a.tracking_code = $1`, [code]);
  return res.rows[0] ?? null;
}

/** Writes a patch, the new status and version+1; the caller holds the row lock. */
export async function updateAppeal(db: Queryable, id: string, status: AppealStatus, patch: AppealPatch, at: Date): Promise<Appeal> {
  const sets = ['status = $2', 'version = version + 1', 'updated_at = $3'];
  const values: unknown[] = [id, status, at];
  for (const [k, v] of Object.entries(patch)) {
    const col = COLUMNS[k as keyof Appeal];
    if (!col) throw new Error(`unknown appeal field ${k}`);
    values.push(v);
    sets.push(`${col} = $${values.length}`);
  }
  const res = await db.query<Appeal>(`update appeals a set ${sets.join(', ')} where a.id = $1 returning ${APPEAL_SELECT}`, values);
  const row = res.rows[0];
  if (!row) throw new Error(`appeal ${id} vanished under lock`);
  return row;
}

/** Appeals related to one, among those the principal may see: merged in, merged into, same caller. */
export async function findRelated(db: Queryable, p: Principal, a: Appeal) {
  const params: unknown[] = [a.id, a.mergedIntoId, a.phone];
  const scope = scopeCondition(p, 'r', params);
  const res = await db.query<{ id: string; trackingCode: string; title: string; status: string; createdAt: Date; relation: string }>(
    `select r.id, r.tracking_code as "trackingCode", r.title, r.status, r.created_at as "createdAt",
            case when r.merged_into_id = $1 then 'merged_in' when r.id = $2 then 'merged_into' else 'same_phone' end as relation
       from appeals r
      where r.id <> $1 and (r.merged_into_id = $1 or r.id = $2 or r.phone = $3) and ${scope}
      order by r.created_at desc limit 20`,
    params,
  );
  return res.rows;
}
