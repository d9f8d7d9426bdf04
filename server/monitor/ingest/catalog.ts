// The per-process cache of what matching and alerting read on every batch: compiled keyword
// schemes, parsed alert rules, the region index and the marks feedback. Each batch asks one
// fingerprint query (repositories/monitor-catalog.ts); only a part whose fingerprint changed is
// reloaded, so schemes are compiled once per change and app nodes stay stateless.
import type { Pool } from '../../db/pool';
import { catalogFingerprint, loadActiveRules, loadActiveSchemes, loadMarkCounts, loadRegions, type CatalogFingerprint } from '../../repositories/monitor-catalog';
import { buildFeedback, type Feedback } from '../alerts/feedback';
import { parseRule, type AlertRule } from '../alerts/rules';
import { compileScheme, parseScheme, schemeTerms, type SchemeMatcher } from '../schemes';
import { RegionIndex } from './place';

/** A keyword scheme ready to match normalised text. */
export interface CompiledScheme {
  id: string;
  name: string;
  topic: string;
  regionCode: string | null;
  match: SchemeMatcher;
}

/**
 * Every positive term of every active scheme, by first character. A post matches a scheme only
 * if it contains one of the scheme's positive terms (schemeTerms), so a post containing none of
 * these skips the matchers altogether — most posts, since schemes are about specific topics.
 */
export class TermFilter {
  private readonly byFirst = new Map<string, string[]>();
  private readonly isFirst = new Uint8Array(0x10000);

  constructor(terms: Iterable<string>) {
    for (const t of terms) {
      if (!t) continue;
      const list = this.byFirst.get(t[0]!) ?? [];
      if (!list.includes(t)) list.push(t);
      this.byFirst.set(t[0]!, list);
      this.isFirst[t.charCodeAt(0)] = 1;
    }
  }

  /** Whether the normalised text contains any of the terms. */
  hasAny(norm: string): boolean {
    if (this.byFirst.size === 0) return false;
    for (let i = 0; i < norm.length; i++) {
      if (this.isFirst[norm.charCodeAt(i)] === 0) continue;
      const list = this.byFirst.get(norm[i]!);
      if (list) for (const t of list) if (norm.startsWith(t, i)) return true;
    }
    return false;
  }
}

/** Everything a batch reads besides the posts themselves. */
export interface Catalog {
  schemes: CompiledScheme[];
  terms: TermFilter;
  rules: AlertRule[];
  regions: RegionIndex;
  feedback: Feedback;
}

interface Cached {
  fp: CatalogFingerprint;
  catalog: Catalog;
}

const caches = new WeakMap<Pool, Promise<Cached>>();

function compileSchemes(rows: Awaited<ReturnType<typeof loadActiveSchemes>>): { schemes: CompiledScheme[]; terms: TermFilter } {
  const schemes: CompiledScheme[] = [];
  const terms: string[] = [];
  for (const r of rows) {
    try {
      const parsed = parseScheme(r.expression);
      schemes.push({ id: r.id, name: r.name, topic: r.topic, regionCode: r.regionCode, match: compileScheme(parsed) });
      terms.push(...schemeTerms(parsed));
    } catch {
      // Stored schemes were parsed when saved; one that no longer parses is skipped, not fatal.
    }
  }
  return { schemes, terms: new TermFilter(terms) };
}

async function refresh(pool: Pool, prev: Cached | null): Promise<Cached> {
  const fp = await catalogFingerprint(pool);
  if (prev && fp.schemes === prev.fp.schemes && fp.rules === prev.fp.rules && fp.marks === prev.fp.marks && fp.regions === prev.fp.regions) return prev;
  const [{ schemes, terms }, rules, regions, feedback] = await Promise.all([
    !prev || fp.schemes !== prev.fp.schemes ? loadActiveSchemes(pool).then(compileSchemes) : prev.catalog,
    !prev || fp.rules !== prev.fp.rules ? loadActiveRules(pool).then((rows) => rows.map(parseRule).filter((r): r is AlertRule => r !== null)) : prev.catalog.rules,
    !prev || fp.regions !== prev.fp.regions ? loadRegions(pool).then((rows) => new RegionIndex(rows)) : prev.catalog.regions,
    !prev || fp.marks !== prev.fp.marks ? loadMarkCounts(pool).then(buildFeedback) : prev.catalog.feedback,
  ]);
  return { fp, catalog: { schemes, terms, rules, regions, feedback } };
}

/**
 * The current catalog for a pool. Concurrent callers share one in-flight refresh; a failed
 * refresh is not cached, so the next batch tries again.
 */
export async function currentCatalog(pool: Pool): Promise<Catalog> {
  const pending = caches.get(pool);
  const prev = pending ? await pending.catch(() => null) : null;
  // Another caller may have started a newer refresh while we awaited; join it.
  const latest = caches.get(pool);
  if (latest && latest !== pending) return (await latest).catalog;
  const next = refresh(pool, prev);
  caches.set(pool, next);
  next.catch(() => caches.delete(pool));
  return (await next).catalog;
}

/** The ids of the schemes a normalised post text matches, honouring each scheme's region. */
export function matchSchemes(catalog: Catalog, norm: string, regionCode: string | null): string[] {
  const ids: string[] = [];
  if (!catalog.terms.hasAny(norm)) return ids;
  for (const s of catalog.schemes) {
    if (s.regionCode && regionCode && !catalog.regions.within(regionCode, s.regionCode)) continue;
    if (s.match(norm)) ids.push(s.id);
  }
  return ids;
}
