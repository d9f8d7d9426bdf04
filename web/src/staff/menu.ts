/** The side menu of each role and where each role lands after login. */
import type { Role } from '../../../shared/domain';
import { QUEUE_LABELS } from '../format';
import type { QueueKey } from '../types';

export interface MenuEntry {
  path: string;
  label: string;
  /** Shows this queue's count as a badge. */
  queue?: QueueKey;
}

const queue = (q: QueueKey): MenuEntry => ({ path: `/w/queue/${q}`, label: QUEUE_LABELS[q], queue: q });
const ALL: MenuEntry = { path: '/w/appeals', label: '全部诉求' };
const HOT: MenuEntry = { path: '/w/hot', label: '热点专报' };
const DUTY: MenuEntry = { path: '/w/duty', label: '舆情值班台' };
const BRIEFS: MenuEntry = { path: '/w/duty/briefs', label: '舆情简报' };
const ROSTER: MenuEntry = { path: '/w/duty/roster', label: '值班表' };

/** Menu entries per role, most used first. */
export const ROLE_MENUS: Record<Role, MenuEntry[]> = {
  operator: [{ path: '/w/hotline', label: '热线录入' }, queue('to_accept'), { path: '/w/appeals?status=replied', label: '回访评价' }, ALL],
  dispatcher: [queue('to_accept'), queue('to_assign'), queue('returned'), queue('extension_pending'), queue('overdue'), HOT, ALL],
  handler: [queue('to_sign'), queue('in_progress'), queue('due_soon'), queue('overdue'), queue('unsatisfied'), queue('summoned'), queue('reply_review'), ALL],
  head: [queue('reply_review'), queue('to_sign'), queue('in_progress'), queue('due_soon'), queue('overdue'), queue('unsatisfied'), queue('summoned'), ALL],
  supervisor: [{ path: '/w/supervise', label: '督办台' }, queue('overdue'), queue('due_soon'), queue('unsatisfied'), HOT, ALL],
  leader: [{ path: '/w/leader', label: '领导驾驶舱' }, HOT, BRIEFS, queue('overdue'), queue('unsatisfied'), ALL],
  admin: [
    { path: '/w/admin/units', label: '单位管理' },
    { path: '/w/admin/users', label: '用户与角色' },
    { path: '/w/admin/categories', label: '分类与时限' },
    { path: '/w/admin/calendar', label: '节假日日历' },
    { path: '/w/admin/templates', label: '答复模板' },
    { path: '/w/admin/routing', label: '分派规则' },
    { path: '/w/admin/places', label: '地名库' },
    { path: '/w/admin/schemes', label: '监测方案' },
    { path: '/w/admin/sources', label: '舆情来源' },
    ROSTER,
    ALL,
  ],
  duty_officer: [DUTY, BRIEFS, ROSTER, HOT, ALL],
  grid_officer: [ALL],
  monitor: [ALL],
};

/** The first page of a role. */
export function landingOf(role: Role): string {
  return ROLE_MENUS[role][0]?.path ?? '/w/appeals';
}
