// Held-back evaluation and the fixed sample of real appeals, shared by the training script,
// the benchmark and the tests so they all quote the same numbers.
import { readFileSync } from 'node:fs';
import { normalizeText } from '../schemes/normalize';
import { parseCsvRecords } from './csv';
import type { LabelledPost } from './dataset';
import type { NegativityModel } from './negativity-model';

/** Held-back accuracy figures, keyed by corpus file name and "overall". */
export interface AccuracyReport {
  /** Accuracy per corpus file plus "overall", with the lexicon blended in (as shipped). */
  accuracy: Record<string, number>;
  /** Same, linear model alone: shows what the lexicon costs or gains on review text. */
  modelOnlyAccuracy: Record<string, number>;
  posts: Record<string, number>;
}

/** Accuracy of the model on labelled posts at the 0.5 threshold, per file and overall. */
export function evaluateAccuracy(model: NegativityModel, posts: readonly LabelledPost[]): AccuracyReport {
  const counts = new Map<string, { n: number; ok: number; okModel: number }>();
  const bump = (key: string, ok: boolean, okModel: boolean): void => {
    const c = counts.get(key) ?? { n: 0, ok: 0, okModel: 0 };
    c.n++;
    c.ok += ok ? 1 : 0;
    c.okModel += okModel ? 1 : 0;
    counts.set(key, c);
  };
  for (const p of posts) {
    const norm = normalizeText(p.text);
    const ok = model.scoreNormalized(norm) >= 0.5 === p.negative;
    const okModel = model.modelLogit(norm) >= 0 === p.negative;
    bump(p.file, ok, okModel);
    bump('overall', ok, okModel);
  }
  const report: AccuracyReport = { accuracy: {}, modelOnlyAccuracy: {}, posts: {} };
  // Per-file figures first, "overall" last, whatever order the posts came in.
  const keys = [...counts.keys()].filter((k) => k !== 'overall').concat(counts.has('overall') ? ['overall'] : []);
  for (const key of keys) {
    const c = counts.get(key)!;
    report.accuracy[key] = round4(c.ok / c.n);
    report.modelOnlyAccuracy[key] = round4(c.okModel / c.n);
    report.posts[key] = c.n;
  }
  return report;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Default path of the appeals used for the sanity check (TeddyCup 2020 C, attachment 4). */
export const DEFAULT_APPEALS_URL = new URL('../../../../shared/data/teddycup2020-c/attachment4_messages_with_replies.csv', import.meta.url);

/** The fixed sanity sample: every 90th appeal (rows 0, 90, …, 2610), 留言详情 trimmed. */
export function sanitySample(path: string | URL = DEFAULT_APPEALS_URL, count = 30, step = 90): { row: number; id: string; text: string }[] {
  const records = parseCsvRecords(readFileSync(path, 'utf8'));
  const out: { row: number; id: string; text: string }[] = [];
  for (let row = 0; row < records.length && out.length < count; row += step) {
    const r = records[row]!;
    out.push({ row, id: r['留言编号'] ?? '', text: (r['留言详情'] ?? '').trim() });
  }
  return out;
}
