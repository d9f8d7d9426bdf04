// Near-duplicate appeals (疑似重复): the same problem at the same place within a time window,
// proposed to the dispatcher for merging (并案). A pair's score is its text similarity (the larger of
// TF-IDF cosine and 5-gram containment, which catches reposts and truncated copies), raised when both
// name the same fine-grained place and lowered when their places clearly differ or they lie far apart
// in time. Every proposal carries its reasons in Chinese, e.g.
// 文本相似度0.82；同一小区「伊景园滨河苑」；相隔2天.
import { compareRegions, comparePlaces, PLACE_KIND_LABELS, samePlaceKey, type PlaceToken, type RegionRef } from './places';
import { extractFeatures, shingleContainment, type Features } from './text';
import { dot, tfidf, topTerms, type DocStats, type Sparse } from './tfidf';
import { DAY_MS } from '../../../shared/calendar/dates';

/** An appeal as duplicate detection sees it. */
export interface DuplicateItem {
  id: string;
  title: string;
  text: string;
  /** Submission time, epoch milliseconds. */
  at: number;
  /** The region a gazetteer placed it in, when known (the integrator passes it; optional). */
  region?: RegionRef | null;
}

/** Duplicate detection settings. */
export interface DuplicateOptions {
  /** Only appeals at most this many days apart are compared. */
  windowDays: number;
  /** Least score for a proposal. */
  minScore: number;
  /** Least text similarity, whatever the places say. */
  minText: number;
  /** Most proposals per appeal (the best ones). */
  maxPerAppeal: number;
}

export const DEFAULT_DUPLICATES: DuplicateOptions = { windowDays: 30, minScore: 0.6, minText: 0.4, maxPerAppeal: 5 };

/** An appeal prepared once for many comparisons. */
export interface PreparedItem {
  item: DuplicateItem;
  features: Features;
  vector: Sparse;
}

