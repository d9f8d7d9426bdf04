// One hot issue (热点) as plain, JSON-serialisable state, and the pure operations on it: start one,
// let an appeal join, merge two, compare an appeal with it, refresh its label. The in-memory online
// clusterer (online.ts) and the database path (store.ts) share these, so both behave the same.
import { addHeat, appealWeight, combineHeat, DEFAULT_HEAT, shanghaiDay, type HeatOptions } from './heat';
import { issueKeywords, issueLabel } from './label';
import { samePlaceKey, type PlaceKind, type RegionRef } from './places';
import type { Features } from './text';
import { dot, tfidf, unitLength, type DocStats, type Sparse } from './tfidf';

/** An appeal as the clustering sees it. */
export interface ClusterItem {
  id: string;
  title: string;
  text: string;
  /** Submission time, epoch milliseconds. */
  at: number;
  /** Residents' support (点赞/附议). */
  likes?: number;
  /** Against votes (反对), where a board has them. */
  against?: number;
  /** The lead unit's name, when known. */
  unit?: string | null;
  /** The region a gazetteer placed it in, when known. */
  region?: RegionRef | null;
}

/** A place with how many member appeals name it. */
export interface PlaceCount {
  name: string;
  key: string;
  kind: PlaceKind;
  count: number;
  /** How many members name it in their title (titles name the place the resident means). */
  inTitles: number;
}

/** A hot issue. Times are epoch milliseconds; `days` are Asia/Shanghai dates. */
export interface HotIssueState {
  v: 1;
  /** Sum of members' unit-length raw term vectors (the centroid before IDF), cut to the heaviest terms. */
  terms: Record<string, number>;
  size: number;
  likes: number;
  against: number;
  heat: number;
  heatAt: number;
  firstAt: number;
  lastAt: number;
  places: PlaceCount[];
  regions: Record<string, number>;
  units: Record<string, number>;
  days: Record<string, number>;
  /** Label candidates: members' titles with their similarity to the issue when they joined. */
  titles: { id: string; title: string; sim: number }[];
  label: string;
  keywords: string[];
}

/** Clustering settings. */
export interface ClusterOptions {
  /** Least cosine similarity (TF-IDF, appeal vs centroid) for an appeal to join an issue. */
  threshold: number;
  /** Least centroid–centroid similarity at which two issues merge. */
  mergeThreshold: number;
  /** An issue quiet for longer than this takes no new appeals: the problem came back, a new issue starts. */
  maxGapDays: number;
  /** Terms kept per centroid. */
  maxTerms: number;
  heat: HeatOptions;
}

export const DEFAULT_CLUSTER: ClusterOptions = { threshold: 0.4, mergeThreshold: 0.55, maxGapDays: 60, maxTerms: 80, heat: DEFAULT_HEAT };

const MAX_TITLES = 12;
const MAX_PLACES = 20;

function bump(map: Record<string, number>, key: string | null | undefined, n = 1): void {
  if (key) map[key] = (map[key] ?? 0) + n;
}

/** The centroid, IDF-weighted and of unit length. */
export function centroidVector(issue: HotIssueState, stats: DocStats): Sparse {
  return tfidf(new Map(Object.entries(issue.terms)), stats);
}

/** Cosine similarity of an appeal's TF-IDF vector (unit length) with an issue. */
export function similarityTo(issue: HotIssueState, vector: Sparse, stats: DocStats): number {
  return dot(vector, centroidVector(issue, stats));
}

/** How much a place mismatch scales similarity: 油烟 at one estate is not 油烟 at another. */
export const PLACE_MISMATCH_FACTOR = 0;

/**
 * Whether an appeal is about another place than the issue: its title names a fine-grained place
 * (community, landmark, road, town) and nowhere does it name the issue's main place.
 */
export function isElsewhere(issue: HotIssueState, f: Features): boolean {
  const main = mainPlace(issue);
  if (!main || !f.titlePlaces.some((p) => p.kind !== 'county')) return false;
  return !f.places.some((p) => samePlaceKey(p.key, main.key));
}

