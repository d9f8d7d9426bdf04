/** Formatting shared by every area: times in Asia/Shanghai, durations, labels. No UI library here. */
import type { Channel } from '../../shared/domain';
import { WORKFLOW, type AppealAction } from '../../shared/workflow';
import type { QueueKey } from './types';

export const TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 2026-11-22 15:04 in Shanghai time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const parts = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** 2026-11-22 in Shanghai time. */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = Object.fromEntries(dateOnly.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The ISO instant of 00:00 Shanghai time on the Shanghai date of `at` plus `dayOffset` days. */
export function shanghaiDayStart(at: Date, dayOffset = 0): string {
  const day = formatDate(at);
  const start = new Date(`${day}T00:00:00+08:00`);
  return new Date(start.getTime() + dayOffset * 86_400_000).toISOString();
}

/** "3天5小时", "5小时", "20分钟": a rough human duration. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return `${hours}小时`;
  return `${Math.max(1, Math.floor(abs / 60_000))}分钟`;
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  hotline: '12345热线',
  web: '网站',
  mobile: '手机',
  mailbox: '领导信箱',
  message_board: '留言板',
  media: '媒体',
  opinion: '舆情监测',
  grid: '网格员',
  meetup: '红茶坊',
};

export const QUEUE_LABELS: Record<QueueKey, string> = {
  to_accept: '待受理',
  to_assign: '待交办',
  to_sign: '待签收',
  in_progress: '办理中',
  reply_review: '答复待审核',
  due_soon: '即将超期',
  overdue: '已超期',
  returned: '退单待改派',
  unsatisfied: '不满意重办',
  summoned: '吹哨待报到',
  extension_pending: '延期待审批',
};

/** What each queue is for, shown in its empty state (what to do). */
export const QUEUE_EMPTY_HINTS: Record<QueueKey, string> = {
  to_accept: '暂无待受理的诉求。新的网上反映和热线录入会出现在这里。',
  to_assign: '暂无待交办的诉求。受理后的诉求会出现在这里，勾选后可批量交办。',
  to_sign: '暂无待签收的诉求。交办到本单位的诉求会出现在这里，请及时签收。',
  in_progress: '暂无办理中的诉求。签收后的诉求会出现在这里，办结后请填写答复。',
  reply_review: '暂无待审核的答复。承办人提交的答复会出现在这里。',
  due_soon: '没有24小时内到期的诉求，继续保持。',
  overdue: '没有超期的诉求。',
  returned: '暂无退单。被承办单位退回的诉求会出现在这里，请改派。',
  unsatisfied: '不满意专区为空。群众评价不满意的诉求会出现在这里重新办理。',
  summoned: '暂无吹哨报到任务。',
  extension_pending: '暂无待审批的延期申请。',
};

const ACTION_LABELS = new Map<string, string>(WORKFLOW.map((t) => [t.action, t.label]));
const EXTRA_EVENT_LABELS: Record<string, string> = {
  submit: '提交诉求',
  merged_in: '并入同类诉求',
  deadline_warning: '临期预警',
  overdue: '已超期',
  auto_close: '默认满意办结',
};

/** The Chinese label of a workflow action or any event action. */
export function actionLabel(action: AppealAction | string): string {
  return ACTION_LABELS.get(action) ?? EXTRA_EVENT_LABELS[action] ?? action;
}

export const UNIT_ROLE_LABELS: Record<string, string> = {
  lead: '主办',
  co: '协办',
  summoned: '吹哨报到',
  supervising: '提级督办',
};

/** Chinese mobile number with 11 digits (the hotline looks up history once complete). */
export function isCompleteMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
