// Turning CSV tables into labelled examples, grouping near-identical texts, and the fixed split.
// The split is a pure function of the texts and labels (hash ranks, no RNG state), so re-reading
// the same files always yields the same train/test partition.
import { createHash } from 'node:crypto';
import { requireColumns, type CsvTable } from './csv';
import { compactKey, normaliseText } from './text';
import { intersectSize } from '../../text/sorted';

/** One labelled message. `title` may be empty when only the body is known. */
export interface LabelledExample {
  title?: string;
  text: string;
  label: string;
}

/**
 * Builds examples from a table: with two or more text columns the first is the title and the rest
 * are joined as the body; with one column it is the body. Rows with an empty label are skipped.
 */
export function examplesFromTable(table: CsvTable, textColumns: string[], labelColumn: string, source = 'CSV'): LabelledExample[] {
  requireColumns(table, [...textColumns, labelColumn], source);
  const out: LabelledExample[] = [];
  for (const row of table.rows) {
    const label = (row[labelColumn] ?? '').trim();
    if (label.length === 0) continue;
    const cells = textColumns.map((c) => (row[c] ?? '').trim());
    const title = cells.length >= 2 ? (cells[0] as string) : '';
    const text = (cells.length >= 2 ? cells.slice(1) : cells).join('\n');
    out.push({ title, text, label });
  }
  return out;
}

/** Stable 53-bit fraction in [0, 1) from SHA-1 of salt + key. */
export function stableHash(salt: string, key: string): number {
  const h = createHash('sha1').update(`${salt}\u0000${key}`, 'utf8').digest();
  return (h.readUInt32BE(0) * 2 ** 21 + (h.readUInt32BE(4) >>> 11)) / 2 ** 53;
}

/** Sorted, deduplicated hashes of character 5-gram shingles of normalised, whitespace-free text. */
function shingles(text: string): Int32Array {
  const s = compactKey(normaliseText(text));
  const set = new Set<number>();
  const n = 5;
  if (s.length <= n) set.add(hash32(s));
  for (let i = 0; i + n <= s.length; i++) set.add(hash32(s.slice(i, i + n)));
  return Int32Array.from([...set].sort((a, b) => a - b));
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) | 0;
}

/** Near-duplicate thresholds over 5-gram shingle sets. */
export interface NearDupOptions {
  /** Jaccard similarity at or above which two texts are the same message. */
  jaccard: number;
  /** Overlap / smaller set at or above which one text is a (lightly edited) part of the other. */
  containment: number;
}

/**
 * Loose on purpose: residents re-submit the same appeal to another official with a new greeting
 * and reworded sentences (Jaccard 0.3–0.5 on 5-grams); such copies must stay on one side of a split.
 */
export const DEFAULT_NEAR_DUP: NearDupOptions = { jaccard: 0.3, containment: 0.5 };

/**
 * Groups texts that are near-identical (reposts, truncations, small edits) with union-find; returns
 * a group id per text. Candidates come from an inverted index of sampled shingles, so this is
 * roughly linear in the data rather than quadratic.
 */
export function groupNearDuplicates(texts: readonly string[], opt: NearDupOptions = DEFAULT_NEAR_DUP): Int32Array {
  const sh = texts.map(shingles);
  const parent = Int32Array.from(texts.map((_, i) => i));
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const postings = new Map<number, number[]>();
  const sampledCount = new Int32Array(sh.length);
  const shared = new Map<number, number>();
  for (let i = 0; i < sh.length; i++) {
    const a = sh[i] as Int32Array;
    shared.clear();
    // Content-defined sample (1 in 4 shingles): two near-identical texts sample the same shingles.
    const sampled = a.filter((h) => (h & 3) === 0);
    sampledCount[i] = sampled.length;
    for (const h of sampled) {
      const list = postings.get(h);
      if (list) {
        // Boilerplate shingles ("尊敬的领导") are shared by hundreds of texts and prove nothing.
        if (list.length <= 300) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
        list.push(i);
      } else postings.set(h, [i]);
    }
    for (const [j, c] of shared) {
      // Cheap pre-filter relative to the smaller text, so containment of a short text is found too.
      if (c < Math.max(1, 0.2 * Math.min(sampled.length, sampledCount[j] as number))) continue;
      const b = sh[j] as Int32Array;
      const inter = intersectSize(a, b);
      const jac = inter / (a.length + b.length - inter);
      const cont = inter / Math.min(a.length, b.length);
      if (jac >= opt.jaccard || (cont >= opt.containment && Math.min(a.length, b.length) >= 20)) {
        parent[find(i)] = find(j);
      }
    }
  }
  return Int32Array.from(texts.map((_, i) => find(i)));
}

/** Split settings: which fraction of each class goes to test, and the hash salt naming the split. */
export interface SplitOptions {
  testFraction: number;
  salt: string;
  nearDup?: NearDupOptions;
}

/**
 * Stratified split by hash rank: near-duplicate groups never straddle the split; within each class
 * (a group's class is its first member's label) groups are ordered by the smallest stable hash of
 * their members' whitespace-free text and taken into test until the class reaches its quota.
 */
export function stratifiedHashSplit<T extends LabelledExample>(examples: readonly T[], opt: SplitOptions): { train: T[]; test: T[] } {
  const keys = examples.map((e) => compactKey(e.text));
  const groups = groupNearDuplicates(examples.map((e) => `${e.text}`), opt.nearDup);
  const groupHash = new Map<number, number>();
  const groupMembers = new Map<number, number[]>();
  examples.forEach((_, i) => {
    const g = groups[i] as number;
    const h = stableHash(opt.salt, keys[i] as string);
    groupHash.set(g, Math.min(groupHash.get(g) ?? 1, h));
    const m = groupMembers.get(g);
    if (m) m.push(i);
    else groupMembers.set(g, [i]);
  });
  const byClass = new Map<string, number[]>();
  for (const [g, members] of groupMembers) {
    const label = (examples[members[0] as number] as T).label;
    const list = byClass.get(label);
    if (list) list.push(g);
    else byClass.set(label, [g]);
  }
  const inTest = new Uint8Array(examples.length);
  for (const gs of byClass.values()) {
    gs.sort((a, b) => (groupHash.get(a) as number) - (groupHash.get(b) as number) || a - b);
    const total = gs.reduce((s, g) => s + (groupMembers.get(g) as number[]).length, 0);
    const quota = Math.round(total * opt.testFraction);
    let taken = 0;
    for (const g of gs) {
      if (taken >= quota) break;
      for (const i of groupMembers.get(g) as number[]) inTest[i] = 1;
      taken += (groupMembers.get(g) as number[]).length;
    }
  }
  const train: T[] = [];
  const test: T[] = [];
  examples.forEach((e, i) => (inTest[i] ? test : train).push(e));
  return { train, test };
}
