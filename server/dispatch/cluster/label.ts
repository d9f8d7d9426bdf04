// Readable names for hot issues: the member title closest to the centroid, cleaned of petition
// openers ("关于…的问题") and anonymised city prefixes, prefixed with the issue's main place when the
// title does not name it; plus keywords (the heaviest TF-IDF terms of the centroid).
import { extractPlaces, type PlaceToken } from './places';
import { TITLE_PREFIXES, TITLE_SUFFIXES } from './stopwords';
import { extractFeatures, normalise } from './text';
import { dot, tfidf, topTerms, type DocStats, type Sparse } from './tfidf';

/** Longest label, in characters; longer ones are cut with an ellipsis. */
export const LABEL_MAX = 24;

/** The centroid weighted by the current IDF and scaled to unit length. */
export function weightedCentroid(terms: Readonly<Record<string, number>>, stats: DocStats): Sparse {
  return tfidf(new Map(Object.entries(terms)), stats);
}

/** The `k` most telling words of an issue (place terms left out: places are listed on their own). */
export function issueKeywords(terms: Readonly<Record<string, number>>, stats: DocStats, k = 8): string[] {
  const c = weightedCentroid(terms, stats);
  for (const t of [...c.keys()]) if (t.startsWith('@')) c.delete(t);
  return topTerms(c, k).map(([t]) => t);
}

/** A title without petition openers and closers, city prefixes and trailing punctuation. */
export function cleanTitle(title: string): string {
  let s = normalise(title).replace(/[?？!！。.，,、;；:：\s]+$/u, '');
  for (let changed = true; changed; ) {
    changed = false;
    const before = s;
    s = s.replace(/^[A-Z][0-9]{0,2}[省市](?=[^\s])/u, '');
    for (const p of TITLE_PREFIXES) if (s.startsWith(p) && s.length > p.length + 4) s = s.slice(p.length);
    for (const p of TITLE_SUFFIXES) if (s.endsWith(p) && s.length > p.length + 4) s = s.slice(0, -p.length);
    s = s.replace(/^[，,、:：\s]+|[?？!！。.，,、;；:：\s]+$/gu, '');
    changed = s !== before;
  }
  return s;
}

/** Cuts a label to LABEL_MAX characters. */
export function shorten(s: string, max = LABEL_MAX): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** The title (of those given) most like the centroid; ties go to the shorter one. */
export function representativeTitle(titles: readonly string[], terms: Readonly<Record<string, number>>, stats: DocStats): string | null {
  const c = weightedCentroid(terms, stats);
  let best: string | null = null;
  let bestScore = -1;
  for (const title of titles) {
    const v = tfidf(extractFeatures({ title, text: '' }).terms, stats);
    const score = dot(v, c) - title.length * 1e-4;
    if (score > bestScore) {
      best = title;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The label of an issue: its representative title, cleaned; the main fine-grained place goes in
 * front when the title does not name it (so two issues about 油烟 read 「魅力之城 …」 and 「…」).
 */
export function issueLabel(titles: readonly string[], terms: Readonly<Record<string, number>>, stats: DocStats, mainPlace: PlaceToken | null): string {
  const title = representativeTitle(titles, terms, stats);
  if (!title) return mainPlace?.name ?? '（无标题）';
  let label = cleanTitle(title);
  // Only an estate, landmark or road is worth a prefix, and only when the title names no such place itself.
  const isFine = (kind: string): boolean => kind === 'community' || kind === 'landmark' || kind === 'road';
  if (mainPlace && isFine(mainPlace.kind) && !label.includes(mainPlace.key) && !extractPlaces(title).some((p) => isFine(p.kind))) {
    label = `${mainPlace.name} ${label}`;
  }
  return shorten(label);
}
