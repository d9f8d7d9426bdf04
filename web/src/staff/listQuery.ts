/**
 * The appeal list's filters and the API query they make. Kept free of React and antd so the entry
 * (early.ts) can start a list page's request with exactly the URL AppealTable will ask for.
 */
import type { Query } from '../api';
import type { QueueKey } from '../types';

/** The list filters as they appear in the URL. */
export const FILTER_KEYS = ['q', 'status', 'category', 'region', 'unit', 'channel', 'from', 'to', 'overdue', 'dueSoon', 'page', 'pageSize'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The filters a URL's search parameters carry. */
export function filtersOf(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** Date inputs give YYYY-MM-DD in Shanghai time; the API wants instants. `to` is inclusive here, exclusive there. */
function dayToInstant(day: string | undefined, isEnd: boolean): string | undefined {
  if (!day) return undefined;
  if (day.length > 10) return day;
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime())) return undefined;
  return new Date(start.getTime() + (isEnd ? 86_400_000 : 0)).toISOString();
}

/** The API query of a set of filters. */
export function listQuery(f: Filters, queue?: QueueKey, fixed?: Query): Query {
  return {
    queue,
    q: f.q,
    status: f.status,
    category: f.category,
    region: f.region,
    unit: f.unit,
    channel: f.channel,
    from: dayToInstant(f.from, false),
    to: dayToInstant(f.to, true),
    overdue: f.overdue,
    dueSoon: f.dueSoon,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
    ...fixed,
  };
}
