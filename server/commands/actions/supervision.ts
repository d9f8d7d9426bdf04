import { z } from 'zod';
import { LIMITS, WARNING_LEVELS } from '../../../shared/domain';
import { invalid } from '../../errors';
import { addParticipation, markReported } from '../../repositories/appeal-units';
import { findUnit, findUnits } from '../../repositories/units';
import { notifyUnit } from '../notify';
import { conflict } from './intake';
import { defineAction } from './types';

const text = (what: string) => z.string().trim().min(1, `请填写${what}`).max(LIMITS.reasonMax);

/** 催办: the supervisor urges the lead unit. */
export const urge = defineAction({
  action: 'urge',
  summary: '催办 — urge the lead unit',
  schema: z.object({ message: text('催办内容') }).strict(),
  async apply({ db, appeal, body, now }) {
    return {
      payload: { message: body.message, leadUnitId: appeal.leadUnitId },
      after: async () => {
        if (appeal.leadUnitId) await notifyUnit(db, appeal.id, appeal.leadUnitId, 'urged', `催办：${body.message}`, now);
      },
    };
  },
});

/** 黄牌/红牌: the supervisor warns the lead unit; the card stays on the appeal. */
export const warn = defineAction({
  action: 'warn',
  summary: '亮牌警示 — a yellow or red card for the lead unit',
  schema: z.object({ level: z.enum(WARNING_LEVELS), reason: text('警示理由') }).strict(),
  async apply({ db, appeal, body, now }) {
    return {
      patch: { warningLevel: body.level },
      payload: { level: body.level, reason: body.reason, leadUnitId: appeal.leadUnitId },
      after: async () => {
        const card = body.level === 'red' ? '红牌' : '黄牌';
        if (appeal.leadUnitId) await notifyUnit(db, appeal.id, appeal.leadUnitId, 'warned', `${card}警示：${body.reason}`, now);
      },
    };
  },
});

/** 提级督办: supervision moves to the level above the lead unit (or a named unit), which now sees it. */
export const escalate = defineAction({
  action: 'escalate',
  summary: '提级督办 — escalate supervision to the level above the lead unit',
  schema: z.object({ reason: text('提级理由'), toUnitId: z.uuid().optional() }).strict(),
  async apply({ db, appeal, body, now }) {
    const lead = appeal.leadUnitId ? await findUnit(db, appeal.leadUnitId) : null;
    const toId = body.toUnitId ?? lead?.parentId ?? null;
    if (!toId) throw conflict('the lead unit has no unit above it; name one in toUnitId');
    const to = await findUnit(db, toId);
    if (!to) throw invalid('toUnitId', 'no such unit');
    if (to.id === appeal.leadUnitId) throw invalid('toUnitId', 'that is the lead unit itself');
    await addParticipation(db, appeal.id, to.id, 'supervising', now);
    return {
      patch: { supervisionLevel: appeal.supervisionLevel + 1 },
      payload: { reason: body.reason, toUnitId: to.id, toUnitName: to.name, level: appeal.supervisionLevel + 1 },
      after: async () => notifyUnit(db, appeal.id, to.id, 'escalated', `提级督办：${appeal.title}（${body.reason}）`, now),
    };
  },
});

/** 批示: a leader's instruction, kept on the record and sent to the units on the appeal. */
export const instruct = defineAction({
  action: 'instruct',
  summary: '批示 — a leader writes an instruction on the appeal',
  schema: z.object({ text: z.string().trim().min(1, '请填写批示内容').max(LIMITS.replyMax) }).strict(),
  async apply({ db, appeal, facts, body, now }) {
    return {
      payload: { text: body.text },
      after: async () => {
        for (const u of facts.units.filter((x) => x.isCurrent)) await notifyUnit(db, appeal.id, u.unitId, 'instructed', `领导批示：${body.text}`, now);
      },
    };
  },
});

/** 吹哨: a town (region lead unit) summons departments onto the appeal; each must 报到. */
export const summon = defineAction({
  action: 'summon',
  summary: '吹哨 — the lead town summons departments, each of which must report (报到)',
  schema: z.object({ unitIds: z.array(z.uuid()).min(1, '至少选择一个单位').max(LIMITS.summonUnitsMax), note: text('吹哨事由') }).strict(),
  async apply({ db, appeal, facts, body, now }) {
    if (new Set(body.unitIds).size !== body.unitIds.length) throw invalid('unitIds', 'a unit is listed twice');
    const units = await findUnits(db, body.unitIds);
    for (const [i, id] of body.unitIds.entries()) {
      if (!units.some((u) => u.id === id)) throw invalid(`unitIds[${i}]`, 'no such unit');
      if (id === appeal.leadUnitId) throw invalid(`unitIds[${i}]`, 'the lead unit cannot summon itself');
      if (facts.units.some((p) => p.unitId === id && p.role === 'summoned' && p.isCurrent && p.reportedAt === null))
        throw invalid(`unitIds[${i}]`, 'already summoned and not yet reported');
    }
    for (const id of body.unitIds) await addParticipation(db, appeal.id, id, 'summoned', now);
    return {
      payload: { unitIds: body.unitIds, unitNames: body.unitIds.map((id) => units.find((u) => u.id === id)?.name), note: body.note },
      after: async () => {
        for (const id of body.unitIds) await notifyUnit(db, appeal.id, id, 'summoned', `吹哨报到：${appeal.title}（${body.note}）`, now);
      },
    };
  },
});

/** 报到: a summoned unit reports what it will do. */
export const report = defineAction({
  action: 'report',
  summary: '报到 — a summoned unit reports in',
  schema: z.object({ note: text('报到内容') }).strict(),
  async apply({ db, principal, appeal, body, now }) {
    if (principal.kind !== 'staff' || !principal.unit) throw conflict('only a summoned unit can report');
    await markReported(db, appeal.id, principal.unit.id, now);
    return {
      payload: { note: body.note, unitId: principal.unit.id, unitName: principal.unit.name },
      after: async () => {
        if (appeal.leadUnitId) await notifyUnit(db, appeal.id, appeal.leadUnitId, 'reported', `${principal.unit?.name ?? ''}已报到：${body.note}`, now);
      },
    };
  },
});
