import crypto from 'node:crypto';
import { z } from 'zod';
import { LIMITS } from '../../../shared/domain';
import { decideExtension, insertExtension, pendingExtension } from '../../repositories/extensions';
import { recomputeDeadlines, scheduleDeadlineJobs } from '../deadlines';
import { notifyUnit } from '../notify';
import { conflict } from './intake';
import { defineAction } from './types';

/** 申请延期: the lead unit asks for more working days, with a reason; a dispatcher decides. */
export const requestExtension = defineAction({
  action: 'request_extension',
  summary: '申请延期 — ask for more working days',
  schema: z.object({
    days: z.number().int().min(1).max(LIMITS.extensionDaysMax),
    reason: z.string().trim().min(1, '请填写延期理由').max(LIMITS.reasonMax),
  }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    if (principal.kind !== 'staff' || !principal.unit) throw conflict('only a unit can ask for an extension');
    if (await pendingExtension(db, appeal.id)) throw conflict('an extension request is already pending');
    const id = crypto.randomUUID();
    await insertExtension(db, { id, appealId: appeal.id, unitId: principal.unit.id, requestedBy: principal.userId, days: body.days, reason: body.reason }, now);
    return { payload: { extensionId: id, days: body.days, reason: body.reason } };
  },
});

/** 同意延期: the dispatcher grants (possibly fewer days); the deadline moves. */
export const grantExtension = defineAction({
  action: 'grant_extension',
  summary: '同意延期 — grant the pending extension; moves the deadline',
  schema: z.object({
    days: z.number().int().min(1).max(LIMITS.extensionDaysMax).optional(),
    note: z.string().max(LIMITS.reasonMax).optional(),
  }).strict(),
  async apply({ db, principal, appeal, body, now, calendar }) {
    const pending = await pendingExtension(db, appeal.id);
    if (!pending || principal.kind !== 'staff') throw conflict('no extension request is pending');
    const days = body.days ?? pending.days;
    await decideExtension(db, pending.id, 'granted', days, principal.userId, body.note ?? null, now);
    const patch = recomputeDeadlines(calendar, appeal, days) ?? {};
    return {
      patch,
      payload: { extensionId: pending.id, days, requestedDays: pending.days, previousDueAt: appeal.dueAt, dueAt: patch.dueAt ?? null },
      after: async (updated) => {
        await scheduleDeadlineJobs(db, updated);
        await notifyUnit(db, appeal.id, pending.unitId, 'extension_granted', `延期申请已同意（${days}个工作日）：${appeal.title}`, now);
      },
    };
  },
});

/** 驳回延期: the dispatcher refuses, saying why; the deadline stays. */
export const refuseExtension = defineAction({
  action: 'refuse_extension',
  summary: '驳回延期 — refuse the pending extension',
  schema: z.object({ note: z.string().trim().min(1, '请填写驳回理由').max(LIMITS.reasonMax) }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    const pending = await pendingExtension(db, appeal.id);
    if (!pending || principal.kind !== 'staff') throw conflict('no extension request is pending');
    await decideExtension(db, pending.id, 'refused', pending.days, principal.userId, body.note, now);
    return {
      payload: { extensionId: pending.id, note: body.note },
      after: async () => notifyUnit(db, appeal.id, pending.unitId, 'extension_refused', `延期申请被驳回：${body.note}`, now),
    };
  },
});
