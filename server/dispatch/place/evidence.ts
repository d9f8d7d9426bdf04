// Turning matched names into weighted evidence for counties and towns. A name that can mean
// several places (城关 in two counties, a weak short form like 西湖) is held back and only counts
// for a county that other, unambiguous evidence already supports — "resolve ambiguous towns by a
// county mentioned nearby; an ambiguous town with no county stays at county/city level".
import type { AliasTarget, Gazetteer, PlaceKind } from './gazetteer';
import type { PlaceMatch } from './scan';

/** Which part of the appeal a name was found in; the address field and the title weigh more. */
export type SegmentName = 'address' | 'title' | 'text';

export const SEGMENT_WEIGHT: Record<SegmentName, number> = { address: 2, title: 1.5, text: 1 };
export const SEGMENT_LABEL: Record<SegmentName, string> = { address: '地址', title: '标题', text: '文中' };

/** Weight of a region name by strength and level (county 3, town 3, village 2; short forms less). */
const REGION_WEIGHT = { full: [3, 3, 2], short: [2, 2, 1.5], weak: [1, 1, 1] } as const;
/** Weights of names outside the city (full, short form). A suppressed name of ours (利辛县城关镇) counts as a city. */
const OUTSIDE_WEIGHT = { province: [1, 0.5], city: [2, 1.5], county: [3, 3], suppressed: [2, 2] } as const;

/** How mentions add up; a city may tune these through the gazetteer input. */
export interface ScoringParams {
  /** Added to the place mentioned first: residents name the problem's place before anything else. */
  firstMention: number;
  /** Each later mention of the same county adds this fraction of its weight. */
  repeat: number;
}

export const DEFAULT_SCORING: ScoringParams = { firstMention: 1, repeat: 0.5 };
/** A mention of the city itself (A市, 阜阳) speaks for "here" against places elsewhere. */
const HOME_WEIGHT = 2;
/** Mentions of where a person is from count this much of their weight. */
const IDENTITY_FACTOR = 0.4;

/** One piece of evidence for a region of ours. */
export interface Hit {
  /** The most specific region it names (county, town or village code). */
  code: string;
  countyCode: string;
  weight: number;
  /** Global order of appearance (address, then title, then text). */
  order: number;
  segment: SegmentName;
  match: PlaceMatch;
  place?: { name: string; kind: PlaceKind; source: 'configured' | 'learned' };
  /** Said of a person (我是A县人, 户口在A县), not of the problem: weighs less, never "first". */
  isIdentity: boolean;
}

/** A name that could not be resolved (several counties, or a weak form without support). */
export interface Unresolved {
  match: PlaceMatch;
  segment: SegmentName;
  options: string[];
}

/** A name outside the city (or one of ours inside such a name). */
export interface OutsideHit {
  /** The outside place it names (合肥市, K1区). */
  name: string;
  weight: number;
  order: number;
  segment: SegmentName;
  match: PlaceMatch;
  isIdentity: boolean;
}

/** Evidence for and against: hits for our regions, names outside the city, unresolved names. */
export interface Evidence {
  hits: Hit[];
  outside: OutsideHit[];
  home: HomeHit[];
  unresolved: Unresolved[];
}

/** A competitor for "where": one of our counties, a place outside the city, or the city itself. */
export interface Candidate {
  kind: 'county' | 'outside' | 'home';
  countyCode: string | null;
  outsideName: string | null;
  score: number;
  firstOrder: number;
}

/** A mention of the city itself (阜阳市): evidence that the appeal is about this city, not elsewhere. */
export interface HomeHit {
  weight: number;
  order: number;
  segment: SegmentName;
  match: PlaceMatch;
  isIdentity: boolean;
}

interface Option {
  code: string;
  countyCode: string;
  weight: number;
  isWeak: boolean;
  place?: Hit['place'];
}

