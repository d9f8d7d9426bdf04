// The special report (专报) of a hot issue: breakdowns by unit and status, the trend, and a summary
// paragraph written from the data (counts, places, units, statuses, dates, trend, keywords), for the
// page and the Excel export alike.
import { STATUS_CLASS, STATUS_LABELS, type AppealStatus } from '../../../shared/workflow';
import { shanghaiDay, trendBucket, trendSeries, type TrendPoint } from './heat';

/** A member appeal as the report needs it. */
export interface ReportAppeal {
  status: string;
  unitName: string | null;
  createdAt: Date;
  closedAt: Date | null;
  supportCount: number;
}

/** What the summary is written from. */
export interface ReportInput {
  label: string;
  keywords: readonly string[];
  places: readonly string[];
  likes: number;
  appeals: readonly ReportAppeal[];
}

/** A named count. */
export interface Count {
  name: string;
  count: number;
}

/** The report's figures. */
export interface ReportFigures {
  count: number;
  closed: number;
  open: number;
  units: Count[];
  statuses: (Count & { status: string })[];
  bucket: 'day' | 'week';
  trend: TrendPoint[];
  firstDate: string | null;
  lastDate: string | null;
}

const UNASSIGNED = '尚未交办';

function counted(names: readonly string[]): Count[] {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh'));
}

/** Counts per unit, status and period. */
export function reportFigures(appeals: readonly ReportAppeal[]): ReportFigures {
  const days: Record<string, number> = {};
  for (const a of appeals) {
    const d = shanghaiDay(a.createdAt.getTime());
    days[d] = (days[d] ?? 0) + 1;
  }
  const times = appeals.map((a) => a.createdAt.getTime());
  const first = times.length > 0 ? Math.min(...times) : null;
  const last = times.length > 0 ? Math.max(...times) : null;
  const bucket = first !== null && last !== null ? trendBucket(first, last) : 'day';
  const statusCounts = counted(appeals.map((a) => a.status)).map((c) => ({ status: c.name, name: STATUS_LABELS[c.name as AppealStatus] ?? c.name, count: c.count }));
  const closed = appeals.filter((a) => a.status === 'closed').length;
  return {
    count: appeals.length,
    closed,
    open: appeals.filter((a) => STATUS_CLASS[a.status as AppealStatus]?.isOpen ?? false).length,
    units: counted(appeals.map((a) => a.unitName ?? UNASSIGNED)),
    statuses: statusCounts,
    bucket,
    trend: trendSeries(days, bucket),
    firstDate: first === null ? null : shanghaiDay(first),
    lastDate: last === null ? null : shanghaiDay(last),
  };
}

/** 2024-05-01 → 2024年5月1日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Rising, falling or flat: the last period against the one before. */
export function trendWords(trend: readonly TrendPoint[], bucket: 'day' | 'week'): string {
  if (trend.length < 2) return '';
  const last = (trend[trend.length - 1] as TrendPoint).count;
  const prev = (trend[trend.length - 2] as TrendPoint).count;
  const unit = bucket === 'day' ? '日' : '周';
  if (last > prev) return `最近一${unit}新增${last}件，较前一${unit}（${prev}件）上升`;
  if (last < prev) return `最近一${unit}新增${last}件，较前一${unit}（${prev}件）回落`;
  return `最近两${unit}各新增${last}件，基本持平`;
}

const list = (xs: readonly Count[], k: number): string => xs.slice(0, k).map((x) => `${x.name}（${x.count}件）`).join('、');

/** The summary paragraph of a special report. */
export function reportSummary(input: ReportInput, f: ReportFigures = reportFigures(input.appeals)): string {
  if (f.count === 0 || !f.firstDate || !f.lastDate) return `「${input.label}」暂无可查看的诉求。`;
  const span = f.firstDate === f.lastDate ? chineseDate(f.firstDate) : `${chineseDate(f.firstDate)}至${chineseDate(f.lastDate)}`;
  const parts: string[] = [];
  parts.push(`${span}，共收到「${input.label}」相关诉求${f.count}件${input.likes > 0 ? `，群众点赞（附议）${input.likes}次` : ''}。`);
  if (input.places.length > 0) parts.push(`主要涉及${input.places.slice(0, 3).join('、')}。`);
  // Words that are pieces of a place already named (丽发, 新城 of 丽发新城) say nothing new.
  const topics = input.keywords.filter((k) => !input.places.some((p) => p.includes(k)));
  if (topics.length > 0) parts.push(`诉求集中反映${topics.slice(0, 5).join('、')}等问题。`);
  const assigned = f.units.filter((u) => u.name !== UNASSIGNED);
  if (assigned.length > 0) parts.push(`承办单位为${list(assigned, 3)}${assigned.length > 3 ? `等${assigned.length}个单位` : ''}。`);
  const rate = Math.round((f.closed / f.count) * 100);
  parts.push(`目前已办结${f.closed}件，在办${f.open}件，办结率${rate}%；状态分布：${list(f.statuses, 4)}。`);
  const peak = [...f.trend].sort((a, b) => b.count - a.count)[0];
  if (peak && f.trend.length > 1) parts.push(`诉求最多的${f.bucket === 'day' ? '一天' : '一周'}（${chineseDate(peak.period)}${f.bucket === 'week' ? '起' : ''}）收到${peak.count}件。`);
  const trend = trendWords(f.trend, f.bucket);
  if (trend) parts.push(`${trend}。`);
  return parts.join('');
}
