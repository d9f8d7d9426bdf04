/**
 * Lazily loaded areas, pages and parts that do not suspend once their code is in.
 *
 * A plain React.lazy component suspends on its first render even when its chunk has long arrived,
 * and React then holds the reveal of a Suspense boundary until 300 ms after its fallback appeared
 * (FALLBACK_THROTTLE_MS) — on a full load of the workbench that cost two such waits, one for the
 * area and one for the page. These components render the loaded module directly, and `preload()`
 * lets the caller load a page's code before the first render needs it.
 */
import { lazy, startTransition, useEffect, useState, type ComponentType } from 'react';

/** A lazily loaded component with a way to load its code ahead of its first render. */
export type LazyPage<P extends object = object> = ComponentType<P> & {
  /** Loads the code (once); resolves when the component can render without suspending. */
  preload: () => Promise<void>;
  /** Whether the code is in (the component renders without suspending). */
  isLoaded: () => boolean;
};

/** The export `name` of the module `loader` brings in, as a lazily loaded component. */
export function lazyPage<K extends string, P extends object = object>(loader: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= loader().then(
      (m) => void (loaded = m[name]),
      (e: unknown) => {
        loading = undefined; // a failed chunk load may be retried
        throw e;
      },
    ));
  const Suspending = lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  function Page(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component would remount the page.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? (Suspending as unknown as ComponentType<P>));
    return <Component {...props} />;
  }
  Page.displayName = name;
  return Object.assign(Page, { preload, isLoaded: () => loaded !== undefined });
}

/**
 * Whether `part`'s code is in; if not, loads it once the caller has rendered (and renders again
 * then) — for parts worth showing a moment after the rest, without a Suspense fallback. That second
 * render is a transition: React renders it in slices, so a click meanwhile is handled at once.
 */
export function useLoadedAfterRender<P extends object>(part: LazyPage<P>): boolean {
  const [isLoaded, setLoaded] = useState(part.isLoaded);
  useEffect(() => {
    if (isLoaded) return;
    let isLive = true;
    part.preload().then(
      () => isLive && startTransition(() => setLoaded(true)),
      () => undefined, // the stand-in stays; the next mount tries again
    );
    return () => {
      isLive = false;
    };
  }, [part, isLoaded]);
  return isLoaded;
}
