// What leaves the server about hot issues: the list item and the special report (专报). Residents'
// data never appears: titles are masked (phones, ID and house numbers), no names or phones at all.
import { maskText } from '../../../shared/mask';
import { STATUS_LABELS, type AppealStatus } from '../../../shared/workflow';
import type { HotIssueAppealRow, HotIssueRow } from '../../repositories/hot-issues';
import { trendBucket, trendSeries, type TrendPoint } from './heat';
import { parseIssueState, type HotIssueState } from './issue';
import { reportFigures, reportSummary, type Count, type ReportFigures } from './report';

/** A hot issue in the list. */
export interface HotIssueView {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  likes: number;
  heat: number;
  firstAt: string;
  lastAt: string;
  places: string[];
  units: Count[];
  bucket: 'day' | 'week';
  trend: TrendPoint[];
}

/** One appeal of a special report. */
export interface HotIssueAppealView {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
  statusLabel: string;
  unitName: string | null;
  regionName: string | null;
  createdAt: string;
  closedAt: string | null;
  supportCount: number;
  similarity: number;
}

/** The special report. */
export interface HotIssueReportView extends HotIssueView {
  summary: string;
  figures: ReportFigures;
  /** Appeals the reader may see (a unit sees only its own, so this may be fewer than `size`). */
  appeals: HotIssueAppealView[];
  generatedAt: string;
}

/** Places worth showing: those titles name, or that at least two appeals and half of them name. */
export function shownPlaces(s: HotIssueState): string[] {
  return s.places.filter((p) => p.inTitles > 0 || (p.count >= 2 && p.count * 2 >= s.size)).slice(0, 5).map((p) => p.name);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A list item. */
export function presentHotIssue(row: HotIssueRow): HotIssueView {
  const s = parseIssueState(row.state);
  const bucket = trendBucket(s.firstAt, s.lastAt);
  const places = shownPlaces(s);
  return {
    id: row.id,
    label: row.label,
    // Pieces of a place already shown (丽发, 新城 of 丽发新城) are no topic words.
    keywords: row.keywords.filter((k) => !places.some((p) => p.includes(k))),
    size: row.size,
    likes: row.likes,
    heat: round1(row.heat),
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    places,
    units: row.units,
    bucket,
    trend: trendSeries(s.days, bucket),
  };
}

/** One member appeal, masked. */
export function presentHotIssueAppeal(a: HotIssueAppealRow): HotIssueAppealView {
  return {
    id: a.id,
    trackingCode: a.trackingCode,
    title: maskText(a.title),
    status: a.status,
    statusLabel: STATUS_LABELS[a.status as AppealStatus] ?? a.status,
    unitName: a.unitName,
    regionName: a.regionName,
    createdAt: a.createdAt.toISOString(),
    closedAt: a.closedAt?.toISOString() ?? null,
    supportCount: a.supportCount,
    similarity: Math.round(a.similarity * 100) / 100,
  };
}

/** The special report of an issue over the appeals the reader may see. */
export function presentReport(row: HotIssueRow, appeals: readonly HotIssueAppealRow[], now: Date): HotIssueReportView {
  const base = presentHotIssue(row);
  const figures = reportFigures(appeals);
  const likes = appeals.reduce((s, a) => s + a.supportCount, 0);
  const summary = reportSummary({ label: row.label, keywords: base.keywords, places: base.places, likes, appeals }, figures);
  return {
    ...base,
    units: figures.units,
    bucket: figures.bucket,
    trend: figures.trend,
    summary,
    figures,
    appeals: appeals.map(presentHotIssueAppeal),
    generatedAt: now.toISOString(),
  };
}
