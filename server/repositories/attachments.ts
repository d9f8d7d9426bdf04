import type { Queryable } from '../db/pool';

/** An uploaded file's metadata (the bytes live in the attachment store). */
export interface Attachment {
  id: string;
  appealId: string | null;
  replyId: string | null;
  filename: string;
  mimeType: string;
  byteSize: number;
  storageKey: string;
  createdAt: Date;
}

const ATTACHMENT_SELECT = `id, appeal_id as "appealId", reply_id as "replyId", filename, mime_type as "mimeType",
  byte_size as "byteSize", storage_key as "storageKey", created_at as "createdAt"`;

/** Records an upload not yet linked to an appeal. */
export async function insertAttachment(
  db: Queryable,
  a: { id: string; filename: string; mimeType: string; byteSize: number; sha256: string; storageKey: string; userId: string | null; phone: string | null },
  at: Date,
): Promise<void> {
  await db.query(
    `insert into attachments (id, filename, mime_type, byte_size, sha256, storage_key, uploaded_by_user, uploaded_by_phone, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.id, a.filename, a.mimeType, a.byteSize, a.sha256, a.storageKey, a.userId, a.phone, at],
  );
}

/**
 * Links the uploader's own unlinked uploads to an appeal (and reply); returns how many were linked,
 * so the caller can refuse when an id was unknown, foreign or already used.
 */
export async function linkAttachments(
  db: Queryable,
  ids: string[],
  to: { appealId: string; replyId?: string; uploaderUserId?: string | null; uploaderPhone?: string | null },
): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db.query(
    `update attachments set appeal_id = $2, reply_id = $3
      where id = any($1) and appeal_id is null
        and (uploaded_by_user = $4 or uploaded_by_phone = $5)`,
    [ids, to.appealId, to.replyId ?? null, to.uploaderUserId ?? null, to.uploaderPhone ?? null],
  );
  return res.rowCount ?? 0;
}

/** Attachments of an appeal. */
export async function listAttachments(db: Queryable, appealId: string): Promise<Attachment[]> {
  const res = await db.query<Attachment>(`select ${ATTACHMENT_SELECT} from attachments where appeal_id = $1 order by created_at, id`, [appealId]);
  return res.rows;
}

/** One attachment. */
export async function findAttachment(db: Queryable, id: string): Promise<Attachment | null> {
  const res = await db.query<Attachment>(`select ${ATTACHMENT_SELECT} from attachments where id = $1`, [id]);
  return res.rows[0] ?? null;
}
