// The gazetteer (地名库) of one city: its regions with every alias, its own place list (roads,
// communities, landmarks, villages — configured or learned), names that lie outside the city, and
// the geography for coordinates — compiled once into one Aho–Corasick automaton.
import { COMMON_WORDS, regionAliases, stripLevelSuffix, type AliasStrength, type SubCityLevel } from './aliases';
import { Automaton } from './automaton';
import { DEFAULT_SCORING, type ScoringParams } from './evidence';
import { foldText, hasCjk } from './fold';
import { GeoIndex, type CountySeat, type RegionBoundary } from './geo';
import { nationalNames } from './national';
import { APPROXIMATE_COUNTY_SEATS } from './seats';

/** A row of the regions table (level 1 province, 2 city, 3 county, 4 town/street, 5 village/community). */
export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** What a place-list name is. 'town' is for learned town names a city's regions do not list. */
export type PlaceKind = 'road' | 'community' | 'landmark' | 'village' | 'town';

/** One entry of a city's own place list: a name and the region it lies in. */
export interface PlaceRow {
  name: string;
  regionCode: string;
  kind: PlaceKind;
  /** Evidence weight (default 1.5); learned places carry a weight from their support. */
  weight?: number;
  /** Typed in by the city (default) or learned from dispatchers' confirmed regions (learnPlaces). */
  source?: 'configured' | 'learned';
}

/** A name known to lie outside the city (another city, its counties, another province). */
export interface OutsideName {
  name: string;
  level: 'province' | 'city' | 'county';
  aliases?: string[];
}

/** Everything a gazetteer is built from. */
export interface GazetteerInput {
  city: { code: string; name: string };
  /** The city's regions (the city row itself and any province row may be included). */
  regions: readonly RegionRow[];
  places?: readonly PlaceRow[];
  boundaries?: readonly RegionBoundary[];
  /** Seats for the coordinate fallback; default: the shipped approximate seats for this city code. */
  countySeats?: readonly CountySeat[];
  /** The city's province when `regions` has no level-1 row. */
  province?: { name: string };
  /** More names outside the city (e.g. other cities' counties in anonymised data). */
  outside?: readonly OutsideName[];
  /** Add China's provinces and prefecture-level cities as outside names (default true). */
  useNationalList?: boolean;
  /** Extra everyday words that must not count as a short place name on their own. */
  commonWords?: readonly string[];
  /** How mentions add up (first mention bonus, weight of repeats). */
  scoring?: Partial<ScoringParams>;
}

/** A region as the extractor needs it: its level and its county/town ancestors. */
export interface RegionInfo {
  code: string;
  name: string;
  level: 2 | 3 | 4 | 5;
  countyCode: string | null;
  townCode: string | null;
}

/** What an alias points to. */
export type AliasTarget =
  | { type: 'region'; code: string; strength: AliasStrength }
  | { type: 'place'; code: string; name: string; kind: PlaceKind; weight: number; source: 'configured' | 'learned' }
  | { type: 'home'; level: 1 | 2 }
  | { type: 'outside'; name: string; level: OutsideName['level'] };

/** One alias string with everything it may mean. */
export interface AliasInfo {
  text: string;
  /** A short form (no level suffix): followed by 路/街/小区 it is part of a longer name. */
  isShort: boolean;
  targets: AliasTarget[];
}

/** A compiled gazetteer; build with buildGazetteer, share across requests (it is immutable). */
export interface Gazetteer {
  city: { code: string; name: string };
  regions: ReadonlyMap<string, RegionInfo>;
  aliases: readonly AliasInfo[];
  automaton: Automaton;
  geo: GeoIndex;
  /** Folded full names of our regions and home places: never learned as a place. */
  adminNames: ReadonlySet<string>;
  scoring: ScoringParams;
  stats: { regions: number; places: number; outside: number; aliases: number; ignoredPlaces: number };
}

const DEFAULT_PLACE_WEIGHT = 1.5;
const COMMUNITY_SUFFIXES = ['小区', '社区', '花园', '家园'];

