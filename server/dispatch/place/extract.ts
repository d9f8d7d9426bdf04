// Where did it happen? Reads the address field, the title and the text against the gazetteer,
// weighs the evidence per county, then refines to a town and village only where that is certain.
// Unknown stays at city level. Text and coordinates may disagree: the TEXT WINS, because a
// device position is where the resident is when writing (at home, at work), not necessarily where
// the problem is; the point fills in when the text names nothing of ours and refines the town when
// it agrees with the text's county. `pointIsSite` (a grid officer standing at the problem) makes
// the point win instead.
import { findDetails } from './detail';
import { collectEvidence, scoreCandidates, type Candidate, type Evidence, type Hit, type SegmentName } from './evidence';
import { foldText } from './fold';
import type { LatLng } from './geo';
import type { Gazetteer, RegionInfo } from './gazetteer';
import { scanPlaces, type PlaceMatch } from './scan';
import { explainPoint, explainText, regionLabel } from './why';

/** Extra inputs besides the text. */
export interface ExtractOptions {
  title?: string | null;
  address?: string | null;
  point?: LatLng | null;
  /** The point marks the problem itself (an on-site report), so it wins over the text. */
  pointIsSite?: boolean;
}

/** How deep the place is known. */
export type PlaceLevel = 'city' | 'county' | 'town' | 'village';

/** The place of an appeal; the first eight fields map one to one onto PlaceSuggestion. */
export interface PlaceResult {
  regionCode: string;
  regionName: string;
  level: PlaceLevel;
  countyCode: string | null;
  townCode: string | null;
  villageCode: string | null;
  /** Street-level names as written: villages/communities, roads, landmarks. */
  detail: string[];
  /** Reasons in Chinese for the dispatcher. */
  why: string[];
  /** What decided the region. */
  source: 'text' | 'point' | 'none';
  /** The text names only places outside the city. */
  isOutside: boolean;
  /** Counties with evidence, best first (the dispatcher's alternatives). */
  candidates: { code: string; name: string; score: number }[];
}

const MAX_DETAIL = 6;
/** How many counties, and how far ahead the best must be, before an appeal counts as city-wide. */
const MANY_COUNTIES = 3;
const CLEAR_LEAD = 1.5;
const LEVELS: PlaceLevel[] = ['city', 'city', 'city', 'county', 'town', 'village'];

/** Extracts the deepest certain region, the street-level detail and the reasons from an appeal. */
export function extractPlace(g: Gazetteer, text: string, opts: ExtractOptions = {}): PlaceResult {
  const segments: { name: SegmentName; text: string }[] = [];
  if (opts.address?.trim()) segments.push({ name: 'address', text: opts.address });
  if (opts.title?.trim()) segments.push({ name: 'title', text: opts.title });
  segments.push({ name: 'text', text });
  const scanned = segments.map((s) => {
    const folded = foldText(s.text);
    const matches = scanPlaces(g, folded, s.text);
    return { name: s.name, folded, matches, details: findDetails(folded, s.text, matches) };
  });
  const ev = collectEvidence(g, scanned);
  const decision = decideCounty(g, ev);
  const detail = collectDetail(scanned.flatMap((s) => s.matches), scanned.flatMap((s) => s.details));
  const candidates = decision.ranked
    .filter((r): r is Candidate & { countyCode: string } => r.countyCode !== null)
    .map((r) => ({ code: r.countyCode, name: g.regions.get(r.countyCode)?.name ?? r.countyCode, score: round(r.score) }));
  let region: RegionInfo | undefined;
  let source: PlaceResult['source'] = 'none';
  if (decision.countyCode) {
    region = deepestCertain(g, ev.hits.filter((h) => h.countyCode === decision.countyCode), decision.countyCode);
    source = 'text';
  }
  const why = explainText(g, ev, decision, region);
  if (opts.point) {
    const p = applyPoint(g, opts.point, region, decision.isOutside, opts.pointIsSite === true);
    why.push(...p.why);
    if (p.region !== region) {
      region = p.region;
      source = region ? 'point' : 'none';
    }
  }
  return result(g, region, { detail, why, source, isOutside: decision.isOutside && source !== 'point', candidates });
}

/** The outcome of weighing counties against each other and against places outside the city. */
export interface CountyDecision {
  countyCode: string | null;
  ranked: Candidate[];
  isOutside: boolean;
  isTie: boolean;
  /** Many counties named, none clearly ahead: about the whole city. */
  isCityWide: boolean;
}

/**
 * A place elsewhere wins only when it beats both our best county and the mentions of the city
 * itself; otherwise the best county wins, and two of our counties tied leave it undecided.
 */
