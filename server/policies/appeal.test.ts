import { describe, expect, it } from 'vitest';
import type { Role, UnitKind } from '../../shared/domain';
import { ACTIONS, type AppealAction, type AppealStatus } from '../../shared/workflow';
import type { Principal, ResidentPrincipal, StaffPrincipal } from '../auth/principal';
import type { Participation } from '../repositories/appeal-units';
import type { Appeal } from '../repositories/appeals';
import { actorsOf, allow, allowedActions, mayReadContact, type AppealFacts } from './appeal';

// Hand-built facts: no database, every relation spelt out.

const PHONE = '13900001111';
const OTHER_PHONE = '13900002222';

const LEAD = { id: '00000000-0000-4000-8000-000000000001', kind: 'department' as UnitKind };
const CO = { id: '00000000-0000-4000-8000-000000000002', kind: 'department' as UnitKind };
const TOWN = { id: '00000000-0000-4000-8000-000000000003', kind: 'region' as UnitKind };
const SUMMONED = { id: '00000000-0000-4000-8000-000000000004', kind: 'enterprise' as UnitKind };
const OUTSIDER = { id: '00000000-0000-4000-8000-000000000005', kind: 'department' as UnitKind };
const FORMER = { id: '00000000-0000-4000-8000-000000000006', kind: 'department' as UnitKind };

