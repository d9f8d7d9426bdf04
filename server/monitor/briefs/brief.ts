/**
 * 舆情简报: the daily and weekly monitoring brief — volume by platform, the negative share, the
 * hottest negative stories, alerts by level and outcome, and the posts dispatched as appeals with
 * where their appeals stand now. Also the measured loop (舆情闭环) per month for the leader's page.
 */
import { STATUS_CLASS, STATUS_LABELS, type AppealStatus } from '../../../shared/workflow';
import type { Queryable } from '../../db/pool';
import { lastMonths, type BriefPeriod } from './period';
import { alertsByLevel, dispatchedItems, loopByMonth, topNegativeStories, volumeByDay, volumeByPlatform, type DispatchedItem, type Spread } from './queries';

const LEVELS = ['red', 'orange', 'yellow'] as const;

/** The share of a part, or null when there is no whole. */
function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A dispatched item as briefs and the loop list it. */
function presentItem(i: DispatchedItem, now: Date) {
  const status = i.status as AppealStatus;
  return {
    ...i,
    statusLabel: STATUS_LABELS[status] ?? i.status,
    isOverdue: (STATUS_CLASS[status]?.isClockRunning ?? false) && i.dueAt !== null && i.dueAt < now,
  };
}

/** The brief of one period. */
export async function computeBrief(db: Queryable, period: BriefPeriod, now: Date) {
  const [platforms, days, stories, alerts, items] = await Promise.all([
    volumeByPlatform(db, period.start, period.end),
    period.kind === 'weekly' ? volumeByDay(db, period.start, period.end) : Promise.resolve([]),
    topNegativeStories(db, period.start, period.end),
    alertsByLevel(db, period.start, period.end),
    dispatchedItems(db, period.start, period.end),
  ]);
  const posts = platforms.reduce((n, p) => n + p.posts, 0);
  const negative = platforms.reduce((n, p) => n + p.negative, 0);
  const byLevel = LEVELS.map((level) => alerts.find((a) => a.level === level) ?? { level, total: 0, open: 0, handled: 0, irrelevant: 0, dispatched: 0 });
  const sum = (k: 'total' | 'open' | 'handled' | 'irrelevant' | 'dispatched') => byLevel.reduce((n, a) => n + a[k], 0);
  const dispatched = items.map((i) => presentItem(i, now));
  return {
    period: { kind: period.kind, label: period.label, start: period.start, end: period.end },
    totals: {
      posts,
      negative,
      negativeShare: share(negative, posts),
      alerts: sum('total'),
      dispatched: dispatched.length,
      dispatchedClosed: dispatched.filter((d) => d.status === 'closed').length,
      dispatchedOverdue: dispatched.filter((d) => d.isOverdue).length,
    },
    byPlatform: platforms.map((p) => ({ platform: p.platform, posts: p.posts, negative: p.negative, negativeShare: share(p.negative, p.posts) })),
    byDay: days,
    topNegativeStories: stories,
    alerts: { byLevel, total: { total: sum('total'), open: sum('open'), handled: sum('handled'), irrelevant: sum('irrelevant'), dispatched: sum('dispatched') } },
    dispatched,
  };
}

export type Brief = Awaited<ReturnType<typeof computeBrief>>;

const STEPS = ['postedToDetected', 'detectedToDispatched', 'dispatchedToReplied', 'repliedToResolved'] as const;
export type LoopStep = (typeof STEPS)[number];

/** Reads one step's spread from a month row. */
function spreadOf(row: Record<string, number | string | null>, step: LoopStep): Spread {
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { median: num(row[`${step}Median`]), p90: num(row[`${step}P90`]), count: Number(row[`${step}Count`] ?? 0) };
}

/**
 * 舆情闭环: for the last `months` Shanghai months, per month the posts dispatched and the median and
 * 90th percentile (seconds) of posted → detected → dispatched → replied → resolved; months without
 * dispatches are listed with zeros so a chart has every month. `items` are the dispatches for drill-down.
 */
export async function measuredLoop(db: Queryable, now: Date, months: number) {
  const { starts, end } = lastMonths(now, months);
  const start = starts[0] ?? end;
  const [rows, items] = await Promise.all([loopByMonth(db, start, end), dispatchedItems(db, start, end, 1000)]);
  const label = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  return {
    months: starts.map((s) => {
      const month = label(s);
      const row = rows.find((r) => r.month === month);
      const steps = Object.fromEntries(STEPS.map((k) => [k, row ? spreadOf(row, k) : { median: null, p90: null, count: 0 }])) as Record<LoopStep, Spread>;
      return { month, dispatched: row ? Number(row.dispatched) : 0, ...steps };
    }),
    items: items.map((i) => presentItem(i, now)),
  };
}

export type MeasuredLoop = Awaited<ReturnType<typeof measuredLoop>>;