function decideCounty(g: Gazetteer, ev: Evidence): CountyDecision {
  const ranked = scoreCandidates(ev, g.scoring);
  const counties = ranked.filter((c) => c.kind === 'county');
  const bestOutside = ranked.find((c) => c.kind === 'outside')?.score ?? 0;
  const home = ranked.find((c) => c.kind === 'home')?.score ?? 0;
  const bestCounty = counties[0]?.score ?? 0;
  const others = ranked.filter((c) => c.kind !== 'home');
  if (bestOutside > Math.max(bestCounty, home)) return { countyCode: null, ranked: others, isOutside: true, isTie: false, isCityWide: false };
  const second = counties[1]?.score ?? 0;
  // Three or more counties with no clear leader: a city-wide matter (全市的地铁、社保、园区).
  if (counties.length >= MANY_COUNTIES && bestCounty < CLEAR_LEAD * second) return { countyCode: null, ranked: others, isOutside: false, isTie: false, isCityWide: true };
  const isTie = counties.length >= 2 && Math.abs(bestCounty - second) < 1e-9;
  const winner = !isTie ? counties[0] : undefined;
  const ordered = winner ? [winner, ...others.filter((c) => c !== winner)] : others;
  return { countyCode: winner?.countyCode ?? null, ranked: ordered, isOutside: false, isTie, isCityWide: false };
}

/** The town (and village) within the county when one of them clearly has the most evidence. */
function deepestCertain(g: Gazetteer, hits: Hit[], countyCode: string): RegionInfo | undefined {
  const county = g.regions.get(countyCode);
  const pick = (key: (r: RegionInfo) => string | null): string | null => {
    const scores = new Map<string, number>();
    for (const h of hits) {
      const r = g.regions.get(h.code);
      const k = r ? key(r) : null;
      if (k) scores.set(k, (scores.get(k) ?? 0) + h.weight);
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0 || (ranked[1] && ranked[1][1] === (ranked[0] as [string, number])[1])) return null;
    return (ranked[0] as [string, number])[0];
  };
  const townCode = pick((r) => r.townCode);
  if (!townCode) return county;
  const villageCode = pick((r) => (r.level === 5 && r.townCode === townCode ? r.code : null));
  return g.regions.get(villageCode ?? townCode) ?? county;
}

/** Applies the device position: fills in when the text is silent, refines when it agrees. */
function applyPoint(g: Gazetteer, point: LatLng, fromText: RegionInfo | undefined, isOutside: boolean, pointIsSite: boolean): { region: RegionInfo | undefined; why: string[] } {
  const hit = g.geo.locate(point);
  const located = hit.method === 'none' ? undefined : g.regions.get(hit.regionCode);
  const why = explainPoint(g, hit, located);
  if (!located?.countyCode) {
    if (pointIsSite && hit.method === 'none' && hit.reason === 'outside') return { region: undefined, why };
    return { region: fromText, why };
  }
  if (pointIsSite || (!fromText && !isOutside)) {
    if (fromText && fromText.countyCode !== located.countyCode) why.push(`定位为现场位置，以定位为准（文中为${regionLabel(g, fromText)}）`);
    return { region: located, why };
  }
  if (!fromText) {
    why.push('文中所述地点在本市以外，未按定位归入本市县区');
    return { region: undefined, why };
  }
  if (fromText.countyCode !== located.countyCode) {
    why.push(`定位在${regionLabel(g, located)}，但文中提到${regionLabel(g, fromText)}，以文中为准（定位是反映人所在位置，未必是问题发生地）`);
    return { region: fromText, why };
  }
  // Same county: a boundary-based town refines a county-level text result.
  if (fromText.level === 3 && located.level >= 4 && hit.method === 'boundary') return { region: located, why };
  return { region: fromText, why };
}

function collectDetail(matches: PlaceMatch[], candidates: { name: string; kind: string }[]): string[] {
  const out: string[] = [];
  const push = (s: string): void => {
    if (out.length < MAX_DETAIL && !out.includes(s) && !out.some((o) => o.includes(s))) out.push(s);
  };
  for (const m of matches) {
    const place = m.alias.targets.find((t) => t.type === 'place');
    if (m.role === 'ours' && place?.type === 'place' && place.kind !== 'town') push(m.text);
  }
  for (const c of candidates) if (c.kind !== 'town') push(c.name);
  return out;
}

function result(g: Gazetteer, region: RegionInfo | undefined, rest: Pick<PlaceResult, 'detail' | 'why' | 'source' | 'isOutside' | 'candidates'>): PlaceResult {
  const r = region ?? (g.regions.get(g.city.code) as RegionInfo);
  return {
    regionCode: r.code,
    regionName: r.name,
    level: LEVELS[r.level] ?? 'city',
    countyCode: r.countyCode,
    townCode: r.townCode,
    villageCode: r.level === 5 ? r.code : null,
    ...rest,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