/** Collects evidence from the matches of each segment (in the order given). */
export function collectEvidence(g: Gazetteer, segments: { name: SegmentName; folded: string; matches: PlaceMatch[] }[]): Evidence {
  const ev: Evidence = { hits: [], outside: [], home: [], unresolved: [] };
  const deferred: { match: PlaceMatch; segment: SegmentName; options: Option[]; order: number; isIdentity: boolean }[] = [];
  let order = 0;
  for (const seg of segments) {
    let lastOutside = '';
    const identity = identityChains(seg.folded, seg.matches);
    for (const m of seg.matches) {
      order++;
      const isIdentity = identity.has(m.chain);
      const factor = SEGMENT_WEIGHT[seg.name] * (isIdentity ? IDENTITY_FACTOR : 1);
      if (m.role === 'outside' || m.role === 'suppressed') {
        // 利辛县城关镇: the suppressed 城关镇 belongs to the outside place named just before it.
        const name = m.role === 'outside' ? outsideName(m) : m.outsideOf ? `${m.outsideOf}${m.text}` : lastOutside || m.text;
        lastOutside = name;
        ev.outside.push({ name, match: m, weight: outsideWeight(m) * factor, order, segment: seg.name, isIdentity });
        continue;
      }
      if (m.role === 'home') {
        if (m.alias.targets.some((t) => t.type === 'home' && t.level === 2)) ev.home.push({ match: m, weight: HOME_WEIGHT * factor, order, segment: seg.name, isIdentity });
        continue;
      }
      if (m.role !== 'ours') continue;
      const options = optionsOf(g, m.alias.targets).map((o) => ({ ...o, weight: o.weight * factor }));
      if (options.length === 0) continue;
      const counties = new Set(options.map((o) => o.countyCode));
      if (counties.size === 1 && !options.some((o) => o.isWeak)) addHit(ev, m, seg.name, order, options, isIdentity);
      else deferred.push({ match: m, segment: seg.name, options, order, isIdentity });
    }
  }
  const supported = new Set(ev.hits.map((h) => h.countyCode));
  for (const d of deferred) {
    const inSupported = d.options.filter((o) => supported.has(o.countyCode));
    const counties = new Set(inSupported.map((o) => o.countyCode));
    if (counties.size === 1) addHit(ev, d.match, d.segment, d.order, inSupported, d.isIdentity);
    else if (!d.options.every((o) => o.isWeak)) ev.unresolved.push({ match: d.match, segment: d.segment, options: d.options.map((o) => o.code) });
  }
  ev.hits.sort((a, b) => a.order - b.order);
  return ev;
}

/** Before a mention: "我是", "来自", "户口在" … (the chain may start with the province or city). */
const IDENTITY_BEFORE = /(?:(?:我|本人|他|她|我们|爱人|老公|老婆|丈夫|妻子|父亲|母亲|家人)(?:是|系)|来自|老家(?:在|是)?|户籍(?:在|地|所在地)?(?:是|在|为)?|户口(?:在|是|所在地)?|籍贯(?:是|为)?)$/;
/** After a "我是…" mention: "…人" (a native of), within a few characters (我是A县双江口镇人). */
const IDENTITY_AFTER = /^[\u4e00-\u9fff]{0,6}?[人籍](?![民员士])/;

/** Chains that describe a person's origin rather than the problem's place. */
function identityChains(folded: string, matches: readonly PlaceMatch[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as PlaceMatch;
    if (i > 0 && (matches[i - 1] as PlaceMatch).chain === m.chain) continue;
    let end = m.end;
    for (let j = i + 1; j < matches.length && (matches[j] as PlaceMatch).chain === m.chain; j++) end = (matches[j] as PlaceMatch).end;
    const before = folded.slice(Math.max(0, m.start - 6), m.start);
    const b = IDENTITY_BEFORE.exec(before);
    if (!b) continue;
    const needsPerson = /[是系]$/.test(b[0]) && !/^(?:户|籍|老家)/.test(b[0]);
    if (!needsPerson || IDENTITY_AFTER.test(folded.slice(end, end + 8))) out.add(m.chain);
  }
  return out;
}

/** Adds one hit: the option itself when there is one, else the county all options share. */
function addHit(ev: Evidence, m: PlaceMatch, segment: SegmentName, order: number, options: Option[], isIdentity: boolean): void {
  const first = options[0] as Option;
  const single = options.length === 1 || options.every((o) => o.code === first.code);
  const hit: Hit = {
    code: single ? first.code : first.countyCode,
    countyCode: first.countyCode,
    weight: Math.max(...options.map((o) => o.weight)),
    order,
    segment,
    match: m,
    isIdentity,
  };
  if (single && first.place) hit.place = first.place;
  ev.hits.push(hit);
}

