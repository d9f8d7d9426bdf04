// Model selection without the test set: every candidate is trained and scored on five validation
// splits carved out of the TRAINING part of the fixed TeddyCup split only (the test part is never
// read here). Run: npx tsx server/dispatch/classifier/tune.ts [candidate …] (no names: all).
import { join, resolve } from 'node:path';
import { stratifiedHashSplit, type LabelledExample } from './dataset';
import type { SparseVec } from './features';
import { computeMetrics } from './metrics';
import { loadTeddycupSplit } from './teddycup';
import { countExamples, featureConfig, prepareCounts, trainPrepared, type TrainOptions } from './train';
import { TUNING_CANDIDATES } from './tuneCandidates';

/** The validation salts: five different 80/20 partitions of the training part. */
export const VALIDATION_SALTS = ['val-a', 'val-b', 'val-c', 'val-d', 'val-e'] as const;

/** Macro-F1 of one candidate on each validation split, and their mean. */
export interface ValidationScore {
  name: string;
  perSplit: number[];
  mean: number;
  accuracy: number;
  seconds: number;
}

/** Row indices of one validation split. */
export interface ValidationSplit {
  fit: number[];
  val: number[];
}

/** The five validation splits of the training part (near-duplicates stay on one side). */
export function validationSplits(train: readonly LabelledExample[]): ValidationSplit[] {
  const index = new Map(train.map((e, i) => [e, i]));
  return VALIDATION_SALTS.map((salt) => {
    const { train: fit, test: val } = stratifiedHashSplit(train, { testFraction: 0.2, salt });
    return { fit: fit.map((e) => index.get(e) as number), val: val.map((e) => index.get(e) as number) };
  });
}

/**
 * Scores training options on validation splits of `train`. Counts are computed once per feature
 * configuration (jieba is the slow part) and IDF is refitted on each split's own training rows.
 */
export function validate(name: string, train: readonly LabelledExample[], options: TrainOptions, splits: ValidationSplit[], cache: Map<string, SparseVec[]>): ValidationScore {
  const started = performance.now();
  const config = featureConfig(options.features);
  const key = JSON.stringify(config);
  let counts = cache.get(key);
  if (!counts) {
    counts = countExamples(train, config);
    cache.set(key, counts);
  }
  const perSplit: number[] = [];
  let accuracy = 0;
  for (const split of splits) {
    const fit = split.fit.map((i) => train[i] as LabelledExample);
    const fitCounts = split.fit.map((i) => (counts as SparseVec[])[i] as SparseVec);
    const model = trainPrepared(prepareCounts(fit, fitCounts, config), options);
    const predicted = split.val.map((i) => {
      const p = model.probabilitiesOf((counts as SparseVec[])[i] as SparseVec);
      let best = 0;
      for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
      return model.labels[best] as string;
    });
    const r = computeMetrics(split.val.map((i) => (train[i] as LabelledExample).label), predicted, model.labels);
    perSplit.push(r.macroF1);
    accuracy += r.accuracy / splits.length;
  }
  const mean = perSplit.reduce((a, b) => a + b, 0) / perSplit.length;
  return { name, perSplit, mean, accuracy, seconds: (performance.now() - started) / 1000 };
}

function main(): void {
  const dataDir = resolve(process.env.TEDDYCUP_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'teddycup2020-c'));
  // Only the training part is kept; the test part of the fixed split is dropped unread.
  const { train } = loadTeddycupSplit(dataDir);
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(TUNING_CANDIDATES);
  const cache = new Map<string, SparseVec[]>();
  const splits = validationSplits(train);
  for (const name of names) {
    const options = TUNING_CANDIDATES[name];
    if (!options) throw new Error(`unknown candidate ${name}; known: ${Object.keys(TUNING_CANDIDATES).join(', ')}`);
    const s = validate(name, train, options, splits, cache);
    const each = s.perSplit.map((f) => f.toFixed(4)).join(' ');
    process.stdout.write(`${name.padEnd(28)} mean ${s.mean.toFixed(4)}  acc ${s.accuracy.toFixed(4)}  [${each}]  ${s.seconds.toFixed(0)} s\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