/** Similarity of an appeal with an issue, scaled down when the appeal is about another place. */
export function placeAwareSimilarity(issue: HotIssueState, vector: Sparse, f: Features, stats: DocStats): number {
  const sim = similarityTo(issue, vector, stats);
  return isElsewhere(issue, f) ? sim * PLACE_MISMATCH_FACTOR : sim;
}

/** Keeps the `max` heaviest terms by IDF-weighted value, so centroids stay small as issues grow. */
function truncateTerms(terms: Record<string, number>, stats: DocStats, max: number): Record<string, number> {
  const entries = Object.entries(terms);
  if (entries.length <= max) return terms;
  const weighted = entries.map(([t, v]) => [t, v, v * stats.idf(t)] as const);
  weighted.sort((a, b) => b[2] - a[2]);
  return Object.fromEntries(weighted.slice(0, max).map(([t, v]) => [t, v]));
}

function addPlaces(issue: HotIssueState, places: readonly PlaceCount[]): void {
  for (const p of places) {
    const found = issue.places.find((q) => q.key === p.key);
    if (found) {
      found.count += p.count;
      found.inTitles += p.inTitles;
    } else issue.places.push({ ...p });
  }
  issue.places.sort((a, b) => b.count - a.count || b.inTitles - a.inTitles);
  issue.places.length = Math.min(issue.places.length, MAX_PLACES);
}

/** One appeal's places as counts. */
function placeCounts(f: Features): PlaceCount[] {
  const inTitle = new Set(f.titlePlaces.map((p) => p.key));
  return f.places.map((p) => ({ name: p.name, key: p.key, kind: p.kind, count: 1, inTitles: inTitle.has(p.key) ? 1 : 0 }));
}

/** The place that names the issue: the fine-grained place most titles name, if at least a third of them do. */
export function mainPlace(issue: HotIssueState): PlaceCount | null {
  let top: PlaceCount | null = null;
  for (const p of issue.places) if (p.kind !== 'county' && (!top || p.inTitles > top.inTitles)) top = p;
  return top && top.inTitles > 0 && top.inTitles * 3 >= issue.size ? top : null;
}

/**
 * Recomputes label and keywords from the current state and statistics. Start, join and merge leave
 * the label empty (labelling costs a segmentation per candidate title): call this before showing one.
 */
export function relabel(issue: HotIssueState, stats: DocStats): void {
  issue.keywords = issueKeywords(issue.terms, stats);
  const place = mainPlace(issue);
  issue.label = issueLabel(
    issue.titles.map((t) => t.title),
    issue.terms,
    stats,
    place ? { name: place.name, key: place.key, kind: place.kind } : null,
  );
}

/** Adds the appeal's bookkeeping (size, likes, heat, dates, places, units) to an issue. */
function count(issue: HotIssueState, item: ClusterItem, f: Features, opt: ClusterOptions): void {
  issue.size += 1;
  issue.likes += item.likes ?? 0;
  issue.against += item.against ?? 0;
  const h = addHeat({ heat: issue.heat, heatAt: issue.heatAt }, appealWeight(item.likes, item.against), item.at, opt.heat);
  issue.heat = h.heat;
  issue.heatAt = h.heatAt;
  issue.firstAt = Math.min(issue.firstAt, item.at);
  issue.lastAt = Math.max(issue.lastAt, item.at);
  bump(issue.days, shanghaiDay(item.at));
  bump(issue.units, item.unit);
  bump(issue.regions, item.region?.code);
  addPlaces(issue, placeCounts(f));
}

/** A new issue holding one appeal. */
export function startIssue(item: ClusterItem, f: Features, stats: DocStats, opt: ClusterOptions = DEFAULT_CLUSTER): HotIssueState {
  const issue: HotIssueState = {
    v: 1,
    terms: truncateTerms(Object.fromEntries(unitLength(f.terms)), stats, opt.maxTerms),
    size: 0,
    likes: 0,
    against: 0,
    heat: 0,
    heatAt: item.at,
    firstAt: item.at,
    lastAt: item.at,
    places: [],
    regions: {},
    units: {},
    days: {},
    titles: [{ id: item.id, title: item.title, sim: 1 }],
    label: '',
    keywords: [],
  };
  count(issue, item, f, opt);
  return issue;
}

