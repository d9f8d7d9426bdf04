import { WORKFLOW, canTransition, type Actor, type AppealAction } from '../../shared/workflow';
import type { Principal } from '../auth/principal';
import type { Appeal } from '../repositories/appeals';
import type { Participation } from '../repositories/appeal-units';

/** What a policy needs to know about an appeal beyond its row. */
export interface AppealFacts {
  appeal: Appeal;
  units: Participation[];
  hasPendingExtension: boolean;
}

const ROLE_ACTORS: Partial<Record<string, Actor>> = {
  operator: 'operator',
  dispatcher: 'dispatcher',
  supervisor: 'supervisor',
  leader: 'leader',
};

/** The workflow actors this principal is on this appeal (a visible appeal is assumed). */
export function actorsOf(p: Principal, facts: AppealFacts): Set<Actor> {
  const actors = new Set<Actor>();
  if (p.kind === 'resident') {
    if (p.phone === facts.appeal.phone) actors.add('resident');
    return actors;
  }
  const roleActor = ROLE_ACTORS[p.role];
  if (roleActor) actors.add(roleActor);
  // The duty officer turns monitored posts into appeals (转办) and may accept and assign only those.
  if (p.role === 'duty_officer' && facts.appeal.channel === 'opinion') actors.add('opinion_desk');
  if (!p.unit || (p.role !== 'handler' && p.role !== 'head')) return actors;
  const unitId = p.unit.id;
  const current = facts.units.filter((u) => u.isCurrent && u.unitId === unitId);
  if (current.some((u) => u.role === 'lead')) {
    actors.add('lead_unit');
    if (p.role === 'head') actors.add('lead_head');
    if (p.unit.kind === 'region') actors.add('region_lead_unit');
  }
  if (current.some((u) => u.role === 'summoned' && u.reportedAt === null)) actors.add('summoned_unit');
  return actors;
}

/** Preconditions beyond status and actor, checked for the buttons and again by the commands. */
function preconditionHolds(action: AppealAction, facts: AppealFacts): boolean {
  switch (action) {
    case 'request_extension':
      return !facts.hasPendingExtension;
    case 'grant_extension':
    case 'refuse_extension':
      return facts.hasPendingExtension;
    default:
      return true;
  }
}

/** Whether the principal may perform the action now (status, actor and preconditions). */
export function allow(p: Principal, action: AppealAction, facts: AppealFacts): boolean {
  if (!canTransition(action, facts.appeal.status)) return false;
  const row = WORKFLOW.find((t) => t.action === action);
  if (!row) return false;
  const actors = actorsOf(p, facts);
  return row.who.some((w) => actors.has(w)) && preconditionHolds(action, facts);
}

/** Every action the principal may take next; sent with the appeal so the UI never re-derives rules. */
export function allowedActions(p: Principal, facts: AppealFacts): AppealAction[] {
  return WORKFLOW.filter((t) => allow(p, t.action, facts)).map((t) => t.action);
}

/** Whether the principal may read the resident's contact details on this appeal. */
export function mayReadContact(p: Principal, facts: AppealFacts): boolean {
  if (p.kind === 'resident') return p.phone === facts.appeal.phone;
  // 保密: only the intake desk (operators, dispatchers, supervisors) sees who asked.
  if (['operator', 'dispatcher', 'supervisor'].includes(p.role)) return true;
  if (facts.appeal.isConfidential) return false;
  const actors = actorsOf(p, facts);
  return actors.has('lead_unit');
}
