/**
 * The live alert queue: the list from GET /api/monitor/alerts, kept current by the server-sent
 * events of /api/monitor/alerts/stream (every app node relays PostgreSQL NOTIFY, so an alert raised
 * or marked anywhere arrives here within a second). EventSource reconnects by itself; each `hello`
 * (first connect and every reconnect) reloads the list so nothing missed while offline is lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { AlertCounts, AlertStatus, AlertView } from './types';

export type QueueFilter = AlertStatus | 'all';
export type StreamState = 'connecting' | 'live' | 'offline';

const LIMIT = 200;
/** How long a newly arrived alert stays highlighted. */
const FRESH_MS = 15_000;

/** The queue, the ids that just arrived, counts per level and the stream's state. */
export function useAlertStream(filter: QueueFilter) {
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [counts, setCounts] = useState<AlertCounts | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [state, setState] = useState<StreamState>('connecting');
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  // Only the latest load may set the list: after a quick filter switch an older answer is dropped.
  const loadSeq = useRef(0);
  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      const [list, c] = await Promise.all([api.get<AlertView[]>('/api/monitor/alerts', { status: filterRef.current, limit: LIMIT }), api.get<AlertCounts>('/api/monitor/alerts/counts')]);
      if (seq !== loadSeq.current) return;
      setAlerts(list.data);
      setCounts(c.data);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setLoading(true);
    void load();
  }, [filter, load]);

  // A burst of alerts asks for the counts once at a time: one request in flight, one more after it.
  const counting = useRef<'idle' | 'busy' | 'again'>('idle');
  const refreshCounts = useCallback(() => {
    if (counting.current !== 'idle') {
      counting.current = 'again';
      return;
    }
    counting.current = 'busy';
    api.get<AlertCounts>('/api/monitor/alerts/counts').then(
      (c) => setCounts(c.data),
      () => undefined,
    ).finally(() => {
      const again = counting.current === 'again';
      counting.current = 'idle';
      if (again) refreshCounts();
    });
  }, []);

  const markFresh = useCallback((id: string) => {
    setFresh((s) => new Set(s).add(id));
    setTimeout(() => setFresh((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    }), FRESH_MS);
  }, []);

  /** Folds one changed alert into the list: new ones on top, changed ones in place, closed ones out of a status view. */
  const apply = useCallback(
    (a: AlertView) => {
      const f = filterRef.current;
      const belongs = f === 'all' || a.status === f;
      setAlerts((list) => {
        const i = list.findIndex((x) => x.id === a.id);
        if (i < 0) return belongs ? [a, ...list].slice(0, LIMIT) : list;
        if (!belongs) return list.filter((x) => x.id !== a.id);
        const next = list.slice();
        next[i] = a;
        return next;
      });
      if (belongs && a.status === 'open') markFresh(a.id);
    },
    [markFresh],
  );

  useEffect(() => {
    const source = new EventSource('/api/monitor/alerts/stream', { withCredentials: true });
    source.addEventListener('hello', () => {
      setState('live');
      void load();
    });
    source.addEventListener('alert', (ev) => {
      try {
        apply(JSON.parse((ev as MessageEvent<string>).data) as AlertView);
        refreshCounts();
      } catch {
        // A frame we cannot read: the next reload brings the truth.
      }
    });
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => source.close();
  }, [apply, load, refreshCounts]);

  return { alerts, counts, fresh, state, error, isLoading, reload: load, apply };
}
