/**
 * The appeal workflow (反映—受理—交办—督办—反馈) as data. The server reads this table to allow or
 * refuse a transition and the UI reads it (through the `policies` of a response) to show buttons;
 * no status check lives anywhere else.
 */

/** Every status an appeal can be in. */
export const STATUSES = [
  'submitted', // 待受理
  'accepted', // 已受理, waiting for 交办
  'assigned', // 已交办, waiting for 签收
  'returned', // 已退单, waiting for reassignment
  'in_progress', // 办理中
  'reply_review', // 答复待审核 (unit head)
  'replied', // 已答复, waiting for the resident's rating
  'reopened', // 不满意重办 (unsatisfied zone), back at the unit
  'closed', // 已办结
  'rejected', // 不予受理
  'merged', // 已并案 into an earlier appeal
] as const;
export type AppealStatus = (typeof STATUSES)[number];

/** Chinese labels shown to people. */
export const STATUS_LABELS: Record<AppealStatus, string> = {
  submitted: '待受理',
  accepted: '待交办',
  assigned: '待签收',
  returned: '已退单',
  in_progress: '办理中',
  reply_review: '答复待审核',
  replied: '已答复待评价',
  reopened: '不满意重办',
  closed: '已办结',
  rejected: '不予受理',
  merged: '已并案',
};

/** Coarse class of a status, read by statistics and deadline clocks (as FixMyStreet's state types). */
export interface StatusClass {
  isOpen: boolean;
  /** The clock for completion runs (the unit owes an answer). */
  isClockRunning: boolean;
  /** Counts as handled (办结) in statistics. */
  isResolved: boolean;
}

export const STATUS_CLASS: Record<AppealStatus, StatusClass> = {
  submitted: { isOpen: true, isClockRunning: false, isResolved: false },
  accepted: { isOpen: true, isClockRunning: false, isResolved: false },
  assigned: { isOpen: true, isClockRunning: true, isResolved: false },
  returned: { isOpen: true, isClockRunning: false, isResolved: false },
  in_progress: { isOpen: true, isClockRunning: true, isResolved: false },
  reply_review: { isOpen: true, isClockRunning: true, isResolved: false },
  replied: { isOpen: true, isClockRunning: false, isResolved: false },
  reopened: { isOpen: true, isClockRunning: true, isResolved: false },
  closed: { isOpen: false, isClockRunning: false, isResolved: true },
  rejected: { isOpen: false, isClockRunning: false, isResolved: false },
  merged: { isOpen: false, isClockRunning: false, isResolved: false },
};

/**
 * Who may perform an action. Plain roles are city-wide duties; the others are relations between
 * the acting user's unit and the appeal.
 */
export type Actor =
  | 'resident' // the resident who submitted it, verified by phone
  | 'operator'
  | 'dispatcher'
  | 'supervisor'
  | 'leader'
  | 'lead_unit' // handler or head of the lead unit (主办)
  | 'lead_head' // head of the lead unit only
  | 'region_lead_unit' // lead unit that is a region government (a town 吹哨)
  | 'summoned_unit' // a unit summoned by 吹哨 that has not yet reported
  | 'opinion_desk' // the 舆情 duty officer, on appeals of the opinion-monitoring channel only
  | 'system';

/** One row of the workflow table. `to: null` keeps the status (urge, instruct …). */
export interface Transition {
  action: AppealAction;
  label: string;
  from: readonly AppealStatus[];
  to: AppealStatus | null;
  /** Alternative targets chosen by the command (e.g. a rating's outcome); keys are branch names. */
  branches?: Readonly<Record<string, AppealStatus>>;
  who: readonly Actor[];
}

export const ACTIONS = [
  'accept',
  'reject',
  'merge',
  'assign',
  'reassign',
  'return',
  'sign',
  'request_extension',
  'grant_extension',
  'refuse_extension',
  'reply',
  'approve_reply',
  'reject_reply',
  'rate',
  'close',
  'urge',
  'warn',
  'escalate',
  'instruct',
  'summon',
  'report',
] as const;
export type AppealAction = (typeof ACTIONS)[number];

const HANDLING: readonly AppealStatus[] = ['assigned', 'in_progress', 'reply_review', 'reopened'];
const NOT_FINAL: readonly AppealStatus[] = STATUSES.filter((s) => STATUS_CLASS[s].isOpen);

