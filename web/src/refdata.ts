/** Reference lists (categories, regions, units, time limits) loaded once per page load and shared. */
import { useEffect, useState } from 'react';
import { api, ApiError } from './api';
import type { Category, Region, TimeLimitClass, Unit } from './types';

const cache = new Map<string, Promise<unknown>>();

function load<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api.get<T>(path).then((env) => env.data);
    // A failed load is retried by the next component that asks.
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

/** Drops a cached list after an admin changed it. */
export function invalidateReference(path: string): void {
  cache.delete(path);
}

/** One cached reference list; `data` stays undefined while loading or after an error. */
export function useReference<T>(path: string): { data: T | undefined; error: ApiError | undefined } {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  useEffect(() => {
    let isLive = true;
    load<T>(path).then(
      (data) => isLive && setState({ data }),
      (e: unknown) => isLive && setState({ error: e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)) }),
    );
    return () => {
      isLive = false;
    };
  }, [path]);
  return { data: state.data, error: state.error };
}

export const useCategories = () => useReference<Category[]>('/api/categories');
export const useRegions = () => useReference<Region[]>('/api/regions');
export const useUnits = () => useReference<Unit[]>('/api/units');
export const useTimeLimitClasses = () => useReference<TimeLimitClass[]>('/api/time-limit-classes');
