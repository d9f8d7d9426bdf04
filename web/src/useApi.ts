/** React hooks over the API client: one GET with loading, error and reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, takeArrived, type Envelope, type Query } from './api';

export interface Loaded<T> {
  data: T | undefined;
  page: Envelope<T>['page'];
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Loads `path` (with `query`) whenever either changes; `path` null waits. Stale answers are dropped.
 * An answer the entry prefetched and that has already arrived is shown by the first render.
 */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);
  const arrivedFor = useRef<string | null>(null);
  const [state, setState] = useState<{ data?: T; page?: Envelope<T>['page']; error?: ApiError; isLoading: boolean }>(() => {
    const env = path === null ? undefined : takeArrived<T>(path, query);
    if (!env) return { isLoading: path !== null };
    arrivedFor.current = key;
    return { data: env.data, page: env.page, isLoading: false };
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (path === null) return;
    if (arrivedFor.current === key && tick === 0) {
      arrivedFor.current = null; // shown already; a reload or another query asks the server
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, isLoading: true, error: undefined }));
    api.get<T>(path, query, controller.signal).then(
      (env) => !controller.signal.aborted && setState({ data: env.data, page: env.page, isLoading: false }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        setState({ error, isLoading: false });
      },
    );
    return () => controller.abort();
    // `key` covers path and query by value, so an inline query object does not refetch every render.
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, page: state.page, error: state.error, isLoading: state.isLoading, reload };
}
