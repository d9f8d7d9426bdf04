import { targetStatus, transitionOf, type AppealAction } from '../../shared/workflow';
import type { Principal } from '../auth/principal';
import type { AppContext } from '../context';
import { withTransaction, type PoolClient, type Queryable } from '../db/pool';
import { forbidden, invalidTransition, notFound, versionConflict } from '../errors';
import { listParticipation } from '../repositories/appeal-units';
import { findVisibleAppeal, updateAppeal, type Appeal } from '../repositories/appeals';
import { appendEvent, type AppealEvent } from '../repositories/events';
import { pendingExtension } from '../repositories/extensions';
import { actorsOf, allow, type AppealFacts } from '../policies/appeal';
import { ACTION_HANDLERS } from './actions';

/** The outcome of one transition: the appeal after it and the event it appended. */
export interface TransitionResult {
  appeal: Appeal;
  event: AppealEvent;
}

/** Loads what policies need about an appeal (participation, pending extension). */
export async function loadFacts(db: Queryable, appeal: Appeal): Promise<AppealFacts> {
  const [units, ext] = await Promise.all([listParticipation(db, appeal.id), pendingExtension(db, appeal.id)]);
  return { appeal, units, hasPendingExtension: ext !== null };
}

/**
 * Performs any workflow action: one transaction that locks the appeal row, checks visibility (404),
 * the optimistic version (409), the workflow table (409) and the policy (403), applies the action,
 * bumps the version and appends the event. Nothing is written unless all of it succeeds.
 * `body` must already be validated against the action's schema.
 */
export async function performTransition(
  ctx: AppContext,
  principal: Principal,
  appealId: string,
  action: AppealAction,
  body: Record<string, unknown>,
  expectedVersion?: number,
): Promise<TransitionResult> {
  return withTransaction(ctx.pool, (db) => transitionIn(db, ctx, principal, appealId, action, body, expectedVersion));
}

/** performTransition inside a transaction the caller owns (bulk operations run several in one). */
export async function transitionIn(
  db: PoolClient,
  ctx: AppContext,
  principal: Principal,
  appealId: string,
  action: AppealAction,
  body: Record<string, unknown>,
  expectedVersion?: number,
): Promise<TransitionResult> {
  const handler = ACTION_HANDLERS[action];
  const appeal = await findVisibleAppeal(db, principal, appealId, true);
  if (!appeal) throw notFound();
  if (expectedVersion !== undefined && expectedVersion !== appeal.version) throw versionConflict(expectedVersion, appeal.version);
  if (!transitionOf(action).from.includes(appeal.status)) throw invalidTransition(action, appeal.status);
  const facts = await loadFacts(db, appeal);
  if (!allow(principal, action, facts)) {
    const actors = [...actorsOf(principal, facts)];
    throw forbidden(`you may not ${action} this appeal${actors.length ? ` as ${actors.join('/')}` : ''}`);
  }
  const now = ctx.now();
  const calendar = await ctx.calendar.get(db);
  const effect = await handler.apply({ db, ctx, principal, appeal, facts, body, now, calendar });
  const to = targetStatus(action, appeal.status, effect.branch);
  const updated = await updateAppeal(db, appeal.id, to, effect.patch ?? {}, now);
  const event = await appendEvent(
    db,
    {
      appealId: appeal.id,
      action,
      actorType: principal.kind === 'resident' ? 'resident' : 'user',
      actorId: principal.kind === 'staff' ? principal.userId : null,
      actorUnitId: principal.kind === 'staff' ? (principal.unit?.id ?? null) : null,
      fromStatus: appeal.status,
      toStatus: to,
      payload: effect.payload,
    },
    now,
  );
  await effect.after?.(updated);
  return { appeal: updated, event };
}
