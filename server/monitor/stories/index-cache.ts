// Which stories a new post may join, answered in memory: a per-process LSH index (band key →
// story) of the stories active within the story window. It is derived data, like the scheme cache:
// every batch, under the ingest lock, reads the stories created since the index last looked (by
// other nodes — ids are reserved and committed under the same lock, so they become visible in
// order; a node's own new stories are indexed when its batch commits) together with the current
// state of the candidate stories, and absorbs them; the whole index is
// reloaded every RELOAD_MS so stories extended by other nodes are not evicted early. App nodes stay
// stateless: a fresh process rebuilds its index from `stories.signature` on its first batch.
// Memory: about 300 bytes per story in the window (100,000 stories ≈ 30 MB).
import type { Pool, Queryable } from '../../db/pool';
import { loadRecentStorySignatures } from '../../repositories/monitor-stories';
import type { StoryRow } from './assign';
import { STORY_WINDOW_HOURS } from './assign';
import { bandKeys } from './minhash';

const WINDOW_MS = STORY_WINDOW_HOURS * 3_600_000;
/** Full reloads pick up stories other nodes extended; evictions drop stories past the window. */
const RELOAD_MS = 10 * 60_000;
const EVICT_MS = 60_000;

interface Entry {
  id: number;
  lastAt: number;
  keys: number[];
}

/** The LSH index of one database's recent stories. */
export class StoryIndex {
  // Most band keys belong to one story: a bare id until a second story shares the key (fewer objects, less GC).
  private readonly byKey = new Map<number, number | number[]>();
  private readonly entries = new Map<number, Entry>();
  private maxId = 0;
  private loadedAt = -Infinity;
  private evictedAt = 0;

  private add(id: number, signature: readonly number[] | null, lastAt: Date): void {
    if (!signature || signature.length === 0) return;
    const existing = this.entries.get(id);
    if (existing) {
      existing.lastAt = Math.max(existing.lastAt, lastAt.getTime());
      return;
    }
    const keys = bandKeys(signature);
    this.entries.set(id, { id, lastAt: lastAt.getTime(), keys });
    for (const k of keys) {
      const ids = this.byKey.get(k);
      if (ids === undefined) this.byKey.set(k, id);
      else if (typeof ids === 'number') this.byKey.set(k, [ids, id]);
      else ids.push(id);
    }
  }

  private evict(before: number): void {
    for (const e of this.entries.values()) {
      if (e.lastAt >= before) continue;
      this.entries.delete(e.id);
      for (const k of e.keys) {
        const ids = this.byKey.get(k);
        const rest = (typeof ids === 'number' ? [ids] : (ids ?? [])).filter((x) => x !== e.id);
        if (rest.length === 0) this.byKey.delete(k);
        else this.byKey.set(k, rest.length === 1 ? rest[0]! : rest);
      }
    }
  }

  /** Ids of indexed stories sharing a band key with any of `keys`. */
  lookup(keys: Iterable<number>): Set<number> {
    const ids = new Set<number>();
    for (const k of keys) {
      const found = this.byKey.get(k);
      if (typeof found === 'number') ids.add(found);
      else if (found) for (const id of found) ids.add(id);
    }
    return ids;
  }

  /** Reloads the whole index when it is older than RELOAD_MS (or empty). */
  async refresh(db: Queryable, now: Date): Promise<void> {
    if (now.getTime() - this.loadedAt <= RELOAD_MS) return;
    const { rows, maxId } = await loadRecentStorySignatures(db, new Date(now.getTime() - WINDOW_MS));
    this.byKey.clear();
    this.entries.clear();
    for (const r of rows) this.add(r.id, r.signature, r.lastAt);
    this.maxId = maxId;
    this.loadedAt = now.getTime();
    this.evictedAt = now.getTime();
  }

  /** Stories with higher ids are not indexed yet: a batch reads them with its state. */
  get afterId(): number {
    return this.maxId;
  }

  /**
   * Indexes the stories a batch created, once its transaction committed, and moves past the ids
   * it reserved: every story id up to `reservedUpTo` is now known here, so the next batch does
   * not read them back. (Other nodes reserve ids only after this batch released the lock, so
   * theirs are higher.)
   */
  committed(stories: readonly { id: number | null; signature: ArrayLike<number>; lastAt: Date }[], reservedUpTo: number): void {
    for (const s of stories) if (s.id !== null) this.add(s.id, Array.from(s.signature), s.lastAt);
    if (reservedUpTo > this.maxId) this.maxId = reservedUpTo;
  }

  /** Takes in the story rows a batch read (new ones are indexed, known ones refreshed). */
  absorb(rows: readonly StoryRow[], now: Date): void {
    for (const r of rows) {
      this.add(r.id, r.signature, r.lastAt);
      if (r.id > this.maxId) this.maxId = r.id;
    }
    if (now.getTime() - this.evictedAt > EVICT_MS) {
      this.evict(now.getTime() - WINDOW_MS);
      this.evictedAt = now.getTime();
    }
  }
}

const indexes = new WeakMap<Pool, StoryIndex>();

/** The story index of a pool's database (one per process and database). */
export function storyIndex(pool: Pool): StoryIndex {
  let index = indexes.get(pool);
  if (!index) {
    index = new StoryIndex();
    indexes.set(pool, index);
  }
  return index;
}
