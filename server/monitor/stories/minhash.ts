// Near-duplicate detection for stories (事件聚合): MinHash over character 3-gram shingles with
// locality-sensitive hashing. Chinese reposts of one event differ by a few inserted words, emoji,
// @mentions or a changed ending; 3-grams of the text with punctuation and spaces removed are
// robust to all of those, and need no segmentation. A post is compared with a story's first post:
//   estimated Jaccard(post, story) = share of the K signature positions that are equal.
// LSH: the K = 24 values form 8 bands of 3; two texts sharing any whole band are candidates
// (probability 1 - (1 - J^3)^8: 0.97 at J = 0.7, 0.86 at 0.6, 0.66 at 0.5, 0.04 at 0.2), so
// unrelated posts almost never meet and the database lookup is one indexed `= any(keys)`.
import { normalizeText } from '../schemes/normalize';

/** Signature length and banding. */
export const MINHASH_K = 24;
export const MINHASH_BANDS = 8;
const ROWS = MINHASH_K / MINHASH_BANDS;

/** A MinHash signature: K signed 32-bit values (as stored in stories.signature). */
export type Signature = Int32Array;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Position k hashes a (well-mixed) shingle hash h as a_k·h + b_k mod 2^32 with odd a_k: a
// bijection per position, two operations instead of a full mix for each of the K positions.
const SEEDS = Array.from({ length: MINHASH_K }, (_, k) => fmix(0x9e3779b9 + k * 0x632be5ab));
const MUL = Uint32Array.from(SEEDS, (s) => s | 1);
const ADD = Uint32Array.from(SEEDS, (s) => fmix(s ^ 0x5bd1e995));

const WORD = /^[\p{L}\p{N}]$/u;
const MENTION_END = new Set([...' \t\n\r@:：,，.。!！?？']);
const MENTION_MAX = 20;

/** Letters and digits (any script) are content; everything else is dropped. Hot path: ASCII and CJK first. */
function isWord(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (c >= 0x4e00 && c <= 0x9fff) return 1;
  const cp = text.codePointAt(i)!;
  const width = cp > 0xffff ? 2 : 1;
  return WORD.test(String.fromCodePoint(cp)) ? width : -width;
}

/** Length of the link or @mention starting at i (0 when there is none). */
function noiseAt(text: string, i: number): number {
  if (text.startsWith('http://', i) || text.startsWith('https://', i)) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) > 0x20) j++;
    return j - i;
  }
  if (text[i] === '@') {
    let j = i + 1;
    while (j < text.length && j - i <= MENTION_MAX && !MENTION_END.has(text[j]!)) j++;
    return j - i;
  }
  return 0;
}

/**
 * The text shingles are taken from: normalised, with links, @mentions, punctuation, spaces and
 * emoji removed — letters and digits of any script are what a repost keeps.
 */
export function shingleText(text: string): string {
  const s = normalizeText(text);
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; ) {
    const noise = s[i] === 'h' || s[i] === '@' ? noiseAt(s, i) : 0;
    const w = noise > 0 ? -noise : isWord(s, i);
    if (w > 0) {
      i += w;
      continue;
    }
    out += s.slice(run, i);
    i += w === 0 ? 1 : -w;
    run = i;
  }
  return run === 0 ? s : out + s.slice(run);
}

/**
 * MinHash signature of a text. A text with no letters or digits gets a signature derived from
 * `fallback` (the post's id), so emoji-only posts never cluster with each other by accident.
 */
export function minhash(text: string, fallback = ''): Signature {
  let s = shingleText(text);
  if (s.length === 0) s = `\u0000${fallback}`;
  const mins = new Uint32Array(MINHASH_K).fill(0xffffffff);
  const n = Math.max(1, s.length - 2);
  for (let i = 0; i < n; i++) {
    // FNV-1a of up to three UTF-16 code units, then mixed.
    let h = 0x811c9dc5;
    const end = Math.min(s.length, i + 3);
    for (let j = i; j < end; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    h = fmix(h);
    for (let k = 0; k < MINHASH_K; k++) {
      const v = (Math.imul(h, MUL[k]!) + ADD[k]!) >>> 0;
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return new Int32Array(mins.buffer);
}

/** Estimated Jaccard similarity of the two texts behind two signatures. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let k = 0; k < MINHASH_K; k++) if ((a[k]! | 0) === (b[k]! | 0)) same++;
  return same / MINHASH_K;
}

/**
 * The LSH band keys of a signature: one 53-bit integer per band (safe as a JS number and as a
 * PostgreSQL bigint), including the band index so equal values in different bands never meet.
 */
export function bandKeys(sig: ArrayLike<number>): number[] {
  const keys: number[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    let h1 = 0x811c9dc5 ^ b;
    let h2 = 0x01000193 ^ (b * 0x27d4eb2f);
    for (let r = 0; r < ROWS; r++) {
      const v = sig[b * ROWS + r]! | 0;
      h1 = Math.imul(h1 ^ v, 0x01000193);
      h2 = Math.imul(h2 ^ v, 0x5bd1e995) ^ (h2 >>> 15);
    }
    keys.push(fmix(h1) * 0x200000 + (fmix(h2) & 0x1fffff));
  }
  return keys;
}
