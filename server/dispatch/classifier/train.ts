// Training pipeline for the main model: segment + hash once, fit IDF, train the linear heads,
// and calibrate each head's softmax temperature on an internal hold-out of the training data.
import { compactKey } from './text';
import { stableHash, type LabelledExample } from './dataset';
import { DEFAULT_FEATURES, Featurizer, fitIdf, type FeatureConfig, type SparseVec } from './features';
import { fitTemperature, scoreRow, trainLogReg, trainSvm, type LinearOptions, type LinearWeights, type Rows } from './linear';
import { trainNbHead, trainNbSvm } from './nbsvm';
import { LinearClassifier, type LinearHead, type TrainingMeta } from './model';
import { quantizeWeights } from './quantize';

/** One head to train: solver settings and its weight in the probability average. */
export interface HeadSpec extends LinearOptions {
  mix: number;
}

/** Options of trainClassifier; everything has a default. */
export interface TrainOptions {
  features?: Partial<FeatureConfig>;
  heads?: HeadSpec[];
  /** Fraction of training data held out (by stable hash) to fit softmax temperatures; 0 = skip. */
  calibrationFraction?: number;
  /** Store weights in 8 bits per class and column (default true; see quantize.ts). */
  quantize?: boolean;
  /** How several heads are joined: average their probabilities, or their scores (one head). */
  combine?: 'probabilities' | 'scores';
  meta?: Partial<TrainingMeta>;
}

/**
 * Defaults chosen on five validation splits carved out of the training part only (see README):
 * NB-SVM (smoothing 0.1 on TF-IDF mass) with class-balanced cost beat a plain SVM by ~0.8 points.
 */
export const DEFAULT_HEADS: HeadSpec[] = [
  { solver: 'nbsvm', c: 0.4, l2: 0.1, epochs: 100, balanced: true, seed: 1, tolerance: 0.05, mix: 1 },
];

/** Featurised training data in compact column space, reusable across several model fits. */
export interface PreparedData {
  labels: string[];
  features: FeatureConfig;
  buckets: Int32Array;
  idf: Float32Array;
  rows: Rows;
  keys: string[];
}

/** The full feature configuration for partial overrides of the defaults. */
export function featureConfig(features: Partial<FeatureConfig> = {}): FeatureConfig {
  return { ...DEFAULT_FEATURES, ...features, userWords: [...(features.userWords ?? DEFAULT_FEATURES.userWords)] };
}

/**
 * Checks rows before training and drops those without any text. Throws a clear error when nothing
 * can be learnt: no rows, a row without a label, or fewer than two distinct labels.
 */
export function usableExamples(examples: readonly LabelledExample[]): LabelledExample[] {
  if (examples.length === 0) throw new Error('no training rows');
  const out: LabelledExample[] = [];
  examples.forEach((e, i) => {
    if (typeof e.label !== 'string' || e.label.trim().length === 0) throw new Error(`training row ${i + 1}: empty label`);
    if (typeof e.text !== 'string') throw new Error(`training row ${i + 1}: text must be a string`);
    if ((e.title ?? '').trim().length > 0 || e.text.trim().length > 0) out.push(e);
  });
  if (out.length === 0) throw new Error('no training row has any text (title or details)');
  const labels = [...new Set(out.map((e) => e.label))];
  if (labels.length < 2) throw new Error(`need at least 2 distinct labels to train a classifier, got ${labels.length} (${JSON.stringify(labels[0])})`);
  return out;
}

/** Raw hashed counts of every example (segmentation is the slow part: tuning reuses these). */
export function countExamples(examples: readonly LabelledExample[], config: FeatureConfig): SparseVec[] {
  const fz = new Featurizer(config);
  return examples.map((e) => fz.countVector(e.title ?? '', e.text));
}

/** Segments and hashes the examples once, fits IDF and maps kept buckets to compact columns. */
function prepareData(examples: readonly LabelledExample[], features: Partial<FeatureConfig> = {}): PreparedData {
  const config = featureConfig(features);
  return prepareCounts(examples, countExamples(examples, config), config);
}

