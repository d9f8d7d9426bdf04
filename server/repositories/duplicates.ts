// Proposed duplicates (疑似重复) of appeals: written by the clustering job, read and dismissed by the
// dispatcher, marked merged when the dispatcher merges (并案). A row's appeal_id is the newer appeal
// and other_id the earlier one it could be merged into; reads look at both sides.
import type { Principal } from '../auth/principal';
import type { Queryable } from '../db/pool';
import { scopeCondition } from '../policies/scope';

/** A candidate's state. */
export type DuplicateStatus = 'proposed' | 'merged' | 'dismissed';

/** One proposed pair to store. */
export interface DuplicateCandidateInput {
  appealId: string;
  otherId: string;
  score: number;
  reasons: string[];
}

/** A duplicate of an appeal as the dispatcher sees it: the other appeal and why. */
export interface DuplicateView {
  otherId: string;
  trackingCode: string;
  title: string;
  status: string;
  createdAt: Date;
  score: number;
  reasons: string[];
  candidateStatus: DuplicateStatus;
  /** The other appeal came first, so this one could be merged into it. */
  isOtherEarlier: boolean;
}

/** Stores proposals; a pair already dismissed or merged keeps its decision, a proposed one gets the new score. */
export async function upsertDuplicateCandidates(db: Queryable, rows: readonly DuplicateCandidateInput[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  // One statement (it runs under the clustering lock); a pair appears once per call.
  await db.query(
    `insert into duplicate_candidates (appeal_id, other_id, score, reasons, created_at)
     select a, o, s, r::jsonb, $5 from unnest($1::uuid[], $2::uuid[], $3::real[], $4::text[]) as t(a, o, s, r)
     on conflict (appeal_id, other_id) do update set score = excluded.score, reasons = excluded.reasons
      where duplicate_candidates.status = 'proposed'`,
    [rows.map((r) => r.appealId), rows.map((r) => r.otherId), rows.map((r) => r.score), rows.map((r) => JSON.stringify(r.reasons)), at],
  );
}

/**
 * The duplicates of an appeal whose other side the principal may see, best first. `statuses`
 * narrows to proposed, merged or dismissed rows.
 */
export async function listDuplicatesOf(db: Queryable, p: Principal, appealId: string, statuses?: readonly DuplicateStatus[]): Promise<DuplicateView[]> {
  const params: unknown[] = [appealId];
  const scope = scopeCondition(p, 'a', params);
  let statusFilter = '';
  if (statuses && statuses.length > 0) {
    params.push(statuses);
    statusFilter = `and d.status = any($${params.length}::text[])`;
  }
  const res = await db.query<DuplicateView>(
    `select a.id as "otherId", a.tracking_code as "trackingCode", a.title, a.status, a.created_at as "createdAt",
            d.score, d.reasons, d.status as "candidateStatus", (a.created_at <= b.created_at) as "isOtherEarlier"
       from duplicate_candidates d
       join appeals b on b.id = $1
       join appeals a on a.id = case when d.appeal_id = $1 then d.other_id else d.appeal_id end
      where (d.appeal_id = $1 or d.other_id = $1) and ${scope} ${statusFilter}
      order by d.score desc, a.created_at`,
    params,
  );
  return res.rows;
}

/** The stored pair of two appeals (in either order), or null. */
export async function findDuplicatePair(db: Queryable, a: string, b: string): Promise<{ appealId: string; otherId: string; status: DuplicateStatus } | null> {
  const res = await db.query<{ appealId: string; otherId: string; status: DuplicateStatus }>(
    `select appeal_id as "appealId", other_id as "otherId", status from duplicate_candidates
      where (appeal_id = $1 and other_id = $2) or (appeal_id = $2 and other_id = $1)`,
    [a, b],
  );
  return res.rows[0] ?? null;
}

/** 不是重复: the dispatcher says the two are different problems. Returns whether a proposed row changed. */
export async function dismissDuplicate(db: Queryable, a: string, b: string): Promise<boolean> {
  const res = await db.query(
    `update duplicate_candidates set status = 'dismissed'
      where ((appeal_id = $1 and other_id = $2) or (appeal_id = $2 and other_id = $1)) and status = 'proposed'`,
    [a, b],
  );
  return (res.rowCount ?? 0) > 0;
}

/**
 * 并案 happened: the pair (appealId, intoId) becomes 'merged', and so do the merged appeal's other
 * open proposals (it is closed now; they were settled by the merge). The workflow's merge action
 * calls this inside its transaction.
 */
export async function markMerged(db: Queryable, appealId: string, intoId: string): Promise<void> {
  await db.query(
    `update duplicate_candidates set status = 'merged'
      where (appeal_id = $1 and other_id = $2) or (appeal_id = $2 and other_id = $1)
         or ((appeal_id = $1 or other_id = $1) and status = 'proposed')`,
    [appealId, intoId],
  );
}

/**
 * How many proposed duplicates each of `ids` has whose other side the principal may see (the
 * appeal list flags them, so a dispatcher sees 疑似重复 before opening the appeal). Ids without any
 * are absent.
 */
export async function countProposedDuplicates(db: Queryable, p: Principal, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const params: unknown[] = [ids];
  const scope = scopeCondition(p, 'a', params);
  const res = await db.query<{ id: string; n: number }>(
    `select x.id, count(*)::int as n
       from unnest($1::uuid[]) as x(id)
       join duplicate_candidates d on d.status = 'proposed' and (d.appeal_id = x.id or d.other_id = x.id)
       join appeals a on a.id = case when d.appeal_id = x.id then d.other_id else d.appeal_id end
      where ${scope}
      group by x.id`,
    params,
  );
  return new Map(res.rows.map((r) => [r.id, r.n]));
}
