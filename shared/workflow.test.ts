import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  STATUSES,
  STATUS_CLASS,
  STATUS_LABELS,
  WORKFLOW,
  canTransition,
  isAppealAction,
  targetStatus,
  transitionOf,
  type AppealAction,
  type AppealStatus,
} from './workflow';

const KNOWN = new Set<string>(STATUSES);
const CLOSED: AppealStatus[] = ['closed', 'rejected', 'merged'];
const OPEN = STATUSES.filter((s) => !CLOSED.includes(s));
const CLOCK_RUNNING: AppealStatus[] = ['assigned', 'in_progress', 'reply_review', 'reopened'];

/** Every status a row can lead to: its `to` (or its own `from` when `to` is null) and its branches. */
function targets(action: AppealAction, from: AppealStatus): AppealStatus[] {
  const row = transitionOf(action);
  return [row.to ?? from, ...Object.values(row.branches ?? {})];
}

describe('the workflow table', () => {
  it.each(ACTIONS)('has exactly one row for %s', (action) => {
    expect(WORKFLOW.filter((t) => t.action === action)).toHaveLength(1);
  });

  it('has no row for an action outside ACTIONS, and as many rows as actions', () => {
    for (const t of WORKFLOW) expect(ACTIONS).toContain(t.action);
    expect(WORKFLOW).toHaveLength(ACTIONS.length);
  });

  it.each(WORKFLOW.map((t) => [t.action, t] as const))('%s: from/to/branches are known statuses, with a label and actors', (_action, t) => {
    expect(t.from.length).toBeGreaterThan(0);
    for (const s of t.from) expect(KNOWN.has(s), `from ${s}`).toBe(true);
    expect(new Set(t.from).size).toBe(t.from.length);
    if (t.to !== null) expect(KNOWN.has(t.to), `to ${t.to}`).toBe(true);
    for (const [branch, s] of Object.entries(t.branches ?? {})) expect(KNOWN.has(s), `branch ${branch} → ${s}`).toBe(true);
    expect(t.label.trim()).not.toBe('');
    expect(t.who.length).toBeGreaterThan(0);
  });

  it.each(WORKFLOW.map((t) => [t.action, t] as const))('%s never starts from a closed status', (_action, t) => {
    for (const s of CLOSED) expect(t.from).not.toContain(s);
  });

  it('labels every status', () => {
    for (const s of STATUSES) expect(STATUS_LABELS[s]?.trim()).toBeTruthy();
  });
});

describe('canTransition', () => {
  const cases: [AppealAction, AppealStatus, boolean][] = [
    ['accept', 'submitted', true],
    ['accept', 'accepted', false],
    ['reject', 'submitted', true],
    ['reject', 'accepted', true],
    ['reject', 'assigned', false],
    ['merge', 'accepted', true],
    ['merge', 'in_progress', false],
    ['assign', 'accepted', true],
    ['assign', 'submitted', false],
    ['assign', 'returned', false],
    ['reassign', 'returned', true],
    ['reassign', 'assigned', true],
    ['reassign', 'in_progress', false],
    ['return', 'assigned', true],
    ['return', 'in_progress', false],
    ['sign', 'assigned', true],
    ['sign', 'reopened', true],
    ['sign', 'in_progress', false],
    ['request_extension', 'in_progress', true],
    ['request_extension', 'reply_review', false],
    ['grant_extension', 'reply_review', true],
    ['refuse_extension', 'assigned', false],
    ['reply', 'in_progress', true],
    ['reply', 'assigned', false],
    ['reply', 'reopened', false],
    ['approve_reply', 'reply_review', true],
    ['reject_reply', 'in_progress', false],
    ['rate', 'replied', true],
    ['rate', 'closed', false],
    ['close', 'replied', true],
    ['close', 'in_progress', false],
    ['urge', 'assigned', true],
    ['urge', 'reopened', true],
    ['urge', 'replied', false],
    ['warn', 'reply_review', true],
    ['escalate', 'accepted', false],
    ['instruct', 'submitted', true],
    ['instruct', 'replied', true],
    ['instruct', 'closed', false],
    ['instruct', 'merged', false],
    ['summon', 'in_progress', true],
    ['summon', 'assigned', false],
    ['report', 'reply_review', true],
    ['report', 'replied', false],
  ];
  it.each(cases)('%s from %s → %s', (action, from, expected) => {
    expect(canTransition(action, from)).toBe(expected);
  });

  it.each(CLOSED)('no action at all may start from %s', (status) => {
    for (const action of ACTIONS) expect(canTransition(action, status), action).toBe(false);
  });
});

