// Hashed bag-of-features: jieba words (optionally word pairs) and character n-grams, each in its
// own hash namespace, weighted by sublinear TF × IDF and L2-normalised. Hashing keeps the model
// free of a vocabulary (fast to load, no string lookups at classification time).
import { getSegmenter, isBreakChar, normaliseText, type Segmenter } from './text';

/** Feature extraction settings; stored in the model file so classification repeats training exactly. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  hashBits: number;
  /** 1 = words only, 2 = words and adjacent word pairs, 0 = no word features. */
  wordNgrams: number;
  /** Inclusive range of character n-gram lengths; [0, 0] disables them. */
  charNgrams: [number, number];
  /** Also emit title words in a separate namespace so a title can weigh more than body text. */
  titleFeatures: boolean;
  /** Map ASCII digits to 0 in character n-grams (phone numbers, dates are noise for routing). */
  foldDigits: boolean;
  /** Use 1 + ln(tf) instead of raw counts. */
  sublinearTf: boolean;
  /** Buckets seen in fewer training documents are dropped (their IDF is 0). */
  minDf: number;
  /** Place and unit names that jieba must keep whole. */
  userWords: string[];
  /** Let jieba's HMM guess out-of-dictionary words (absent in older models, which used it). */
  hmm?: boolean;
}

/** Defaults chosen by cross-validation on the training part only (see README). */
export const DEFAULT_FEATURES: FeatureConfig = {
  hashBits: 20,
  wordNgrams: 1,
  charNgrams: [1, 3],
  titleFeatures: true,
  foldDigits: true,
  sublinearTf: true,
  minDf: 3,
  userWords: [],
  hmm: false,
};

/** A sparse row: parallel bucket indices and values. */
export interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

const NS_WORD = 0x811c9dc5;
const NS_PAIR = 0x01000193;
const NS_TITLE = 0x5bd1e995;
const NS_CHAR = [0x9e3779b1, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c];

/** FNV-1a step over one UTF-16 code unit. */
function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

/** Hashes a string in a namespace (FNV-1a with a final avalanche so low bits are well mixed). */
export function hashString(ns: number, s: string): number {
  let h = ns >>> 0;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** Turns (title, text) into raw hashed term counts, then into TF-IDF vectors once IDF is known. */
export class Featurizer {
  readonly config: FeatureConfig;
  private readonly segmenter: Segmenter;
  private readonly mask: number;
  // Uint16 counts keep the 2^20-bucket scratch at 2 MB, which matters for cache misses.
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private codes: Int32Array = new Int32Array(4096);

  constructor(config: FeatureConfig) {
    this.config = config;
    this.segmenter = getSegmenter(config.userWords);
    this.mask = (1 << config.hashBits) - 1;
    this.counts = new Uint16Array(1 << config.hashBits);
    this.touched = new Int32Array(1 << config.hashBits);
  }

  private add(h: number): void {
    const b = h & this.mask;
    const c = this.counts[b] as number;
    if (c === 0) this.touched[this.nTouched++] = b;
    if (c < 0xffff) this.counts[b] = c + 1;
  }

  private addWords(words: string[], pairs: boolean): void {
    let prev = 0;
    for (let i = 0; i < words.length; i++) {
      const h = hashString(NS_WORD, words[i] as string);
      this.add(h);
      // Pair hash from the two word hashes: no string concatenation on the hot path.
      if (pairs && i > 0) this.add(mix(Math.imul(prev ^ NS_PAIR, 0x9e3779b1) + h));
      prev = h;
    }
  }

  private addCharNgrams(s: string): void {
    const [lo, hi] = this.config.charNgrams;
    if (hi <= 0) return;
    if (this.codes.length < s.length) this.codes = new Int32Array(s.length * 2);
    const codes = this.codes;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (this.config.foldDigits && c >= 0x30 && c <= 0x39) c = 0x30;
      codes[i] = isBreakChar(c) ? -1 : c;
    }
    for (let i = 0; i < s.length; i++) {
      // n-grams never span punctuation or spaces: those are clause boundaries.
      for (let n = 1, h = 0; n <= hi && i + n <= s.length; n++) {
        const c = codes[i + n - 1] as number;
        if (c < 0) break;
        h = n === 1 ? fnv(NS_CHAR[0] as number, c) : fnv(h, c);
        if (n >= lo) this.add(mix(h ^ (NS_CHAR[n] ?? n)));
      }
    }
  }

  /** Raw hashed counts of one document (indices unsorted). */
  countVector(title: string, text: string): SparseVec {
    const t = normaliseText(title);
    const main = normaliseText(text);
    this.nTouched = 0;
    if (this.config.wordNgrams > 0) {
      // Segment title and body separately (a title never runs into the body's first word) and
      // reuse the title's words for the title namespace instead of cutting it twice.
      const hmm = this.config.hmm ?? true;
      const titleWords = this.segmenter.words(t, hmm);
      const words = titleWords.length > 0 ? titleWords.concat(this.segmenter.words(main, hmm)) : this.segmenter.words(main, hmm);
      this.addWords(words, this.config.wordNgrams >= 2);
      if (this.config.titleFeatures) for (const w of titleWords) this.add(hashString(NS_TITLE, w));
    }
    // Title and body separately: n-grams never cross from one into the other anyway.
    if (t.length > 0) this.addCharNgrams(t);
    this.addCharNgrams(main);
    // Ascending buckets: canonical order, and the model's table lookups then walk memory forwards.
    this.touched.subarray(0, this.nTouched).sort();
    const idx = new Int32Array(this.nTouched);
    const val = new Float32Array(this.nTouched);
    for (let i = 0; i < this.nTouched; i++) {
      const b = this.touched[i] as number;
      idx[i] = b;
      val[i] = this.counts[b] as number;
      this.counts[b] = 0;
    }
    return { idx, val };
  }

  /** TF-IDF weighting and L2 normalisation of a count vector; buckets with IDF 0 are dropped. */
  weight(counts: SparseVec, idf: Float32Array): SparseVec {
    const n = counts.idx.length;
    const idx = new Int32Array(n);
    const val = new Float32Array(n);
    let k = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const b = counts.idx[i] as number;
      const w = idf[b] as number;
      if (w === 0) continue;
      const tf = counts.val[i] as number;
      const v = (this.config.sublinearTf ? 1 + Math.log(tf) : tf) * w;
      idx[k] = b;
      val[k] = v;
      norm += v * v;
      k++;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < k; i++) val[i] = (val[i] as number) * inv;
    return { idx: idx.slice(0, k), val: val.slice(0, k) };
  }

  /** Featurises one document with a fitted IDF. */
  transform(title: string, text: string, idf: Float32Array): SparseVec {
    return this.weight(this.countVector(title, text), idf);
  }
}

/** Smoothed IDF (ln((1+N)/(1+df)) + 1) over count vectors; buckets below minDf get 0. */
export function fitIdf(docs: readonly SparseVec[], hashBits: number, minDf: number): Float32Array {
  const df = new Int32Array(1 << hashBits);
  for (const d of docs) for (let i = 0; i < d.idx.length; i++) df[d.idx[i] as number] = (df[d.idx[i] as number] as number) + 1;
  const idf = new Float32Array(1 << hashBits);
  const n = docs.length;
  for (let b = 0; b < df.length; b++) {
    const c = df[b] as number;
    if (c >= minDf && c > 0) idf[b] = Math.log((1 + n) / (1 + c)) + 1;
  }
  return idf;
}
