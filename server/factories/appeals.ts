import type { ResidentPrincipal } from '../auth/principal';
import { submitAppeal, type SubmitAppealInput } from '../commands/submit-appeal';
import { performTransition } from '../commands/transition';
import type { AppContext } from '../context';
import type { Appeal } from '../repositories/appeals';
import type { Unit } from '../repositories/units';
import type { StaffPrincipal } from '../auth/principal';
import { buildStaff, buildUnit, randomPhone } from './people';

/** Who acts while a factory walks an appeal forward. */
export interface Cast {
  operator: { principal: StaffPrincipal };
  dispatcher: { principal: StaffPrincipal };
  leadUnit: Unit;
  handler: { principal: StaffPrincipal };
}

/** Creates an operator, a dispatcher, a lead unit and its handler (or reuses the ones given). */
export async function buildCast(ctx: AppContext, given: Partial<Cast> = {}): Promise<Cast> {
  const leadUnit = given.leadUnit ?? (await buildUnit(ctx.pool));
  return {
    operator: given.operator ?? (await buildStaff(ctx, 'operator')),
    dispatcher: given.dispatcher ?? (await buildStaff(ctx, 'dispatcher')),
    leadUnit,
    handler: given.handler ?? (await buildStaff(ctx, 'handler', leadUnit)),
  };
}

/** Options for building appeals: the submission fields and the cast. */
export type AppealOptions = Partial<SubmitAppealInput> & { cast?: Partial<Cast> };

/** 反映: a submitted appeal, entered by a verified resident. */
export async function buildSubmittedAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<Appeal> {
  const phone = opts.phone ?? randomPhone();
  const resident: ResidentPrincipal = { kind: 'resident', phone };
  const { appeal } = await submitAppeal(ctx, resident, {
    title: '小区门口垃圾堆放无人清运',
    body: '颍州区清河路小区门口垃圾堆放三天无人清运，气味很大，请尽快处理。',
    isConfidential: false,
    mayPublish: true,
    attachmentIds: [],
    channel: 'web',
    ...opts,
    phone,
  });
  return appeal;
}

/** 受理: submitted, then accepted by an operator. */
export async function buildAcceptedAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const cast = await buildCast(ctx, opts.cast);
  const submitted = await buildSubmittedAppeal(ctx, opts);
  const { appeal } = await performTransition(ctx, cast.operator.principal, submitted.id, 'accept', {});
  return { appeal, cast };
}

/** 交办: accepted, then assigned to the cast's lead unit. */
export async function buildAssignedAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const { appeal: accepted, cast } = await buildAcceptedAppeal(ctx, opts);
  const { appeal } = await performTransition(ctx, cast.dispatcher.principal, accepted.id, 'assign', { leadUnitId: cast.leadUnit.id, coUnitIds: [] });
  return { appeal, cast };
}

/** 办理中: assigned, then signed for by the lead unit's handler. */
export async function buildInProgressAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const { appeal: assigned, cast } = await buildAssignedAppeal(ctx, opts);
  const { appeal } = await performTransition(ctx, cast.handler.principal, assigned.id, 'sign', {});
  return { appeal, cast };
}

/** 已答复: in progress, then answered by the handler (unit without review). */
export async function buildRepliedAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const { appeal: signed, cast } = await buildInProgressAppeal(ctx, opts);
  const { appeal } = await performTransition(ctx, cast.handler.principal, signed.id, 'reply', {
    resolution: 'resolved',
    body: '经现场核查，已安排环卫人员清运垃圾并加强巡查。',
    attachmentIds: [],
  });
  return { appeal, cast };
}

/** 已办结: replied, then rated 满意 by the resident. */
export async function buildClosedAppeal(ctx: AppContext, opts: AppealOptions = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const { appeal: replied, cast } = await buildRepliedAppeal(ctx, opts);
  const { appeal } = await performTransition(ctx, { kind: 'resident', phone: replied.phone }, replied.id, 'rate', { rating: 'satisfied' });
  return { appeal, cast };
}

/** 超期: in progress with a clock started `daysAgo` calendar days ago, so its deadline has passed. */
export async function buildOverdueAppeal(ctx: AppContext, opts: AppealOptions & { daysAgo?: number } = {}): Promise<{ appeal: Appeal; cast: Cast }> {
  const past = new Date(ctx.now().getTime() - (opts.daysAgo ?? 20) * 24 * 3600 * 1000);
  return buildInProgressAppeal({ ...ctx, now: () => past }, opts);
}
