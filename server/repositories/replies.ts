import type { Queryable } from '../db/pool';

/** A unit's answer to an appeal (答复). */
export interface Reply {
  id: string;
  appealId: string;
  unitId: string;
  unitName: string;
  authorId: string;
  resolution: string;
  body: string;
  state: 'pending_review' | 'published' | 'sent_back';
  createdAt: Date;
  reviewedAt: Date | null;
}

/** Inserts a reply. */
export async function insertReply(
  db: Queryable,
  r: { id: string; appealId: string; unitId: string; authorId: string; resolution: string; body: string; state: Reply['state'] },
  at: Date,
): Promise<void> {
  await db.query(
    `insert into replies (id, appeal_id, unit_id, author_id, resolution, body, state, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.id, r.appealId, r.unitId, r.authorId, r.resolution, r.body, r.state, at],
  );
}

/** Sets a reply's review outcome. */
export async function reviewReply(db: Queryable, id: string, state: Reply['state'], reviewerId: string, at: Date): Promise<void> {
  await db.query('update replies set state = $2, reviewed_by = $3, reviewed_at = $4 where id = $1', [id, state, reviewerId, at]);
}

/** Replies of an appeal, oldest first. */
export async function listReplies(db: Queryable, appealId: string): Promise<Reply[]> {
  const res = await db.query<Reply>(
    `select r.id, r.appeal_id as "appealId", r.unit_id as "unitId", u.name as "unitName", r.author_id as "authorId",
            r.resolution, r.body, r.state, r.created_at as "createdAt", r.reviewed_at as "reviewedAt"
       from replies r join units u on u.id = r.unit_id where r.appeal_id = $1 order by r.created_at, r.id`,
    [appealId],
  );
  return res.rows;
}

/** The reply waiting for the head's review, if any. */
export async function pendingReply(db: Queryable, appealId: string): Promise<Reply | null> {
  return (await listReplies(db, appealId)).find((r) => r.state === 'pending_review') ?? null;
}

/** The latest published reply, if any. */
export async function latestPublishedReply(db: Queryable, appealId: string): Promise<Reply | null> {
  return (await listReplies(db, appealId)).filter((r) => r.state === 'published').at(-1) ?? null;
}

/** Records a resident's rating of a reply. */
export async function insertRating(
  db: Queryable,
  r: { id: string; appealId: string; replyId: string; rating: string; comment: string | null },
  at: Date,
): Promise<void> {
  await db.query('insert into ratings (id, appeal_id, reply_id, rating, comment, created_at) values ($1, $2, $3, $4, $5, $6)', [
    r.id,
    r.appealId,
    r.replyId,
    r.rating,
    r.comment,
    at,
  ]);
}