/** Builds the gazetteer of one city (see GazetteerInput); pure and deterministic. */
export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const regions = indexRegions(input);
  const byText = new Map<string, AliasInfo>();
  const add = (raw: string, isShort: boolean, target: AliasTarget): void => {
    const text = foldText(raw.trim());
    if (text.length < 2 || !hasCjk(text)) return;
    let info = byText.get(text);
    if (!info) byText.set(text, (info = { text, isShort, targets: [] }));
    info.isShort = info.isShort && isShort;
    if (!info.targets.some((t) => sameTarget(t, target))) info.targets.push(target);
  };
  const common = new Set([...COMMON_WORDS, ...(input.commonWords ?? [])]);
  const provinceName = input.regions.find((r) => r.level === 1)?.name ?? input.province?.name ?? '';
  const provinceShort = provinceName.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '');
  addHome(add, provinceName, provinceShort, input.city.name);
  for (const r of regions.values()) {
    if (r.level < 3) continue;
    const parentNames = r.level === 4 && r.countyCode ? countyNames(regions.get(r.countyCode)) : [];
    for (const a of regionAliases(r.name, r.level as SubCityLevel, { provinceShort, common, parentNames })) {
      add(a.text, a.strength !== 'full', { type: 'region', code: r.code, strength: a.strength });
    }
  }
  let ignoredPlaces = 0;
  for (const p of input.places ?? []) {
    const region = regions.get(p.regionCode);
    if (!region || region.level < 3 || p.name.trim().length < 2) {
      ignoredPlaces++;
      continue;
    }
    const target: AliasTarget = {
      type: 'place',
      code: region.code,
      name: p.name.trim(),
      kind: p.kind,
      weight: p.weight ?? DEFAULT_PLACE_WEIGHT,
      source: p.source ?? 'configured',
    };
    add(p.name, false, target);
    const suffix = p.kind === 'community' ? COMMUNITY_SUFFIXES.find((s) => p.name.endsWith(s)) : undefined;
    const body = suffix ? p.name.slice(0, -suffix.length) : '';
    if (body.length >= 3 && !common.has(body)) add(body, true, { ...target, weight: target.weight * 0.8 });
  }
  const ours = new Set(byText.keys());
  const outside = [...(input.useNationalList === false ? [] : nationalNames()), ...(input.outside ?? [])];
  let outsideCount = 0;
  for (const o of outside) {
    const names = o.aliases && o.aliases.length > 0 ? o.aliases : [o.name];
    // Our own province and city appear in the national list: whatever we already know wins.
    if (names.some((n) => ours.has(foldText(n)))) continue;
    outsideCount++;
    for (const n of names) add(n, n !== o.name && !/[省市区县州旗盟]$/.test(n), { type: 'outside', name: o.name, level: o.level });
  }
  const aliases = [...byText.values()];
  const automaton = new Automaton();
  for (const a of aliases) automaton.add(a.text);
  automaton.build();
  const seats = input.countySeats ?? APPROXIMATE_COUNTY_SEATS[input.city.code] ?? [];
  const geo = new GeoIndex(input.boundaries ?? [], seats, (code) => regions.get(code)?.level ?? 0);
  const adminNames = new Set(aliases.filter((a) => a.targets.some((t) => t.type !== 'place')).map((a) => a.text));
  return {
    city: input.city,
    regions,
    aliases,
    automaton,
    geo,
    adminNames,
    scoring: { ...DEFAULT_SCORING, ...input.scoring },
    stats: { regions: regions.size, places: (input.places?.length ?? 0) - ignoredPlaces, outside: outsideCount, aliases: aliases.length, ignoredPlaces },
  };
}

function addHome(add: (raw: string, isShort: boolean, t: AliasTarget) => void, province: string, provinceShort: string, city: string): void {
  if (province) add(province, false, { type: 'home', level: 1 });
  if (provinceShort.length >= 2 && provinceShort !== province) add(provinceShort, true, { type: 'home', level: 1 });
  add(city, false, { type: 'home', level: 2 });
  const cityShort = city.replace(/(市|地区|盟|州)$/, '');
  if (cityShort.length >= 2 && cityShort !== city) add(cityShort, true, { type: 'home', level: 2 });
}

function countyNames(county: RegionInfo | undefined): string[] {
  if (!county) return [];
  const short = stripLevelSuffix(county.name, 3);
  return short !== county.name && short.length >= 2 ? [county.name, short] : [county.name];
}

function sameTarget(a: AliasTarget, b: AliasTarget): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'region':
      return b.type === 'region' && a.code === b.code;
    case 'place':
      return b.type === 'place' && a.code === b.code;
    case 'home':
      return b.type === 'home' && a.level === b.level;
    case 'outside':
      return b.type === 'outside' && a.name === b.name;
  }
}

/** Regions below the city, with county and town ancestors resolved through parent links. */
function indexRegions(input: GazetteerInput): Map<string, RegionInfo> {
  const rows = new Map(input.regions.map((r) => [r.code, r]));
  const out = new Map<string, RegionInfo>();
  out.set(input.city.code, { code: input.city.code, name: input.city.name, level: 2, countyCode: null, townCode: null });
  const ancestor = (code: string | null, level: number): string | null => {
    for (let c = code, guard = 0; c && guard < 8; guard++) {
      const r = rows.get(c);
      if (!r) return null;
      if (r.level === level) return r.code;
      c = r.parentCode;
    }
    return null;
  };
  const isUnderCity = (code: string): boolean => {
    for (let c: string | null = code, guard = 0; c && guard < 8; guard++) {
      if (c === input.city.code) return true;
      c = rows.get(c)?.parentCode ?? null;
    }
    return false;
  };
  for (const r of input.regions) {
    if (r.level < 3 || r.level > 5) continue;
    // Only regions that actually hang under this city: the regions table may hold other cities.
    if (!isUnderCity(r.code)) continue;
    out.set(r.code, {
      code: r.code,
      name: r.name,
      level: r.level as 3 | 4 | 5,
      countyCode: ancestor(r.code, 3),
      townCode: r.level >= 4 ? ancestor(r.code, 4) : null,
    });
  }
  return out;
}
