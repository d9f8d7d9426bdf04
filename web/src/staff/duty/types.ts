/** Shapes of the 舆情 (monitoring) API answers the duty pages read (server/routes/monitor-*.ts, server/presenters/monitor.ts). */

import type { AlertLevel, AlertStatus, AlertView, PostView } from '../../../../shared/monitor';

export { ALERT_STATUS_LABELS, LEVEL_LABELS, PLATFORM_LABELS, type AlertLevel, type AlertStatus, type AlertView, type PostView } from '../../../../shared/monitor';

/** antd Tag colours per level (always shown with the level's name, never colour alone). */
export const LEVEL_COLORS: Record<AlertLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

export interface AlertCounts {
  open: { red: number; orange: number; yellow: number; total: number };
  handledToday: number;
  irrelevantToday: number;
  dispatchedToday: number;
}

/** One observation of engagement counters. */
export interface EngagementPoint {
  observedAt: string;
  likes: number;
  shares: number;
  comments: number;
  views: number;
}

export interface StorySummary {
  id: string;
  label: string;
  regionCode: string | null;
  firstAt: string;
  lastAt: string;
  postCount: number;
  heat: number;
  peakHeat: number;
  negativity: number | null;
}

/** A post turned into an appeal and where the appeal stands. */
export interface PostDispatch {
  postId: string;
  appealId: string;
  alertId: string | null;
  postedAt: string;
  detectedAt: string;
  dispatchedAt: string;
  trackingCode: string;
  appealStatus: string;
  leadUnitName: string | null;
}

export interface PostDetail extends PostView {
  engagement: EngagementPoint[];
  story: StorySummary | null;
  dispatch: PostDispatch | null;
}

export interface StoryDetail extends StorySummary {
  posts: PostView[];
  engagement: EngagementPoint[];
  alerts: AlertView[];
  dispatches: PostDispatch[];
}

/** POST /api/monitor/posts/:id/dispatch */
export interface DispatchResult {
  appealId: string;
  trackingCode: string;
  status: string;
  leadUnitId: string | null;
  isNew: boolean;
  alertId: string | null;
  postedAt: string;
  detectedAt: string;
  dispatchedAt: string;
  dueAt: string | null;
}

export interface DutyShift {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  startsAt: string;
  endsAt: string;
  isLead: boolean;
}

export interface DutyHandover {
  id: string;
  shiftId: string | null;
  authorId: string;
  authorName: string;
  note: string;
  createdAt: string;
}

export interface DutyOfficer {
  id: string;
  username: string;
  displayName: string;
}

export interface KeywordScheme {
  id: string;
  name: string;
  topic: string;
  regionCode: string | null;
  regionName: string | null;
  expression: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SchemePreview {
  scanned: number;
  matched: number;
  terms: string[];
  posts: (PostView & { hits: string[] })[];
}

/** A brief's spread of one loop step (seconds). */
export interface Spread {
  median: number | null;
  p90: number | null;
  count: number;
}

export interface DispatchedItem {
  postId: string;
  platform: string;
  postText: string;
  appealId: string;
  trackingCode: string;
  title: string;
  status: string;
  statusLabel: string;
  leadUnitName: string | null;
  postedAt: string;
  detectedAt: string;
  dispatchedAt: string;
  repliedAt: string | null;
  resolvedAt: string | null;
  dueAt: string | null;
  isOverdue: boolean;
}

export interface Brief {
  period: { kind: 'daily' | 'weekly'; label: string; start: string; end: string };
  totals: { posts: number; negative: number; negativeShare: number | null; alerts: number; dispatched: number; dispatchedClosed: number; dispatchedOverdue: number };
  byPlatform: { platform: string; posts: number; negative: number; negativeShare: number | null }[];
  byDay: { date: string; posts: number; negative: number; alerts: number }[];
  topNegativeStories: (StorySummary & { regionName: string | null; alertLevel: AlertLevel | null; alertStatus: AlertStatus | null })[];
  alerts: {
    byLevel: { level: AlertLevel; total: number; open: number; handled: number; irrelevant: number; dispatched: number }[];
    total: { total: number; open: number; handled: number; irrelevant: number; dispatched: number };
  };
  dispatched: DispatchedItem[];
}

export const LOOP_STEPS = ['postedToDetected', 'detectedToDispatched', 'dispatchedToReplied', 'repliedToResolved'] as const;
export type LoopStep = (typeof LOOP_STEPS)[number];
export const LOOP_STEP_LABELS: Record<LoopStep, string> = {
  postedToDetected: '发帖→发现',
  detectedToDispatched: '发现→转办',
  dispatchedToReplied: '转办→答复',
  repliedToResolved: '答复→办结',
};

export type LoopMonth = { month: string; dispatched: number } & Record<LoopStep, Spread>;

export interface MeasuredLoop {
  months: LoopMonth[];
  items: DispatchedItem[];
}

/** A monitoring source (舆情来源) as the sources admin lists it. */
export interface MonitorSource {
  id: string;
  code: string;
  name: string;
  kind: 'push' | 'feed' | 'import';
  platform: string | null;
  feedUrl: string | null;
  pollSeconds: number;
  lastPolledAt: string | null;
  lastError: string | null;
  isActive: boolean;
  hasSecret: boolean;
  createdAt: string;
  /** Only in the answer of create and rotate-secret. */
  secret?: string;
}

/** Seconds as 「3分钟」「2小时5分」「1天3小时」. */
export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || Number.isNaN(s)) return '—';
  const abs = Math.max(0, Math.round(s));
  if (abs < 60) return `${abs}秒`;
  const m = Math.floor(abs / 60);
  if (m < 60) return `${m}分钟`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}小时${m % 60}分` : `${h}小时`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}天${h % 24}小时` : `${d}天`;
}
