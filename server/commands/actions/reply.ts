import crypto from 'node:crypto';
import { z } from 'zod';
import { LIMITS, RATINGS, RESOLUTIONS, RESOLUTION_LABELS } from '../../../shared/domain';
import type { PoolClient } from '../../db/pool';
import { invalid } from '../../errors';
import type { Appeal } from '../../repositories/appeals';
import { insertRating, insertReply, latestPublishedReply, pendingReply, reviewReply } from '../../repositories/replies';
import { findUnit } from '../../repositories/units';
import { linkAttachments } from '../../repositories/attachments';
import { findTimeLimitClass } from '../../repositories/reference';
import { cancelDeadlineJobs, scheduleDeadlineJobs, startClock } from '../deadlines';
import { notifyResident, notifyUnit } from '../notify';
import { conflict } from './intake';
import { defineAction } from './types';

/** Tells the resident (and the residents of appeals merged into this one) that a reply is out. */
async function announceReply(db: PoolClient, appeal: Appeal, resolution: string, at: Date): Promise<void> {
  const label = RESOLUTION_LABELS[resolution as keyof typeof RESOLUTION_LABELS] ?? resolution;
  const text = (code: string) => `您的诉求（${code}）已答复（${label}），请凭受理编号和手机号查看并评价。`;
  await notifyResident(db, appeal.id, appeal.phone, 'replied', text(appeal.trackingCode), at);
  const merged = await db.query<{ id: string; phone: string; trackingCode: string }>(
    `select id, phone, tracking_code as "trackingCode" from appeals where merged_into_id = $1`,
    [appeal.id],
  );
  for (const m of merged.rows) await notifyResident(db, m.id, m.phone, 'replied_merged', text(m.trackingCode), at);
}

/** 答复: the lead unit answers; where the unit requires it, its head reviews first. */
export const reply = defineAction({
  action: 'reply',
  summary: '答复 — the lead unit replies (goes to the unit head first where the unit requires review)',
  schema: z.object({
    resolution: z.enum(RESOLUTIONS),
    body: z.string().trim().min(LIMITS.bodyMin, `答复内容至少${LIMITS.bodyMin}个字`).max(LIMITS.replyMax),
    attachmentIds: z.array(z.uuid()).max(LIMITS.attachmentsMax).default([]),
  }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    if (principal.kind !== 'staff' || !principal.unit) throw conflict('only the lead unit can reply');
    const unit = await findUnit(db, principal.unit.id);
    const needsReview = (unit?.requiresReplyReview ?? false) && principal.role !== 'head';
    const id = crypto.randomUUID();
    await insertReply(
      db,
      { id, appealId: appeal.id, unitId: principal.unit.id, authorId: principal.userId, resolution: body.resolution, body: body.body, state: needsReview ? 'pending_review' : 'published' },
      now,
    );
    const linked = await linkAttachments(db, body.attachmentIds, { replyId: id, appealId: appeal.id, uploaderUserId: principal.userId });
    if (linked !== body.attachmentIds.length) throw invalid('attachmentIds', 'unknown attachment, or uploaded by someone else');
    return {
      ...(needsReview ? { branch: 'review' } : {}),
      patch: needsReview ? {} : { repliedAt: now },
      payload: { replyId: id, resolution: body.resolution, body: body.body, attachmentIds: body.attachmentIds, needsReview },
      after: async (updated) => {
        if (needsReview) return;
        await cancelDeadlineJobs(db, appeal.id);
        await announceReply(db, updated, body.resolution, now);
      },
    };
  },
});

/** 审核通过: the unit head lets the reply go out. */
export const approveReply = defineAction({
  action: 'approve_reply',
  summary: '审核通过 — the unit head approves the pending reply',
  schema: z.object({ note: z.string().max(LIMITS.reasonMax).optional() }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    const pending = await pendingReply(db, appeal.id);
    if (!pending || principal.kind !== 'staff') throw conflict('no reply is waiting for review');
    await reviewReply(db, pending.id, 'published', principal.userId, now);
    return {
      patch: { repliedAt: now },
      payload: { replyId: pending.id, note: body.note ?? null },
      after: async (updated) => {
        await cancelDeadlineJobs(db, appeal.id);
        await announceReply(db, updated, pending.resolution, now);
      },
    };
  },
});

/** 审核退回: the unit head sends the reply back to be rewritten. */
export const rejectReply = defineAction({
  action: 'reject_reply',
  summary: '审核退回 — the unit head sends the reply back with a reason',
  schema: z.object({ reason: z.string().trim().min(1, '请填写退回理由').max(LIMITS.reasonMax) }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    const pending = await pendingReply(db, appeal.id);
    if (!pending || principal.kind !== 'staff') throw conflict('no reply is waiting for review');
    await reviewReply(db, pending.id, 'sent_back', principal.userId, now);
    return { payload: { replyId: pending.id, reason: body.reason } };
  },
});

/** 评价: the resident (or an operator on a follow-up call, 回访) rates the reply; 不满意 reopens it. */
export const rate = defineAction({
  action: 'rate',
  summary: '评价 — 满意 / 基本满意 close the appeal; 不满意 reopens it in the unsatisfied zone',
  schema: z.object({ rating: z.enum(RATINGS), comment: z.string().trim().max(LIMITS.reasonMax).optional() }).strict(),
  async apply({ db, appeal, body, now, calendar }) {
    const last = await latestPublishedReply(db, appeal.id);
    if (!last) throw conflict('there is no reply to rate');
    await insertRating(db, { id: crypto.randomUUID(), appealId: appeal.id, replyId: last.id, rating: body.rating, comment: body.comment ?? null }, now);
    const payload = { rating: body.rating, comment: body.comment ?? null, replyId: last.id };
    if (body.rating !== 'unsatisfied') return { patch: { closedAt: now }, payload };
    // Back to the same unit with a fresh clock of the appeal's class (complex keeps its agreed days).
    const limitClass = await findTimeLimitClass(db, appeal.timeLimitClass);
    const handleDays = limitClass?.handleDays ?? appeal.handleLimitDays ?? 5;
    return {
      branch: 'unsatisfied',
      patch: { unsatisfiedCount: appeal.unsatisfiedCount + 1, signedAt: null, ...startClock(calendar, now, limitClass?.signDays ?? 1, handleDays) },
      payload: { ...payload, round: appeal.unsatisfiedCount + 2 },
      after: async (updated) => {
        await scheduleDeadlineJobs(db, updated);
        if (appeal.leadUnitId) await notifyUnit(db, appeal.id, appeal.leadUnitId, 'unsatisfied', `群众不满意，请重新办理：${appeal.title}`, now);
      },
    };
  },
});

/** 办结: the dispatcher closes a replied appeal without a rating, where the city's rules allow it. */
export const close = defineAction({
  action: 'close',
  summary: '办结 — close a replied appeal without a rating (where the city allows it)',
  schema: z.object({ note: z.string().trim().min(1, '请说明办结理由').max(LIMITS.reasonMax) }).strict(),
  async apply({ body, now }) {
    return { patch: { closedAt: now }, payload: { note: body.note } };
  },
});
