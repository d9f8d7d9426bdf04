// Text features of one appeal for near-duplicates and hot issues: content words (jieba, stop-words
// dropped, title words counted twice), the places it names as extra terms (so 伊景园滨河苑 is one
// feature even where jieba cuts it into pieces), and character 5-gram shingles for reposts.
import { segmenter } from '../../text/segment';
import { extractPlaces, type PlaceToken } from './places';
import { STOP_WORDS } from './stopwords';
import { intersectSize } from '../../text/sorted';

/** What the clustering needs to know about an appeal's text. */
export interface AppealText {
  title: string;
  text: string;
}

/** Features of one appeal; `terms` are raw weights, TF-IDF is applied against the current statistics. */
export interface Features {
  /** term → sublinear, title-boosted term frequency. Place terms start with '@'. */
  terms: Map<string, number>;
  /** Places named in the title (the place a resident means, usually). */
  titlePlaces: PlaceToken[];
  /** Places named anywhere (title first). */
  places: PlaceToken[];
  /** Sorted, distinct hashes of character 5-grams of the whitespace- and punctuation-free text. */
  shingles: Int32Array;
}

const TITLE_WEIGHT = 2;
/** Distinct body words beyond which the body's weights are damped by √(30 / n). */
const BODY_TERMS = 30;
const SHINGLE = 5;

/** NFKC (full-width → ASCII) and collapsed whitespace; the scraped texts start with runs of tabs. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

// Anonymised and coded admin names (A市, A3区) confuse jieba (it cuts 市伊|景园); they are removed
// before segmenting and kept as place terms instead.
const CODED_ADMIN = /[A-Za-z][0-9]{0,2}(?:省|市|区|县)/g;
const HAS_LETTER = /[\p{Script=Han}a-z]/u;

/** Content words of a text: jieba's precise cut, lower-cased, no stop-words, no single characters or numbers. */
export function contentWords(text: string): string[] {
  const s = normalise(text).toLowerCase().replace(CODED_ADMIN, ' ');
  const out: string[] = [];
  for (const raw of segmenter().cut(s, true)) {
    const w = raw.trim();
    if (w.length < 2 || STOP_WORDS.has(w) || !HAS_LETTER.test(w)) continue;
    if (/^[0-9.,:%]+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** FNV-1a with a final mix: fast 32-bit hash for shingles. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) | 0;
}

/** Character 5-gram shingles of the text without whitespace and punctuation. */
export function shingles(text: string): Int32Array {
  const s = normalise(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const set = new Set<number>();
  if (s.length > 0 && s.length <= SHINGLE) set.add(hash32(s));
  for (let i = 0; i + SHINGLE <= s.length; i++) set.add(hash32(s.slice(i, i + SHINGLE)));
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** Share of the smaller shingle set found in the other: 1 for a repost or a truncated copy. */
export function shingleContainment(a: Int32Array, b: Int32Array): number {
  const smaller = Math.min(a.length, b.length);
  // Very short texts share 5-grams by chance ("小区门口垃圾"), so they never count as copies.
  if (smaller < 12) return 0;
  return intersectSize(a, b) / smaller;
}

/**
 * Builds the features of one appeal. A term weighs 1 + ln(count in the body), plus 2 when the title
 * has it: titles name the problem in a few words, bodies repeat words with length.
 */
export function extractFeatures(appeal: AppealText): Features {
  const title = normalise(appeal.title);
  const body = normalise(appeal.text);
  const bodyCounts = new Map<string, number>();
  for (const w of contentWords(body)) bodyCounts.set(w, (bodyCounts.get(w) ?? 0) + 1);
  const inTitle = new Set(contentWords(title));
  const titlePlaces = extractPlaces(title);
  const places = [...titlePlaces];
  const titleKeys = new Set(titlePlaces.map((p) => p.key));
  for (const p of extractPlaces(body)) if (!titleKeys.has(p.key)) places.push(p);
  const placeTerms = new Map<string, number>();
  // County names are shared by thousands of appeals; only finer places identify a problem's place.
  for (const p of places) if (p.kind !== 'county') placeTerms.set(`@${p.key.toLowerCase()}`, titleKeys.has(p.key) ? TITLE_WEIGHT + 1 : 1);
  const terms = new Map<string, number>(placeTerms);
  // Long letters hold many words of their own (names, idioms): damp the body so that its length does
  // not drown what the title says (cosine similarity otherwise favours short texts).
  const damp = Math.min(1, Math.sqrt(BODY_TERMS / Math.max(1, bodyCounts.size)));
  for (const [t, c] of bodyCounts) terms.set(t, (1 + Math.log(c)) * damp);
  for (const t of inTitle) terms.set(t, (terms.get(t) ?? 0) + TITLE_WEIGHT);
  return { terms, titlePlaces, places, shingles: shingles(`${title}${body}`) };
}
