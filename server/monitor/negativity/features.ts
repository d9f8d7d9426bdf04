// Hashed sparse features for the negativity model: character 1..3-grams (robust to segmentation
// errors and to slang; "不好", "没回复" are themselves n-grams, which covers most negation) and,
// optionally, jieba words, with words inside a negation scope ("不 及时", "没有 回复") emitted as
// separate negated features so "及时" and "不及时" differ.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { normalizeText } from '../schemes/normalize';

/** Feature settings; stored in the model file so scoring always matches training. */
export interface FeatureConfig {
  hashBits: number;
  charNgramMax: number;
  words: boolean;
  negationScope: number;
}

/**
 * Shipped settings: 2^18 buckets, character 1..3-grams only. Jieba word features (words: true)
 * were measured on the held-back split at +0.04 accuracy points (0.9267 vs 0.9263 overall, well
 * inside noise) for ~5x lower throughput (20k vs 110k posts/s), so they are off by default.
 */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { hashBits: 18, charNgramMax: 3, words: false, negationScope: 3 };

// Tokens that open a negation scope, and tokens (punctuation) that close it.
const NEGATORS = new Set(['不', '没', '没有', '未', '无', '别', '不是', '并不', '从不', '不太', '不够', '不能', '未能', '没能', '不会', '毫无', '并未', '从未', '无法']);
const SCOPE_BREAK = /^[\s,.!?;:，。！？；：、~…]+$/;

const SEED_CHAR = [0, 0x2f6b3c1d, 0x51ed2701, 0x7a3c9e5b, 0x1b873593];
const SEED_WORD = 0x3c6ef372;
const SEED_NEG_WORD = 0x6a09e667;

let sharedJieba: Jieba | undefined;
/** Loads jieba and its 5 MB dictionary on first use only: the shipped model does not need them. */
function jieba(): Jieba {
  if (!sharedJieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    sharedJieba = JiebaClass.withDict(dict);
  }
  return sharedJieba;
}

function fmix(h: number, mask: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}

function hashString(seed: number, s: string, mask: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h, mask);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Turns text into a set of hashed feature indices; reuses its buffers, so not re-entrant. */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  readonly size: number;
  private readonly mask: number;
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private codes = new Uint16Array(256);
  private out = new Int32Array(1024);
  private count = 0;
  private names: Map<number, string[]> | undefined;

  constructor(config: FeatureConfig = DEFAULT_FEATURE_CONFIG) {
    this.config = config;
    this.size = 1 << config.hashBits;
    this.mask = this.size - 1;
    this.stamps = new Uint32Array(this.size);
  }

  /** Extracts unique feature indices of already-normalised text; valid until the next call. */
  extract(norm: string): Int32Array {
    this.begin();
    this.charNgrams(norm);
    if (this.config.words) this.wordFeatures(norm);
    return this.out.subarray(0, this.count);
  }

  /** Like extract, but also returns readable names per index (slow path for explanations). */
  extractNamed(text: string): Map<number, string[]> {
    this.names = new Map();
    try {
      this.extract(normalizeText(text));
      return this.names;
    } finally {
      this.names = undefined;
    }
  }

  private begin(): void {
    this.count = 0;
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      // Stamp counter wrapped after 4e9 posts: clear so stale marks cannot alias.
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  private name(index: number, name: string): void {
    const list = this.names?.get(index) ?? [];
    list.push(name);
    this.names?.set(index, list);
  }

  private add(index: number): void {
    if (this.stamps[index] === this.stamp) return;
    this.stamps[index] = this.stamp;
    if (this.count === this.out.length) {
      const bigger = new Int32Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.count++] = index;
  }

  private charNgrams(norm: string): void {
    // Whitespace is dropped and every digit folded to 0 so "3小时" and "2小时" share features.
    if (this.codes.length < norm.length) this.codes = new Uint16Array(norm.length * 2);
    const codes = this.codes;
    let n = 0;
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (isSpace(c)) continue;
      codes[n++] = isDigit(c) ? 0x30 : c;
    }
    const maxN = this.config.charNgramMax;
    for (let i = 0; i < n; i++) {
      for (let k = 1; k <= maxN && i + k <= n; k++) {
        let h = SEED_CHAR[k]! ^ 0x811c9dc5;
        for (let j = i; j < i + k; j++) h = Math.imul(h ^ codes[j]!, 0x01000193);
        const index = fmix(h, this.mask);
        this.add(index);
        if (this.names) this.name(index, 'c:' + String.fromCharCode(...codes.subarray(i, i + k)));
      }
    }
  }

  private wordFeatures(norm: string): void {
    const tokens = jieba().cut(norm, true);
    let scope = 0;
    for (const tok of tokens) {
      if (SCOPE_BREAK.test(tok)) {
        scope = 0;
        continue;
      }
      const negated = scope > 0;
      const index = hashString(negated ? SEED_NEG_WORD : SEED_WORD, tok, this.mask);
      this.add(index);
      if (this.names) this.name(index, (negated ? '¬w:' : 'w:') + tok);
      if (negated) scope--;
      if (NEGATORS.has(tok)) scope = this.config.negationScope;
    }
  }
}