describe('targetStatus', () => {
  const cases: [AppealAction, AppealStatus, string | undefined, AppealStatus][] = [
    ['accept', 'submitted', undefined, 'accepted'],
    ['reject', 'accepted', undefined, 'rejected'],
    ['merge', 'submitted', undefined, 'merged'],
    ['assign', 'accepted', undefined, 'assigned'],
    ['reassign', 'returned', undefined, 'assigned'],
    ['return', 'assigned', undefined, 'returned'],
    ['sign', 'reopened', undefined, 'in_progress'],
    ['reply', 'in_progress', undefined, 'replied'],
    ['reply', 'in_progress', 'review', 'reply_review'],
    ['approve_reply', 'reply_review', undefined, 'replied'],
    ['reject_reply', 'reply_review', undefined, 'in_progress'],
    ['rate', 'replied', undefined, 'closed'],
    ['rate', 'replied', 'unsatisfied', 'reopened'],
    ['close', 'replied', undefined, 'closed'],
    // `to: null` keeps the status.
    ['urge', 'reopened', undefined, 'reopened'],
    ['request_extension', 'in_progress', undefined, 'in_progress'],
    ['grant_extension', 'reply_review', undefined, 'reply_review'],
    ['instruct', 'submitted', undefined, 'submitted'],
    ['summon', 'in_progress', undefined, 'in_progress'],
    ['report', 'reply_review', undefined, 'reply_review'],
  ];
  it.each(cases)('%s from %s (branch %s) → %s', (action, from, branch, expected) => {
    expect(targetStatus(action, from, branch)).toBe(expected);
  });

  it.each([
    ['reply', 'in_progress', 'unsatisfied'],
    ['rate', 'replied', 'review'],
    ['rate', 'replied', 'nope'],
    ['accept', 'submitted', 'review'],
    ['urge', 'in_progress', ''],
  ] as [AppealAction, AppealStatus, string][])('%s from %s with unknown branch %j throws', (action, from, branch) => {
    expect(() => targetStatus(action, from, branch)).toThrow(/no branch/);
  });

  it('transitionOf throws for a name that is not an action', () => {
    expect(() => transitionOf('fly' as AppealAction)).toThrow();
    expect(isAppealAction('fly')).toBe(false);
    for (const a of ACTIONS) expect(isAppealAction(a)).toBe(true);
  });
});

describe('every open status has a way forward', () => {
  it.each(OPEN)('%s can move to another status', (status) => {
    const moves = WORKFLOW.filter((t) => t.from.includes(status)).flatMap((t) => targets(t.action, status));
    expect(moves.filter((s) => s !== status).length, `no way out of ${status}`).toBeGreaterThan(0);
  });

  it.each(OPEN)('%s can reach a closed status', (status) => {
    const seen = new Set<AppealStatus>([status]);
    const queue: AppealStatus[] = [status];
    while (queue.length > 0) {
      const s = queue.shift() as AppealStatus;
      for (const t of WORKFLOW.filter((row) => row.from.includes(s))) {
        for (const next of targets(t.action, s)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
    }
    expect(CLOSED.some((c) => seen.has(c))).toBe(true);
  });

  it('every status is reachable from submitted', () => {
    const seen = new Set<AppealStatus>(['submitted']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of WORKFLOW) {
        for (const from of t.from.filter((s) => seen.has(s))) {
          for (const next of targets(t.action, from)) {
            if (!seen.has(next)) {
              seen.add(next);
              grew = true;
            }
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });
});

describe('STATUS_CLASS', () => {
  it.each(STATUSES)('%s is classified consistently', (status) => {
    const c = STATUS_CLASS[status];
    expect(c.isOpen).toBe(!CLOSED.includes(status));
    expect(c.isClockRunning).toBe(CLOCK_RUNNING.includes(status));
    if (c.isClockRunning) expect(c.isOpen).toBe(true);
    if (c.isResolved) expect(c.isOpen).toBe(false);
  });

  it('only closed counts as resolved', () => {
    expect(STATUSES.filter((s) => STATUS_CLASS[s].isResolved)).toEqual(['closed']);
  });

  it('classifies exactly the known statuses', () => {
    expect(Object.keys(STATUS_CLASS).sort()).toEqual([...STATUSES].sort());
  });
});
