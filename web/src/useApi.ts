/** React hooks over the API client: one GET with loading, error and reload. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Envelope, type Query } from './api';

export interface Loaded<T> {
  data: T | undefined;
  page: Envelope<T>['page'];
  error: ApiError | undefined;
  isLoading: boolean;
  reload: () => void;
}

/** Loads `path` (with `query`) whenever either changes; `path` null waits. Stale answers are dropped. */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const [state, setState] = useState<{ data?: T; page?: Envelope<T>['page']; error?: ApiError; isLoading: boolean }>({ isLoading: path !== null });
  const [tick, setTick] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query ?? {}]);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, isLoading: true, error: undefined }));
    api.get<T>(path, query, controller.signal).then(
      (env) => setState({ data: env.data, page: env.page, isLoading: false }),
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
