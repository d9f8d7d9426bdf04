/**
 * The API requests a page's first screen makes, started by the entry before React and the area's
 * code have loaded — so the session check, the queue counts, the list and the reference lists run
 * while the code downloads instead of one after another once the page has rendered.
 *
 * Each URL must be exactly the one the page will ask for (api.ts hands a prefetched answer to the
 * first GET of the same URL); a URL that drifts from the page's only costs a wasted request.
 */
import { prefetch } from './api';
import { filtersOf, listQuery } from './staff/listQuery';
import { QUEUE_KEYS, type QueueKey } from './types';

const LIST = /^\/w\/(?:appeals|queue\/([^/]+))\/?$/;
const APPEAL = /^\/w\/appeals\/([^/]+)\/?$/;
const isQueue = (q: string): q is QueueKey => (QUEUE_KEYS as readonly string[]).includes(q);

/** A path segment decoded as the router decodes it; null for a malformed one (the page shows not found). */
function segment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The workbench: who is logged in, the menu's counts and the page's own data (StaffApp, AppealTable,
 * AppealPage) with the reference lists it names things by — all at once: held back until the list
 * had come, the lists (asked for later, by a busy main thread) missed the first render and each
 * arrival rendered the table again.
 */
function startWorkbench(pathname: string, params: URLSearchParams): void {
  prefetch('/api/auth/me');
  prefetch('/api/queues');
  const list = LIST.exec(pathname);
  const appeal = APPEAL.exec(pathname);
  if (list && (list[1] === undefined || isQueue(list[1]))) {
    prefetch('/api/appeals', listQuery(filtersOf(params), list[1] as QueueKey | undefined));
    for (const path of ['/api/categories', '/api/regions', '/api/units']) prefetch(path);
  } else if (appeal?.[1] && segment(appeal[1]) !== null) {
    prefetch(`/api/appeals/${segment(appeal[1])}`);
    for (const path of ['/api/categories', '/api/regions', '/api/time-limit-classes']) prefetch(path);
  }
}

/** Starts the requests of the page at `location` (nothing for pages it does not know). */
export function startEarlyRequests(location: { pathname: string; search: string }): void {
  const { pathname } = location;
  const params = new URLSearchParams(location.search);
  if (pathname === '/w' || pathname.startsWith('/w/')) return startWorkbench(pathname, params);
  if (pathname === '/m' || pathname.startsWith('/m/')) {
    // The resident session (session.ts) and, on the form, the category picker (SubmitPage).
    prefetch('/api/auth/me');
    if (pathname === '/m' || pathname.startsWith('/m/submit')) prefetch('/api/categories');
    return;
  }
  if (pathname === '/' || pathname === '/wall') {
    // As WallPage asks: its search parameters, ten a page.
    const page = Number(params.get('page') ?? 1) || 1;
    prefetch('/api/public/appeals', { q: params.get('q') ?? '', category: params.get('category') ?? undefined, region: params.get('region') ?? undefined, page, pageSize: 10 });
    prefetch('/api/categories');
    prefetch('/api/regions');
  }
}