/** Lets an appeal join an issue (in place); `sim` is its similarity to the issue before joining. */
export function joinIssue(issue: HotIssueState, item: ClusterItem, f: Features, sim: number, stats: DocStats, opt: ClusterOptions = DEFAULT_CLUSTER): void {
  const terms = { ...issue.terms };
  for (const [t, v] of unitLength(f.terms)) terms[t] = (terms[t] ?? 0) + v;
  issue.terms = truncateTerms(terms, stats, opt.maxTerms);
  count(issue, item, f, opt);
  issue.titles.push({ id: item.id, title: item.title, sim });
  issue.titles.sort((a, b) => b.sim - a.sim);
  issue.titles.length = Math.min(issue.titles.length, MAX_TITLES);
  issue.label = '';
}

/** Merges issue `b` into `a` (in place): the clusters converged. */
export function mergeInto(a: HotIssueState, b: HotIssueState, stats: DocStats, opt: ClusterOptions = DEFAULT_CLUSTER): void {
  const terms = { ...a.terms };
  for (const [t, v] of Object.entries(b.terms)) terms[t] = (terms[t] ?? 0) + v;
  a.terms = truncateTerms(terms, stats, opt.maxTerms);
  a.size += b.size;
  a.likes += b.likes;
  a.against += b.against;
  const h = combineHeat({ heat: a.heat, heatAt: a.heatAt }, { heat: b.heat, heatAt: b.heatAt }, opt.heat);
  a.heat = h.heat;
  a.heatAt = h.heatAt;
  a.firstAt = Math.min(a.firstAt, b.firstAt);
  a.lastAt = Math.max(a.lastAt, b.lastAt);
  for (const [k, n] of Object.entries(b.days)) bump(a.days, k, n);
  for (const [k, n] of Object.entries(b.units)) bump(a.units, k, n);
  for (const [k, n] of Object.entries(b.regions)) bump(a.regions, k, n);
  addPlaces(a, b.places);
  a.titles = [...a.titles, ...b.titles].sort((x, y) => y.sim - x.sim).slice(0, MAX_TITLES);
  a.label = '';
}

/** Whether an issue's members name a place (at least a quarter of them). */
function names(issue: HotIssueState, place: PlaceCount): boolean {
  return issue.places.some((p) => samePlaceKey(p.key, place.key) && p.count * 4 >= issue.size);
}

/**
 * Centroid–centroid cosine similarity of two issues, scaled down when they are about different
 * places: each has a main place and neither names the other's (武广新城 issues that name 伊景园滨河苑
 * still merge with the 伊景园滨河苑 issue).
 */
export function issueSimilarity(a: HotIssueState, b: HotIssueState, stats: DocStats): number {
  const sim = dot(centroidVector(a, stats), centroidVector(b, stats));
  const pa = mainPlace(a);
  const pb = mainPlace(b);
  const isApart = pa !== null && pb !== null && !names(a, pb) && !names(b, pa);
  return isApart ? sim * PLACE_MISMATCH_FACTOR : sim;
}

/** Whether an issue still takes appeals made at `at`. */
export function isActive(issue: HotIssueState, at: number, opt: ClusterOptions = DEFAULT_CLUSTER): boolean {
  return at - issue.lastAt <= opt.maxGapDays * 86_400_000;
}

/** Checks parsed JSON (e.g. the database's `centroid` column) is an issue state this code understands. */
export function parseIssueState(json: unknown): HotIssueState {
  const o = json as Partial<HotIssueState> | null;
  if (!o || o.v !== 1 || typeof o.terms !== 'object' || typeof o.size !== 'number' || !Array.isArray(o.titles)) {
    throw new Error('hot issue state: unknown format');
  }
  return o as HotIssueState;
}