/** The workflow table: the only place that says which action moves an appeal from where to where. */
export const WORKFLOW: readonly Transition[] = [
  { action: 'accept', label: '受理', from: ['submitted'], to: 'accepted', who: ['operator', 'dispatcher', 'opinion_desk'] },
  { action: 'reject', label: '不予受理', from: ['submitted', 'accepted'], to: 'rejected', who: ['operator', 'dispatcher'] },
  { action: 'merge', label: '并案', from: ['submitted', 'accepted'], to: 'merged', who: ['operator', 'dispatcher'] },
  { action: 'assign', label: '交办', from: ['accepted'], to: 'assigned', who: ['dispatcher', 'opinion_desk'] },
  { action: 'reassign', label: '改派', from: ['returned', 'assigned'], to: 'assigned', who: ['dispatcher'] },
  { action: 'return', label: '退单', from: ['assigned'], to: 'returned', who: ['lead_unit'] },
  { action: 'sign', label: '签收', from: ['assigned', 'reopened'], to: 'in_progress', who: ['lead_unit'] },
  { action: 'request_extension', label: '申请延期', from: ['in_progress'], to: null, who: ['lead_unit'] },
  { action: 'grant_extension', label: '同意延期', from: ['in_progress', 'reply_review'], to: null, who: ['dispatcher'] },
  { action: 'refuse_extension', label: '驳回延期', from: ['in_progress', 'reply_review'], to: null, who: ['dispatcher'] },
  {
    action: 'reply',
    label: '答复',
    from: ['in_progress'],
    to: 'replied',
    branches: { review: 'reply_review' },
    who: ['lead_unit'],
  },
  { action: 'approve_reply', label: '审核通过', from: ['reply_review'], to: 'replied', who: ['lead_head'] },
  { action: 'reject_reply', label: '审核退回', from: ['reply_review'], to: 'in_progress', who: ['lead_head'] },
  {
    action: 'rate',
    label: '评价',
    from: ['replied'],
    to: 'closed',
    branches: { unsatisfied: 'reopened' },
    who: ['resident', 'operator'],
  },
  { action: 'close', label: '办结', from: ['replied'], to: 'closed', who: ['dispatcher', 'system'] },
  { action: 'urge', label: '催办', from: HANDLING, to: null, who: ['supervisor'] },
  { action: 'warn', label: '亮牌警示', from: HANDLING, to: null, who: ['supervisor'] },
  { action: 'escalate', label: '提级督办', from: HANDLING, to: null, who: ['supervisor'] },
  { action: 'instruct', label: '批示', from: NOT_FINAL, to: null, who: ['leader'] },
  { action: 'summon', label: '吹哨', from: ['in_progress', 'reopened'], to: null, who: ['region_lead_unit'] },
  { action: 'report', label: '报到', from: ['in_progress', 'reopened', 'reply_review'], to: null, who: ['summoned_unit'] },
];

const BY_ACTION = new Map(WORKFLOW.map((t) => [t.action, t]));

/** The table row of an action. */
export function transitionOf(action: AppealAction): Transition {
  const t = BY_ACTION.get(action);
  if (!t) throw new Error(`no workflow row for ${action}`);
  return t;
}

/** Whether an action may start from a status (the table alone; who may act is a policy question). */
export function canTransition(action: AppealAction, from: AppealStatus): boolean {
  return transitionOf(action).from.includes(from);
}

/** The status an action leads to from `from`, taking an optional branch. Throws on an unknown branch. */
export function targetStatus(action: AppealAction, from: AppealStatus, branch?: string): AppealStatus {
  const t = transitionOf(action);
  if (branch !== undefined) {
    const to = t.branches?.[branch];
    if (!to) throw new Error(`action ${action} has no branch ${branch}`);
    return to;
  }
  return t.to ?? from;
}

/** Type guard for action names arriving from the outside. */
export function isAppealAction(value: string): value is AppealAction {
  return (ACTIONS as readonly string[]).includes(value);
}

/** The workbench queues (工作台待办): each a condition the server applies in repositories/queues.ts. */
export const QUEUES = [
  'to_accept',
  'to_assign',
  'to_sign',
  'in_progress',
  'reply_review',
  'due_soon',
  'overdue',
  'returned',
  'unsatisfied',
  'summoned',
  'extension_pending',
] as const;
export type Queue = (typeof QUEUES)[number];
