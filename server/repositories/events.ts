import type { Queryable } from '../db/pool';

/** One step in an appeal's life (an immutable audit row). */
export interface AppealEvent {
  id: number;
  appealId: string;
  seq: number;
  action: string;
  actorType: 'user' | 'resident' | 'system';
  actorId: string | null;
  actorName: string | null;
  actorUnitId: string | null;
  actorUnitName: string | null;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Fields of a new event. */
export interface NewEvent {
  appealId: string;
  action: string;
  actorType: AppealEvent['actorType'];
  actorId: string | null;
  actorUnitId: string | null;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
}

const EVENT_SELECT = `e.id, e.appeal_id as "appealId", e.seq, e.action, e.actor_type as "actorType", e.actor_id as "actorId",
  usr.display_name as "actorName", e.actor_unit_id as "actorUnitId", un.name as "actorUnitName",
  e.from_status as "fromStatus", e.to_status as "toStatus", e.payload, e.created_at as "createdAt"`;

/** Appends an event; the caller holds the appeal's row lock, which makes seq gap-free. */
export async function appendEvent(db: Queryable, e: NewEvent, at: Date): Promise<AppealEvent> {
  const res = await db.query<{ id: number }>(
    `insert into appeal_events (appeal_id, seq, action, actor_type, actor_id, actor_unit_id, from_status, to_status, payload, created_at)
     values ($1, (select coalesce(max(seq), 0) + 1 from appeal_events where appeal_id = $1), $2, $3, $4, $5, $6, $7, $8, $9)
     returning id`,
    [e.appealId, e.action, e.actorType, e.actorId, e.actorUnitId, e.fromStatus, e.toStatus, JSON.stringify(e.payload), at],
  );
  const id = res.rows[0]?.id;
  const full = await db.query<AppealEvent>(
    `select ${EVENT_SELECT} from appeal_events e left join users usr on usr.id = e.actor_id
       left join units un on un.id = e.actor_unit_id where e.id = $1`,
    [id],
  );
  const row = full.rows[0];
  if (!row) throw new Error('event vanished');
  return row;
}

/** The whole event log of an appeal, oldest first. */
export async function listEvents(db: Queryable, appealId: string): Promise<AppealEvent[]> {
  const res = await db.query<AppealEvent>(
    `select ${EVENT_SELECT} from appeal_events e left join users usr on usr.id = e.actor_id
       left join units un on un.id = e.actor_unit_id where e.appeal_id = $1 order by e.seq`,
    [appealId],
  );
  return res.rows;
}