function appealOf(status: AppealStatus, overrides: Partial<Appeal> = {}): Appeal {
  const at = new Date('2026-03-02T02:00:00Z');
  return {
    id: '10000000-0000-4000-8000-000000000001',
    trackingCode: '260302ABCDEF',
    channel: 'web',
    channelRef: null,
    title: '路灯不亮',
    body: '小区门口路灯不亮已经一周',
    categoryCode: null,
    address: null,
    longitude: null,
    latitude: null,
    regionCode: '341202002',
    residentName: '张三',
    phone: PHONE,
    isConfidential: false,
    mayPublish: false,
    status,
    version: 5,
    timeLimitClass: 'general',
    urgencyReason: null,
    leadUnitId: LEAD.id,
    clockStartedAt: at,
    signLimitDays: 1,
    signDueAt: at,
    handleLimitDays: 5,
    extensionDays: 0,
    dueAt: at,
    isDueProvisional: false,
    signedAt: null,
    repliedAt: null,
    closedAt: null,
    unsatisfiedCount: 0,
    supervisionLevel: 0,
    warningLevel: null,
    mergedIntoId: null,
    submittedBy: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function part(unit: { id: string; kind: UnitKind }, role: Participation['role'], opts: { isCurrent?: boolean; reportedAt?: Date | null } = {}): Participation {
  return {
    unitId: unit.id,
    unitCode: `c${unit.id.slice(-4)}`,
    unitName: `单位${unit.id.slice(-4)}`,
    unitKind: unit.kind,
    role,
    isCurrent: opts.isCurrent ?? true,
    createdAt: new Date('2026-03-02T02:00:00Z'),
    reportedAt: opts.reportedAt ?? null,
  };
}

/** The usual cast on an appeal: a lead unit, a co-unit, a summoned unit (not yet reported) and a former lead. */
function facts(status: AppealStatus, opts: { appeal?: Partial<Appeal>; units?: Participation[]; pending?: boolean } = {}): AppealFacts {
  return {
    appeal: appealOf(status, opts.appeal),
    units: opts.units ?? [part(LEAD, 'lead'), part(CO, 'co'), part(FORMER, 'lead', { isCurrent: false })],
    hasPendingExtension: opts.pending ?? false,
  };
}

function staff(role: Role, unit: { id: string; kind: UnitKind } | null = null): StaffPrincipal {
  return {
    kind: 'staff',
    userId: `20000000-0000-4000-8000-0000000000${role.length.toString().padStart(2, '0')}`,
    username: role,
    displayName: role,
    role,
    unit: unit ? { id: unit.id, code: `c${unit.id.slice(-4)}`, name: `单位${unit.id.slice(-4)}`, kind: unit.kind, regionCode: '341200', regionPath: '/340000/341200/' } : null,
  };
}

const resident = (phone: string): ResidentPrincipal => ({ kind: 'resident', phone });

const dispatcher = staff('dispatcher');
const operator = staff('operator');
const supervisor = staff('supervisor');
const leader = staff('leader');
const admin = staff('admin');
const leadHandler = staff('handler', LEAD);
const leadHead = staff('head', LEAD);
const leadGrid = staff('grid_officer', LEAD);
const coHandler = staff('handler', CO);
const coHead = staff('head', CO);
const formerHandler = staff('handler', FORMER);
const outsiderHandler = staff('handler', OUTSIDER);
const townHandler = staff('handler', TOWN);
const townHead = staff('head', TOWN);
const summonedHandler = staff('handler', SUMMONED);

const townFacts = (status: AppealStatus, extra: Participation[] = []) =>
  facts(status, { appeal: { leadUnitId: TOWN.id }, units: [part(TOWN, 'lead'), ...extra] });

describe('actorsOf', () => {
  const cases: [string, Principal, AppealFacts, string[]][] = [
    ['a dispatcher', dispatcher, facts('accepted'), ['dispatcher']],
    ['an operator', operator, facts('accepted'), ['operator']],
    ['a supervisor', supervisor, facts('in_progress'), ['supervisor']],
    ['a leader', leader, facts('in_progress'), ['leader']],
    ['an admin (no workflow duty)', admin, facts('in_progress'), []],
    ['a handler of the lead unit', leadHandler, facts('in_progress'), ['lead_unit']],
    ['the head of the lead unit', leadHead, facts('in_progress'), ['lead_head', 'lead_unit']],
    ['a grid officer of the lead unit (not a handler)', leadGrid, facts('in_progress'), []],
    ['a handler of a co-unit', coHandler, facts('in_progress'), []],
    ['the head of a co-unit', coHead, facts('in_progress'), []],
    ['a handler of the former lead unit', formerHandler, facts('in_progress'), []],
    ['a handler of an unrelated unit', outsiderHandler, facts('in_progress'), []],
    ['a handler of a town that leads', townHandler, townFacts('in_progress'), ['lead_unit', 'region_lead_unit']],
    ['the head of a town that leads', townHead, townFacts('in_progress'), ['lead_head', 'lead_unit', 'region_lead_unit']],
    ['a town that is only a co-unit', townHandler, facts('in_progress', { units: [part(LEAD, 'lead'), part(TOWN, 'co')] }), []],
    ['a summoned unit before reporting', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned')]), ['summoned_unit']],
    ['a summoned unit after reporting', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned', { reportedAt: new Date() })]), []],
    ['a summoned unit no longer current', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned', { isCurrent: false })]), []],
    ['the resident with the right phone', resident(PHONE), facts('replied'), ['resident']],
    ['a resident with the wrong phone', resident(OTHER_PHONE), facts('replied'), []],
  ];
  it.each(cases)('%s', (_who, p, f, expected) => {
    expect([...actorsOf(p, f)].sort()).toEqual(expected);
  });
});

describe('allowedActions', () => {
  const cases: [string, Principal, AppealFacts, AppealAction[]][] = [
    ['dispatcher, submitted', dispatcher, facts('submitted', { units: [] }), ['accept', 'reject', 'merge']],
    ['dispatcher, accepted', dispatcher, facts('accepted', { units: [] }), ['reject', 'merge', 'assign']],
    ['dispatcher, assigned', dispatcher, facts('assigned'), ['reassign']],
    ['dispatcher, returned', dispatcher, facts('returned', { units: [] }), ['reassign']],
    ['dispatcher, in_progress without a pending extension', dispatcher, facts('in_progress'), []],
    ['dispatcher, in_progress with a pending extension', dispatcher, facts('in_progress', { pending: true }), ['grant_extension', 'refuse_extension']],
    ['dispatcher, reply_review with a pending extension', dispatcher, facts('reply_review', { pending: true }), ['grant_extension', 'refuse_extension']],
    ['dispatcher, replied', dispatcher, facts('replied'), ['close']],
    ['operator, submitted', operator, facts('submitted', { units: [] }), ['accept', 'reject', 'merge']],
    ['operator, accepted (may not assign)', operator, facts('accepted', { units: [] }), ['reject', 'merge']],
    ['operator, replied (回访)', operator, facts('replied'), ['rate']],
    ['supervisor, in_progress', supervisor, facts('in_progress'), ['urge', 'warn', 'escalate']],
    ['supervisor, replied', supervisor, facts('replied'), []],
    ['leader, submitted', leader, facts('submitted', { units: [] }), ['instruct']],
    ['leader, closed', leader, facts('closed'), []],
    ['lead handler, assigned', leadHandler, facts('assigned'), ['return', 'sign']],
    ['lead handler, in_progress', leadHandler, facts('in_progress'), ['request_extension', 'reply']],
    ['lead handler, in_progress with a pending extension', leadHandler, facts('in_progress', { pending: true }), ['reply']],
    ['lead handler, reply_review', leadHandler, facts('reply_review'), []],
    ['lead handler, reopened', leadHandler, facts('reopened'), ['sign']],
    ['lead handler, replied', leadHandler, facts('replied'), []],
    ['lead head, reply_review', leadHead, facts('reply_review'), ['approve_reply', 'reject_reply']],
    ['lead head, in_progress', leadHead, facts('in_progress'), ['request_extension', 'reply']],
    ['co-unit handler, assigned', coHandler, facts('assigned'), []],
    ['co-unit handler, in_progress', coHandler, facts('in_progress'), []],
    ['co-unit head, reply_review', coHead, facts('reply_review'), []],
    ['former lead handler, assigned', formerHandler, facts('assigned'), []],
    ['department lead, in_progress: no summons', leadHandler, facts('in_progress'), ['request_extension', 'reply']],
    ['town lead, in_progress: may summon', townHandler, townFacts('in_progress'), ['request_extension', 'reply', 'summon']],
    ['town lead, reopened: may sign and summon', townHandler, townFacts('reopened'), ['sign', 'summon']],
    ['town lead, assigned: no summons before signing', townHandler, townFacts('assigned'), ['return', 'sign']],
    ['summoned unit before reporting', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned')]), ['report']],
    ['summoned unit before reporting, reply_review', summonedHandler, townFacts('reply_review', [part(SUMMONED, 'summoned')]), ['report']],
    ['summoned unit after reporting', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned', { reportedAt: new Date() })]), []],
    ['summoned unit, replied', summonedHandler, townFacts('replied', [part(SUMMONED, 'summoned')]), []],
    ['resident, replied', resident(PHONE), facts('replied'), ['rate']],
    ['resident, in_progress', resident(PHONE), facts('in_progress'), []],
    ['wrong resident, replied', resident(OTHER_PHONE), facts('replied'), []],
    ['admin, anything', admin, facts('submitted', { units: [] }), []],
  ];
  it.each(cases)('%s', (_name, p, f, expected) => {
    expect(allowedActions(p, f)).toEqual(expected);
  });

  it.each(cases)('allow agrees with allowedActions: %s', (_name, p, f, expected) => {
    for (const action of ACTIONS) expect(allow(p, action, f), action).toBe(expected.includes(action));
  });
});

describe('pending-extension preconditions', () => {
  it.each([
    ['in_progress', false, true, false, false],
    ['in_progress', true, false, true, true],
    ['reply_review', false, false, false, false],
    ['reply_review', true, false, true, true],
    ['assigned', true, false, false, false],
  ] as [AppealStatus, boolean, boolean, boolean, boolean][])(
    '%s, pending=%s: request=%s grant=%s refuse=%s',
    (status, pending, request, grant, refuse) => {
      const f = facts(status, { pending });
      expect(allow(leadHandler, 'request_extension', f)).toBe(request);
      expect(allow(dispatcher, 'grant_extension', f)).toBe(grant);
      expect(allow(dispatcher, 'refuse_extension', f)).toBe(refuse);
      // The roles are not interchangeable.
      expect(allow(dispatcher, 'request_extension', f)).toBe(false);
      expect(allow(leadHandler, 'grant_extension', f)).toBe(false);
      expect(allow(leadHead, 'refuse_extension', f)).toBe(false);
    },
  );
});

describe('allow refuses actions outside the status even for the right actor', () => {
  it.each([
    [dispatcher, 'assign', 'submitted'],
    [dispatcher, 'accept', 'accepted'],
    [leadHandler, 'reply', 'assigned'],
    [leadHandler, 'sign', 'in_progress'],
    [leadHead, 'approve_reply', 'in_progress'],
    [resident(PHONE), 'rate', 'closed'],
    [supervisor, 'urge', 'replied'],
    [leader, 'instruct', 'merged'],
  ] as [Principal, AppealAction, AppealStatus][])('%#: %s from %s', (p, action, status) => {
    expect(allow(p, action, facts(status))).toBe(false);
  });
});

describe('mayReadContact', () => {
  const who: [string, Principal, AppealFacts, boolean, boolean][] = [
    // name, principal, facts (open/confidential decided below), ordinary appeal, confidential appeal
    ['operator', operator, facts('in_progress'), true, true],
    ['dispatcher', dispatcher, facts('in_progress'), true, true],
    ['supervisor', supervisor, facts('in_progress'), true, true],
    ['leader', leader, facts('in_progress'), false, false],
    ['lead handler', leadHandler, facts('in_progress'), true, false],
    ['lead head', leadHead, facts('in_progress'), true, false],
    ['co-unit handler', coHandler, facts('in_progress'), false, false],
    ['former lead handler', formerHandler, facts('in_progress'), false, false],
    ['summoned unit', summonedHandler, townFacts('in_progress', [part(SUMMONED, 'summoned')]), false, false],
    ['town lead', townHandler, townFacts('in_progress'), true, false],
    ['resident, right phone', resident(PHONE), facts('in_progress'), true, true],
    ['resident, wrong phone', resident(OTHER_PHONE), facts('in_progress'), false, false],
  ];
  it.each(who)('%s: ordinary=%s, confidential=%s', (_name, p, f, ordinary, confidential) => {
    expect(mayReadContact(p, { ...f, appeal: { ...f.appeal, isConfidential: false } })).toBe(ordinary);
    expect(mayReadContact(p, { ...f, appeal: { ...f.appeal, isConfidential: true } })).toBe(confidential);
  });

  it('confidentiality hides the contact from every unit role but not from the intake desk', () => {
    const confidential = facts('in_progress', { appeal: { isConfidential: true } });
    for (const p of [leadHandler, leadHead, leadGrid, coHandler, coHead, outsiderHandler]) expect(mayReadContact(p, confidential), p.username).toBe(false);
    for (const p of [operator, dispatcher]) expect(mayReadContact(p, confidential), p.username).toBe(true);
  });
});
