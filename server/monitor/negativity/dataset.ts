// Loading the labelled sentiment corpora and the fixed held-back split shared by the training
// script, the benchmark and the tests, so every number quoted is measured on the same rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv';

/** The corpora trained on (see ../shared/data/sentiment-cn/SOURCE.md). */
export const SENTIMENT_FILES = ['waimai_10k.csv', 'online_shopping_10_cats.csv'] as const;

/** Default location of the corpora relative to this module (repo checked out next to ../shared). */
export const DEFAULT_SENTIMENT_DIR = new URL('../../../../shared/data/sentiment-cn/', import.meta.url);

/** One labelled review from the corpora. */
export interface LabelledPost {
  file: string;
  text: string;
  /** True when the review is labelled negative (label 0 in the corpora). */
  negative: boolean;
}

/** FNV-1a over UTF-16 code units followed by murmur3's fmix32, so low bits are well mixed. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The held-back 20 %: decided by the text alone, so duplicate reviews never straddle the split. */
export function isHeldBack(text: string): boolean {
  return stableHash(text) % 10 < 2;
}

/** Reads both corpora; drops empty reviews and strips the stray BOM some reviews carry. */
export function loadSentimentCorpus(dir: string | URL = DEFAULT_SENTIMENT_DIR): LabelledPost[] {
  const base = dir instanceof URL ? fileURLToPath(dir) : dir;
  const posts: LabelledPost[] = [];
  for (const file of SENTIMENT_FILES) {
    const records = parseCsvRecords(readFileSync(join(base, file), 'utf8'));
    for (const r of records) {
      const text = (r.review ?? '').replace(/\uFEFF/g, '').trim();
      if (text === '' || (r.label !== '0' && r.label !== '1')) continue;
      posts.push({ file, text, negative: r.label === '0' });
    }
  }
  return posts;
}

/** Splits posts into the training part and the fixed held-back part. */
export function splitCorpus(posts: LabelledPost[]): { train: LabelledPost[]; heldBack: LabelledPost[] } {
  const train: LabelledPost[] = [];
  const heldBack: LabelledPost[] = [];
  for (const p of posts) (isHeldBack(p.text) ? heldBack : train).push(p);
  return { train, heldBack };
}
