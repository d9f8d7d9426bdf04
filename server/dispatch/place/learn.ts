// Growing a city's place list from its own history: every appeal whose region a dispatcher
// confirmed teaches which road, community, village or landmark names belong to which county or
// town. A name is kept only when it is seen often enough (support) and nearly always in the same
// county (purity): 人民路 exists in every county and is dropped; 魏家坡巷 is not.
import { COMMON_WORDS } from './aliases';
import { Automaton } from './automaton';
import { findDetails } from './detail';
import { foldText } from './fold';
import type { Gazetteer, PlaceKind, PlaceRow } from './gazetteer';
import { scanPlaces } from './scan';

/** A past appeal with its confirmed region (county, town or village code). */
export interface PlaceHistoryItem {
  text: string;
  regionCode: string;
}

/** A learned place: a PlaceRow with the figures that justified it. */
export interface LearnedPlace extends PlaceRow {
  source: 'learned';
  /** Appeals mentioning the name whose county is known. */
  support: number;
  /** Share of them in the chosen region's county. */
  purity: number;
}

/**
 * Learning thresholds; the gazetteer (optional) resolves towns to counties and skips known names.
 * Defaults: a name seen once may be learned (its weight then is low: 0.5 × purity, rising to 2 at
 * eight sightings) because the long tail of estates and villages is where the value is; it must
 * lie in one county in at least 70 % of the appeals naming it; the list keeps the 20,000 names with
 * the most support so the automaton stays small.
 */
export interface LearnOptions {
  gazetteer?: Gazetteer;
  minSupport?: number;
  minPurity?: number;
  maxPlaces?: number;
}

interface Tally {
  total: number;
  counties: Map<string, number>;
  towns: Map<string, number>;
  kinds: Map<PlaceKind, number>;
}

/** Learns a place list from past appeals whose region is known. */
export function learnPlaces(history: readonly PlaceHistoryItem[], opts: LearnOptions = {}): LearnedPlace[] {
  const g = opts.gazetteer;
  const minSupport = opts.minSupport ?? 1;
  const minPurity = opts.minPurity ?? 0.7;
  const tallies = new Map<string, Tally>();
  for (const item of history) {
    const region = g?.regions.get(item.regionCode);
    const county = g ? region?.countyCode : item.regionCode;
    if (!county) continue;
    const town = region?.townCode ?? null;
    for (const [name, kind] of namesIn(item.text, g)) {
      let t = tallies.get(name);
      if (!t) tallies.set(name, (t = { total: 0, counties: new Map(), towns: new Map(), kinds: new Map() }));
      t.total++;
      t.counties.set(county, (t.counties.get(county) ?? 0) + 1);
      if (town) t.towns.set(town, (t.towns.get(town) ?? 0) + 1);
      t.kinds.set(kind, (t.kinds.get(kind) ?? 0) + 1);
    }
  }
  tallyBodies(history, g, tallies, minSupport);
  const out: LearnedPlace[] = [];
  for (const [name, t] of tallies) {
    if (t.total < minSupport) continue;
    const [county, n] = top(t.counties);
    const purity = n / t.total;
    if (purity < minPurity) continue;
    const [town, nt] = top(t.towns);
    const townFits = town !== '' && nt >= minSupport && nt / t.total >= minPurity && g?.regions.get(town)?.countyCode === county;
    out.push({
      name,
      regionCode: townFits ? town : county,
      kind: top(t.kinds)[0] as PlaceKind,
      weight: round(purity * Math.min(2, 0.5 + 0.5 * Math.log2(t.total))),
      source: 'learned',
      support: t.total,
      purity: round(purity),
    });
  }
  return out.sort((a, b) => b.support - a.support || a.name.localeCompare(b.name)).slice(0, opts.maxPlaces ?? 20_000);
}

/** Endings whose removal leaves the name people also use alone: 星沙街道 → 星沙, 泉塘社区 → 泉塘. */
const BODY_SUFFIXES = ['街道', '社区', '小区', '花园', '家园', '新村', '镇', '乡', '村'];

/**
 * Second pass: the bodies of learned town and community names (星沙 of 星沙街道) are counted
 * wherever they occur, and enter the tallies like any other name; purity then drops the bodies
 * that are everyday words. Bodies need at least three sightings, being shorter and so riskier.
 */
function tallyBodies(history: readonly PlaceHistoryItem[], g: Gazetteer | undefined, tallies: Map<string, Tally>, minSupport: number): void {
  const bodies = new Map<string, PlaceKind>();
  for (const [name, t] of tallies) {
    const suffix = BODY_SUFFIXES.find((x) => name.endsWith(x) && name.length - x.length >= 2);
    if (!suffix || t.total < minSupport) continue;
    const body = name.slice(0, -suffix.length);
    if (!tallies.has(body) && !COMMON_WORDS.has(body) && !g?.adminNames.has(foldText(body))) bodies.set(body, top(t.kinds)[0] as PlaceKind);
  }
  if (bodies.size === 0) return;
  const names = [...bodies.keys()];
  const automaton = new Automaton();
  for (const b of names) automaton.add(foldText(b));
  automaton.build();
  const found = new Map<string, Tally>();
  for (const item of history) {
    const region = g?.regions.get(item.regionCode);
    const county = g ? region?.countyCode : item.regionCode;
    if (!county) continue;
    const seen = new Set(automaton.search(foldText(item.text)).map((m) => names[m.pattern] as string));
    for (const body of seen) {
      let t = found.get(body);
      if (!t) found.set(body, (t = { total: 0, counties: new Map(), towns: new Map(), kinds: new Map([[bodies.get(body) as PlaceKind, 1]]) }));
      t.total++;
      t.counties.set(county, (t.counties.get(county) ?? 0) + 1);
      if (region?.townCode) t.towns.set(region.townCode, (t.towns.get(region.townCode) ?? 0) + 1);
    }
  }
  for (const [body, t] of found) if (t.total >= Math.max(3, minSupport)) tallies.set(body, t);
}

/** Distinct detail names of one text (as written), skipping names the gazetteer already knows. */
function namesIn(text: string, g: Gazetteer | undefined): Map<string, PlaceKind> {
  const folded = foldText(text);
  const matches = g ? scanPlaces(g, folded, text) : [];
  const names = new Map<string, PlaceKind>();
  for (const d of findDetails(folded, text, matches)) {
    if (g?.adminNames.has(foldText(d.name))) continue;
    if (!names.has(d.name)) names.set(d.name, d.kind);
  }
  return names;
}

function top<K>(m: Map<K, number>): [K | '', number] {
  let best: [K | '', number] = ['', 0];
  for (const [k, n] of m) if (n > best[1]) best = [k, n];
  return best;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