/** A proposed duplicate pair: `laterId` is the newer appeal, `earlierId` the one to merge into. */
export interface DuplicatePair {
  laterId: string;
  earlierId: string;
  score: number;
  textSimilarity: number;
  reasons: string[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Features and TF-IDF vector of an appeal. */
export function prepare(item: DuplicateItem, stats: DocStats, features: Features = extractFeatures(item)): PreparedItem {
  return { item, features, vector: tfidf(features.terms, stats) };
}

const PLACE_BONUS: Record<PlaceToken['kind'], number> = { community: 0.15, landmark: 0.15, road: 0.08, town: 0.08, county: 0 };

/** A place's name ends in a two-character suffix (小区, 花园, 大道, 街道…): a confident reading. */
const isStrongName = (p: PlaceToken): boolean => p.name.length - p.key.length >= 2;

/**
 * The shared place to cite: one both titles name, else one a title names, else a confidently read
 * one from the bodies (bodies hold more false readings: 来自农村 is not a village).
 */
function bestSharedPlace(shared: readonly PlaceToken[], a: PreparedItem, b: PreparedItem): PlaceToken | null {
  const inTitle = (f: Features, p: PlaceToken): number => (f.titlePlaces.some((t) => samePlaceKey(t.key, p.key)) ? 1 : 0);
  let best: PlaceToken | null = null;
  let bestRank = -1;
  for (const p of shared) {
    const titles = inTitle(a.features, p) + inTitle(b.features, p);
    if (titles === 0 && (!isStrongName(p) || p.kind === 'county')) continue;
    const rank = titles * 10 + (5 - PLACE_RANK[p.kind]);
    if (rank > bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

const PLACE_RANK: Record<PlaceToken['kind'], number> = { community: 0, landmark: 1, road: 2, town: 3, county: 4 };

/** What the places of two appeals add to (or take from) their score, with the reasons. */
function placeEffect(a: PreparedItem, b: PreparedItem): { delta: number; reasons: string[]; isConflict: boolean } {
  const reasons: string[] = [];
  const all = comparePlaces(a.features.places, b.features.places);
  const titles = comparePlaces(a.features.titlePlaces, b.features.titlePlaces);
  let delta = 0;
  const best = bestSharedPlace(all.shared, a, b);
  if (best) {
    delta += PLACE_BONUS[best.kind];
    reasons.push(best.kind === 'county' ? `同在「${best.name}」` : `同一${PLACE_KIND_LABELS[best.kind]}「${best.name}」`);
  }
  const region = compareRegions(a.item.region, b.item.region);
  if (region === 'same') {
    delta += 0.05;
    if (!best) reasons.push('同一行政区划');
  }
  // Titles say where the problem is; two titles naming different places are two problems.
  const isConflict = (titles.isConflict && !all.shared.some((p) => p.kind !== 'county')) || region === 'different';
  if (isConflict) {
    delta -= 0.25;
    reasons.push('地点不同');
  }
  return { delta, reasons, isConflict };
}

/** Scores one pair; null when it is not a proposal (too far apart, too different). */
export function scorePair(a: PreparedItem, b: PreparedItem, opt: DuplicateOptions = DEFAULT_DUPLICATES): DuplicatePair | null {
  const [later, earlier] = a.item.at >= b.item.at ? [a, b] : [b, a];
  const gapDays = (later.item.at - earlier.item.at) / DAY_MS;
  if (gapDays > opt.windowDays || a.item.id === b.item.id) return null;
  const cosine = dot(a.vector, b.vector);
  const containment = shingleContainment(a.features.shingles, b.features.shingles);
  const text = Math.max(cosine, containment);
  if (text < opt.minText) return null;
  const place = placeEffect(a, b);
  // Different places make different problems, even in a letter copied from a neighbour; only a
  // verbatim copy (a repost whose place reading went astray) survives a conflict.
  if (place.isConflict && containment < 0.95) return null;
  const timePenalty = 0.1 * (gapDays / opt.windowDays);
  const score = Math.max(0, Math.min(1, text + place.delta - timePenalty));
  if (score < opt.minScore) return null;
  const reasons = [containment >= 0.8 ? `内容几乎相同（重合${Math.round(containment * 100)}%）` : `文本相似度${round2(text).toFixed(2)}`, ...place.reasons];
  const days = Math.round(gapDays);
  reasons.push(days === 0 ? '同一天提交' : `相隔${days}天`);
  return { laterId: later.item.id, earlierId: earlier.item.id, score: round2(score), textSimilarity: round2(text), reasons };
}

/** The best proposals for one new appeal among earlier ones (e.g. candidates read from the database). */
export function duplicatesOf(target: PreparedItem, others: readonly PreparedItem[], opt: DuplicateOptions = DEFAULT_DUPLICATES): DuplicatePair[] {
  const out: DuplicatePair[] = [];
  for (const o of others) {
    const p = scorePair(target, o, opt);
    if (p) out.push(p);
  }
  return out.sort((x, y) => y.score - x.score).slice(0, opt.maxPerAppeal);
}

/**
 * All proposals in a batch of appeals (the CLI): appeals are taken in time order and compared with
 * earlier ones in the window that share one of their heaviest terms (an inverted index keeps this
 * near-linear). Each appeal keeps its best `maxPerAppeal` proposals.
 */
export function findDuplicatePairs(items: readonly PreparedItem[], opt: DuplicateOptions = DEFAULT_DUPLICATES): DuplicatePair[] {
  const sorted = [...items].sort((a, b) => a.item.at - b.item.at);
  const postings = new Map<string, number[]>();
  const pairs: DuplicatePair[] = [];
  sorted.forEach((p, i) => {
    const candidates = new Set<number>();
    const keys = topTerms(p.vector, 8).map(([t]) => t);
    for (const t of keys) {
      const list = postings.get(t);
      if (!list) continue;
      for (let k = list.length - 1; k >= 0; k--) {
        const j = list[k] as number;
        if (p.item.at - (sorted[j] as PreparedItem).item.at > opt.windowDays * DAY_MS) break;
        candidates.add(j);
      }
    }
    const found = duplicatesOf(p, [...candidates].map((j) => sorted[j] as PreparedItem), opt);
    pairs.push(...found);
    for (const t of keys) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return pairs;
}
