import { z } from 'zod';
import { LIMITS, TIME_LIMIT_CLASSES } from '../../../shared/domain';
import { invalid } from '../../errors';
import { addParticipation, endParticipation } from '../../repositories/appeal-units';
import { findTimeLimitClass } from '../../repositories/reference';
import { findUnits } from '../../repositories/units';
import { cancelDeadlineJobs, scheduleDeadlineJobs, startClock } from '../deadlines';
import { notifyUnit } from '../notify';
import { recordChoice } from '../../dispatch/jobs';
import { defineAction, type ActionInput } from './types';

const assignBody = z
  .object({
    leadUnitId: z.uuid(),
    coUnitIds: z.array(z.uuid()).max(LIMITS.coUnitsMax).default([]),
    timeLimitClass: z.enum(TIME_LIMIT_CLASSES).optional(),
    /** Working days agreed at consultation; required for the complex class. */
    handleDays: z.number().int().min(1).max(365).optional(),
    note: z.string().max(LIMITS.reasonMax).optional(),
  })
  .strict();

type AssignBody = z.infer<typeof assignBody>;

/** Shared by 交办 and 改派: checks the units, sets participation, starts the clock, tells the units. */
async function assignTo({ db, appeal, body, now, calendar, principal }: ActionInput<AssignBody>) {
  if (body.coUnitIds.includes(body.leadUnitId)) throw invalid('coUnitIds', 'the lead unit cannot also be a co-unit');
  if (new Set(body.coUnitIds).size !== body.coUnitIds.length) throw invalid('coUnitIds', 'a unit is listed twice');
  const ids = [body.leadUnitId, ...body.coUnitIds];
  const units = await findUnits(db, ids);
  for (const [i, id] of ids.entries()) {
    const unit = units.find((u) => u.id === id);
    const field = i === 0 ? 'leadUnitId' : `coUnitIds[${i - 1}]`;
    if (!unit) throw invalid(field, 'no such unit');
    if (!unit.isActive) throw invalid(field, `unit ${unit.name} is inactive`);
  }
  const classCode = body.timeLimitClass ?? appeal.timeLimitClass;
  const limitClass = await findTimeLimitClass(db, classCode);
  if (!limitClass) throw invalid('timeLimitClass', 'unknown time-limit class');
  const handleDays = body.handleDays ?? limitClass.handleDays;
  if (handleDays === null) throw invalid('handleDays', `the ${limitClass.name} class needs the working days agreed at consultation`);

  await endParticipation(db, appeal.id, ['lead', 'co']);
  await addParticipation(db, appeal.id, body.leadUnitId, 'lead', now);
  for (const id of body.coUnitIds) await addParticipation(db, appeal.id, id, 'co', now);
  const lead = units.find((u) => u.id === body.leadUnitId);
  // A first assignment honours a clock start fixed at submission (a dispatched post counts from its
  // publication); every other assignment starts the new unit's clock now.
  const clockStart = appeal.status === 'accepted' && appeal.clockStartedAt ? appeal.clockStartedAt : now;
  return {
    patch: { leadUnitId: body.leadUnitId, timeLimitClass: classCode, signedAt: null, ...startClock(calendar, clockStart, limitClass.signDays, handleDays) },
    payload: {
      leadUnitId: body.leadUnitId,
      leadUnitName: lead?.name ?? null,
      coUnitIds: body.coUnitIds,
      coUnitNames: body.coUnitIds.map((id) => units.find((u) => u.id === id)?.name ?? null),
      timeLimitClass: classCode,
      handleDays,
      note: body.note ?? null,
      ...(clockStart !== now ? { clockStartedAt: clockStart.toISOString() } : {}),
    },
    after: async (updated: import('../../repositories/appeals').Appeal) => {
      await scheduleDeadlineJobs(db, updated);
      // A unit other than the suggested one is a correction the next training learns from.
      await recordChoice(db, appeal.id, 'unit', body.leadUnitId, principal.kind === 'staff' ? principal.userId : null);
      for (const id of ids) {
        await notifyUnit(db, appeal.id, id, id === body.leadUnitId ? 'assigned_lead' : 'assigned_co', `新交办诉求：${appeal.title}`, now);
      }
    },
  };
}

/** 交办: the dispatcher assigns a lead unit (主办) and co-units (协办). */
export const assign = defineAction({
  action: 'assign',
  summary: '交办 — assign a lead unit and co-units; starts the working-day clock',
  schema: assignBody,
  apply: assignTo,
});

/** 改派: the dispatcher assigns anew after a return (or moves a not-yet-signed appeal). */
export const reassign = defineAction({
  action: 'reassign',
  summary: '改派 — reassign to another unit (after 退单); restarts the clock for the new unit',
  schema: assignBody,
  apply: assignTo,
});

/** 退单: the lead unit says the appeal is not its business, with a reason; the clock stops. */
export const returnAppeal = defineAction({
  action: 'return',
  summary: '退单 — the lead unit returns the appeal with a reason',
  schema: z.object({ reason: z.string().trim().min(1, '请填写退单理由').max(LIMITS.reasonMax) }).strict(),
  async apply({ db, appeal, body }) {
    await endParticipation(db, appeal.id, ['lead', 'co']);
    return {
      patch: { leadUnitId: null, signDueAt: null, dueAt: null, clockStartedAt: null, isDueProvisional: false },
      payload: { reason: body.reason, returnedUnitId: appeal.leadUnitId },
      after: async () => cancelDeadlineJobs(db, appeal.id),
    };
  },
});

/** 签收: the lead unit takes the appeal on (also after 不满意 reopens it). */
export const sign = defineAction({
  action: 'sign',
  summary: '签收 — the lead unit signs for the appeal',
  schema: z.object({ note: z.string().max(LIMITS.reasonMax).optional() }).strict(),
  async apply({ appeal, body, now }) {
    const isLate = appeal.signDueAt !== null && now > appeal.signDueAt;
    return { patch: { signedAt: now }, payload: { note: body.note ?? null, isLate } };
  },
});