/** Fits IDF on already counted examples and maps kept buckets to compact columns. */
export function prepareCounts(examples: readonly LabelledExample[], counts: readonly SparseVec[], config: FeatureConfig): PreparedData {
  if (examples.length === 0) throw new Error('trainClassifier: no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const fz = new Featurizer(config);
  // A feature must recur to be trusted, but a city starting with a few dozen rows keeps them all.
  const minDf = Math.min(config.minDf, 1 + Math.floor(examples.length / 100));
  const idfBucket = fitIdf(counts, config.hashBits, minDf);
  const colOf = new Int32Array(idfBucket.length).fill(-1);
  const bucketList: number[] = [];
  for (let b = 0; b < idfBucket.length; b++) if ((idfBucket[b] as number) > 0) bucketList.push(b);
  // Most frequent features first (IDF falls as document frequency rises): the rows every appeal
  // touches then sit together at the start of the weight table and stay in the CPU cache.
  bucketList.sort((a, b) => (idfBucket[a] as number) - (idfBucket[b] as number) || a - b);
  bucketList.forEach((b, c) => (colOf[b] = c));
  const idx: Int32Array[] = [];
  const val: Float32Array[] = [];
  for (const c of counts) {
    const x: SparseVec = fz.weight(c, idfBucket);
    idx.push(x.idx.map((b) => colOf[b] as number));
    val.push(x.val);
  }
  const y = Int32Array.from(examples, (e) => labelIndex.get(e.label) as number);
  return {
    labels,
    features: config,
    buckets: Int32Array.from(bucketList),
    idf: Float32Array.from(bucketList, (b) => idfBucket[b] as number),
    rows: { idx, val, y, nCols: bucketList.length, nClasses: labels.length },
    keys: examples.map((e) => compactKey(e.text)),
  };
}

/** Restricts rows to a subset of examples (same columns). */
function subsetRows(rows: Rows, which: number[]): Rows {
  return {
    idx: which.map((i) => rows.idx[i] as Int32Array),
    val: which.map((i) => rows.val[i] as Float32Array),
    y: Int32Array.from(which, (i) => rows.y[i] as number),
    nCols: rows.nCols,
    nClasses: rows.nClasses,
  };
}

/** Trains one head's weights with its solver. */
function fitHead(rows: Rows, spec: LinearOptions): LinearWeights {
  if (spec.solver === 'svm') return trainSvm(rows, spec);
  if (spec.solver === 'nb') return trainNbHead(rows, spec);
  if (spec.solver === 'nbsvm') return trainNbSvm(rows, spec);
  return trainLogReg(rows, spec);
}

/** Weighted sum of several heads' weights: averaging scores of linear heads is one linear head. */
function sumWeights(parts: { weights: LinearWeights; mix: number }[]): LinearWeights {
  const first = (parts[0] as { weights: LinearWeights }).weights;
  const w = new Float32Array(first.w.length);
  const b = new Float32Array(first.b.length);
  const total = parts.reduce((a, p) => a + p.mix, 0);
  for (const p of parts) {
    const f = p.mix / total;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) + f * (p.weights.w[i] as number);
    for (let k = 0; k < b.length; k++) b[k] = (b[k] as number) + f * (p.weights.b[k] as number);
  }
  return { w, b };
}

/** Softmax temperature of weights fitted on the hold-out rows (1 when there is no hold-out). */
function holdoutTemperature(rows: Rows, hold: number[], w: LinearWeights | undefined): number {
  if (!w) return 1;
  const scores = hold.map((i) => {
    const s = new Float64Array(rows.nClasses);
    scoreRow(w, rows.nClasses, rows.idx[i] as Int32Array, rows.val[i] as Float32Array, s);
    return s;
  });
  return fitTemperature(scores, Int32Array.from(hold, (i) => rows.y[i] as number));
}

/**
 * Trains the heads on prepared data, calibrating temperatures on a stable-hash hold-out: each head
 * is fitted on the rest first, its temperature fitted on the hold-out, then refitted on all rows.
 * With `combine: 'scores'` the heads' scores are averaged into one head (no extra scoring cost).
 */
export function trainPrepared(data: PreparedData, options: TrainOptions = {}, started = performance.now()): LinearClassifier {
  const specs = options.heads ?? DEFAULT_HEADS;
  const fraction = options.calibrationFraction ?? 0.1;
  const { rows } = data;
  const n = rows.y.length;
  const hold: number[] = [];
  const fit: number[] = [];
  for (let i = 0; i < n; i++) (stableHash('calibration', data.keys[i] as string) < fraction ? hold : fit).push(i);
  const calibrate = fraction > 0 && hold.length >= 20 && fit.length >= 20;
  const fitRows = calibrate ? subsetRows(rows, fit) : undefined;
  const combine = (options.combine ?? 'probabilities') === 'scores' && specs.length > 1;
  // Each head's hold-out fit is dropped as soon as its temperature is known (memory: many units).
  const trained = specs.map((spec) => {
    const part = fitRows ? fitHead(fitRows, spec) : undefined;
    const temperature = combine ? 1 : holdoutTemperature(rows, hold, part);
    return { spec, part: combine ? part : undefined, temperature, full: fitHead(rows, spec) };
  });
  let heads: LinearHead[];
  if (combine) {
    const part = calibrate ? sumWeights(trained.map((t) => ({ weights: t.part as LinearWeights, mix: t.spec.mix }))) : undefined;
    const full = sumWeights(trained.map((t) => ({ weights: t.full, mix: t.spec.mix })));
    heads = [{ solver: specs.map((s) => s.solver).join('+'), weights: full, temperature: holdoutTemperature(rows, hold, part), mix: 1 }];
  } else {
    heads = trained.map((t) => ({ solver: t.spec.solver, weights: t.full, temperature: t.temperature, mix: t.spec.mix }));
  }
  if (options.quantize ?? true) {
    for (const h of heads) {
      // The float weights are dropped: a 100-unit model would otherwise hold them 4 times over.
      h.quantized = quantizeWeights(h.weights.w, rows.nClasses);
      h.weights = { w: new Float32Array(0), b: h.weights.b };
    }
  }
  const meta: TrainingMeta = {
    rows: n,
    trainedAt: new Date().toISOString(),
    trainSeconds: (performance.now() - started) / 1000,
    ...options.meta,
  };
  return new LinearClassifier(data.labels, data.features, data.buckets, data.idf, heads, meta);
}

/** Trains the main classifier (jieba words + character n-grams, TF-IDF, linear heads). */
export function trainClassifier(examples: readonly LabelledExample[], options: TrainOptions = {}): LinearClassifier {
  const started = performance.now();
  return trainPrepared(prepareData(examples, options.features), options, started);
}
