/** Reference lists (categories, regions, units, time limits) loaded once per page load and shared. */
import { startTransition, useEffect, useState } from 'react';
import { api, ApiError, takeArrived } from './api';
import type { Category, Region, TimeLimitClass, Unit } from './types';

const cache = new Map<string, Promise<unknown>>();
/** The lists that have arrived, for a component's first render. */
const arrived = new Map<string, unknown>();

function load<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api.get<T>(path).then((env) => {
      arrived.set(path, env.data);
      return env.data;
    });
    // A failed load is retried by the next component that asks.
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

/** A list already in: loaded before, or prefetched by the entry and arrived. */
function loaded<T>(path: string): T | undefined {
  if (!arrived.has(path)) {
    const env = takeArrived<T>(path);
    if (!env) return undefined;
    arrived.set(path, env.data);
    cache.set(path, Promise.resolve(env.data));
  }
  return arrived.get(path) as T;
}

/** Drops a cached list after an admin changed it. */
export function invalidateReference(path: string): void {
  cache.delete(path);
  arrived.delete(path);
}

/** One cached reference list; `data` stays undefined while loading or after an error. */
export function useReference<T>(path: string): { data: T | undefined; error: ApiError | undefined } {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>(() => ({ data: loaded<T>(path) }));
  useEffect(() => {
    let isLive = true;
    load<T>(path).then(
      // The same list as the first render had is not set again (no second render for nothing); a
      // list arriving later (names for codes) renders as a transition, never in the way of a click.
      (data) => isLive && startTransition(() => setState((s) => (s.data === data ? s : { data }))),
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
