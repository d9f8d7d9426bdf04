import { z } from 'zod';
import { LIMITS, TIME_LIMIT_CLASSES } from '../../../shared/domain';
import { STATUS_CLASS } from '../../../shared/workflow';
import { AppError, invalid } from '../../errors';
import { findVisibleAppeal } from '../../repositories/appeals';
import { appendEvent } from '../../repositories/events';
import { findCategory } from '../../repositories/reference';
import { notifyResident } from '../notify';
import { dispatchJobKey, recordChoice } from '../../dispatch/jobs';
import { markMerged } from '../../repositories/duplicates';
import { enqueueJob } from '../../jobs/enqueue';
import { defineAction } from './types';

const reason = z.string().trim().min(1, '请填写理由').max(LIMITS.reasonMax);

/** 受理: the intake desk accepts an appeal, optionally fixing its category and time-limit class. */
export const accept = defineAction({
  action: 'accept',
  summary: '受理 — accept a submitted appeal',
  schema: z.object({
    categoryCode: z.string().min(1).optional(),
    timeLimitClass: z.enum(TIME_LIMIT_CLASSES).optional(),
    note: z.string().max(LIMITS.reasonMax).optional(),
  }).strict(),
  async apply({ db, body, appeal, principal }) {
    if (body.categoryCode && !(await findCategory(db, body.categoryCode))) throw invalid('categoryCode', 'unknown category');
    if (body.categoryCode) await recordChoice(db, appeal.id, 'category', body.categoryCode, principal.kind === 'staff' ? principal.userId : null);
    return {
      patch: {
        ...(body.categoryCode ? { categoryCode: body.categoryCode } : {}),
        ...(body.timeLimitClass ? { timeLimitClass: body.timeLimitClass } : {}),
      },
      payload: { note: body.note ?? null, categoryCode: body.categoryCode ?? null, timeLimitClass: body.timeLimitClass ?? null },
      // Above the city's threshold the accepted appeal is assigned automatically (dispatch job).
      after: async () => enqueueJob(db, 'dispatch_appeal', { appealId: appeal.id }, { jobKey: dispatchJobKey(appeal.id) }),
    };
  },
});

/** 不予受理: rejected with a reason the resident reads. */
export const reject = defineAction({
  action: 'reject',
  summary: '不予受理 — reject with a reason',
  schema: z.object({ reason }).strict(),
  async apply({ db, appeal, body, now }) {
    return {
      patch: { closedAt: now },
      payload: { reason: body.reason },
      after: async () =>
        notifyResident(db, appeal.id, appeal.phone, 'rejected', `您的诉求（${appeal.trackingCode}）不予受理：${body.reason}`, now),
    };
  },
});

/** 并案: a duplicate joins an earlier open appeal, whose outcome its resident is then told. */
export const merge = defineAction({
  action: 'merge',
  summary: '并案 — merge this duplicate into an earlier appeal',
  schema: z.object({ targetId: z.uuid(), reason: z.string().max(LIMITS.reasonMax).optional() }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    if (body.targetId === appeal.id) throw invalid('targetId', 'an appeal cannot be merged into itself');
    const target = await findVisibleAppeal(db, principal, body.targetId, true);
    if (!target) throw invalid('targetId', 'no such appeal');
    if (!STATUS_CLASS[target.status].isOpen) throw invalid('targetId', `the target appeal is ${target.status}`);
    if (target.createdAt > appeal.createdAt) throw invalid('targetId', 'merge into the earlier appeal, not a later one');
    const actorId = principal.kind === 'staff' ? principal.userId : null;
    await appendEvent(
      db,
      {
        appealId: target.id,
        action: 'merged_in',
        actorType: 'user',
        actorId,
        actorUnitId: null,
        fromStatus: target.status,
        toStatus: target.status,
        payload: { sourceId: appeal.id, sourceTrackingCode: appeal.trackingCode },
      },
      now,
    );
    return {
      patch: { mergedIntoId: target.id, closedAt: now },
      payload: { targetId: target.id, targetTrackingCode: target.trackingCode, reason: body.reason ?? null },
      after: async () => {
        // A proposed duplicate that the dispatcher merged is settled, not proposed again.
        await markMerged(db, appeal.id, target.id);
        await notifyResident(
          db,
          appeal.id,
          appeal.phone,
          'merged',
          `您的诉求（${appeal.trackingCode}）与已受理的同类诉求（${target.trackingCode}）合并办理，办理结果将同步告知您。`,
          now,
        );
      },
    };
  },
});

/** Guard for bodies whose semantics need a 409 rather than a 400. */
export function conflict(message: string): AppError {
  return new AppError(409, 'CONFLICT', message);
}
