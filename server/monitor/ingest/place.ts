// Place of a post, kept simple on purpose: the region whose name the place field or the text
// mentions, from the regions table (city, counties, towns/streets). Counties and the city are
// also found by their short names (颍州区 → 颍州, 临泉县 → 临泉); towns only by their full names,
// because short town names (新华, 城关) are common words or repeat across counties. The most
// specific match wins (a town over its county). Coordinates are stored but not mapped here;
// a full place extractor (server/dispatch/place) can replace this later.

/** A region as the index needs it. */
export interface RegionRow {
  code: string;
  name: string;
  level: number;
  path: string;
}

const SHORTENABLE_LEVEL_MAX = 3;
const SUFFIXES = ['自治县', '区', '县', '市'];

/** Finds region names in text; built once per catalog refresh. */
export class RegionIndex {
  private readonly byFirstChar = new Map<string, { name: string; code: string; level: number }[]>();
  /** 1 for UTF-16 units some name starts with: most characters of a post are ruled out without a Map lookup. */
  private readonly isFirst = new Uint8Array(0x10000);
  private readonly paths = new Map<string, string>();

  constructor(rows: readonly RegionRow[]) {
    const names = new Map<string, Set<string>>();
    const add = (name: string, code: string): void => {
      if (name.length < 2) return;
      const set = names.get(name) ?? new Set<string>();
      set.add(code);
      names.set(name, set);
    };
    const levels = new Map<string, number>();
    for (const r of rows) {
      this.paths.set(r.code, r.path);
      levels.set(r.code, r.level);
      add(r.name, r.code);
      if (r.level <= SHORTENABLE_LEVEL_MAX) {
        const suffix = SUFFIXES.find((s) => r.name.endsWith(s));
        if (suffix && r.name.length - suffix.length >= 2) add(r.name.slice(0, -suffix.length), r.code);
      }
    }
    for (const [name, codes] of names) {
      if (codes.size !== 1) continue; // ambiguous names point nowhere rather than somewhere wrong
      const code = [...codes][0]!;
      const list = this.byFirstChar.get(name[0]!) ?? [];
      list.push({ name, code, level: levels.get(code)! });
      this.byFirstChar.set(name[0]!, list);
      this.isFirst[name.charCodeAt(0)] = 1;
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** The most specific region named in `text`, or null. */
  find(text: string): string | null {
    let best: { code: string; level: number } | null = null;
    for (let i = 0; i < text.length - 1; i++) {
      if (this.isFirst[text.charCodeAt(i)] === 0) continue;
      const list = this.byFirstChar.get(text[i]!);
      if (!list) continue;
      for (const entry of list) {
        if (!text.startsWith(entry.name, i)) continue;
        if (!best || entry.level > best.level) best = entry;
        i += entry.name.length - 1;
        break;
      }
    }
    return best?.code ?? null;
  }

  /** The region's path ('/34/341200/341202/'), or null when unknown. */
  path(code: string | null): string | null {
    return code === null ? null : (this.paths.get(code) ?? null);
  }

  /**
   * Whether two places may be the same: either is unknown, or one lies within the other
   * (a post naming 颍州区 fits a story placed in 鼓楼街道 of 颍州区, and the other way round).
   */
  compatible(a: string | null, b: string | null): boolean {
    if (a === null || b === null || a === b) return true;
    const pa = this.path(a);
    const pb = this.path(b);
    if (!pa || !pb) return false;
    return pa.startsWith(pb) || pb.startsWith(pa);
  }

  /** True when `inner` is `outer` or lies within it. */
  within(inner: string, outer: string): boolean {
    const pi = this.path(inner);
    const po = this.path(outer);
    return !!pi && !!po && pi.startsWith(po);
  }
}