function optionsOf(g: Gazetteer, targets: readonly AliasTarget[]): Option[] {
  const out: Option[] = [];
  for (const t of targets) {
    if (t.type !== 'region' && t.type !== 'place') continue;
    const info = g.regions.get(t.code);
    if (!info?.countyCode) continue;
    if (t.type === 'region') {
      const w = REGION_WEIGHT[t.strength][Math.min(info.level - 3, 2)] ?? 1;
      out.push({ code: t.code, countyCode: info.countyCode, weight: w, isWeak: t.strength === 'weak' });
    } else {
      out.push({ code: t.code, countyCode: info.countyCode, weight: t.weight, isWeak: false, place: { name: t.name, kind: t.kind, source: t.source } });
    }
  }
  return out;
}

function outsideWeight(m: PlaceMatch): number {
  if (m.role === 'suppressed') return OUTSIDE_WEIGHT.suppressed[0];
  const t = m.alias.targets.find((x) => x.type === 'outside');
  // A short form turned outside by its suffix (西湖区) is a county-level place elsewhere.
  return t?.type === 'outside' ? OUTSIDE_WEIGHT[t.level][m.alias.isShort ? 1 : 0] : OUTSIDE_WEIGHT.county[0];
}

function outsideName(m: PlaceMatch): string {
  const t = m.alias.targets.find((x) => x.type === 'outside');
  return t?.type === 'outside' && m.text.length <= t.name.length ? t.name : m.text;
}

/**
 * Scores every county and outside place: within one mention (a chain of adjacent names) a county
 * counts once at its strongest; later mentions add `repeat` of their weight; the place mentioned
 * first gets `firstMention`. Best first.
 */
export function scoreCandidates(ev: Evidence, params: ScoringParams): Candidate[] {
  const mentions: Mention[] = [];
  for (const h of ev.hits) note(mentions, 'county', h.countyCode, h.countyCode, null, h);
  for (const o of ev.outside) note(mentions, 'outside', `out:${o.name}`, null, o.name, o);
  for (const h of ev.home) note(mentions, 'home', 'home', null, null, h);
  mentions.sort((a, b) => a.order - b.order);
  const candidates: (Candidate & { key: string })[] = [];
  let first: string | null = null;
  for (const m of mentions) {
    const c = candidates.find((x) => x.key === m.key);
    if (!c) candidates.push({ key: m.key, kind: m.kind, countyCode: m.countyCode, outsideName: m.outsideName, score: m.weight, firstOrder: m.order });
    else c.score += m.weight * params.repeat;
    // The city itself ("A市…") is context, not a choice between places: it never takes the bonus.
    if (first === null && !m.isIdentity && m.kind !== 'home') first = m.key;
  }
  const firstCandidate = candidates.find((c) => c.key === first);
  if (firstCandidate) firstCandidate.score += params.firstMention;
  return candidates
    .sort((a, b) => b.score - a.score || a.firstOrder - b.firstOrder)
    .map(({ kind, countyCode, outsideName, score, firstOrder }) => ({ kind, countyCode, outsideName, score, firstOrder }));
}

/** One candidate's strongest weight within one mention (chain of adjacent names). */
interface Mention {
  key: string;
  kind: Candidate['kind'];
  countyCode: string | null;
  outsideName: string | null;
  segment: SegmentName;
  chain: number;
  weight: number;
  order: number;
  isIdentity: boolean;
}

function note(
  mentions: Mention[],
  kind: Candidate['kind'],
  key: string,
  countyCode: string | null,
  outsideName: string | null,
  h: { segment: SegmentName; match: PlaceMatch; weight: number; order: number; isIdentity: boolean },
): void {
  const cur = mentions.find((m) => m.key === key && m.segment === h.segment && m.chain === h.match.chain);
  if (!cur) {
    mentions.push({ key, kind, countyCode, outsideName, segment: h.segment, chain: h.match.chain, weight: h.weight, order: h.order, isIdentity: h.isIdentity });
    return;
  }
  cur.weight = Math.max(cur.weight, h.weight);
  cur.order = Math.min(cur.order, h.order);
}
