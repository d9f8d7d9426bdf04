// Training of the linear part of the negativity model: NB-weighted logistic regression
// ("NB-LR", the logistic variant of Wang & Manning's NB-SVM) over binary hashed features
// scaled by 1/sqrt(#features) so long appeals do not get extreme scores just for being long.
// Deterministic: fixed feature order, a seeded shuffle and plain float arithmetic.
import { normalizeText } from '../schemes/normalize';
import type { LabelledPost } from './dataset';
import { FeatureExtractor, type FeatureConfig } from './features';

/** Hyper-parameters of trainLinear. */
export interface TrainOptions {
  epochs: number;
  /** L2 penalty per update on the touched weights. */
  l2: number;
  learningRate: number;
  /** Laplace smoothing of the naive-Bayes log-count ratios; 0 disables NB scaling (plain LR). */
  nbAlpha: number;
  /** Drop features seen in fewer training posts than this (noise and model size). */
  minCount: number;
  seed: number;
}

/** Options of the shipped model; a small sweep on the held-back split moved accuracy < 0.5 points (SOURCE.md). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 8, l2: 1e-6, learningRate: 0.2, nbAlpha: 1, minCount: 2, seed: 20240601 };

/** The learned linear model: logit = bias + sum(weights[f]) / sqrt(#features). */
export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

interface Featurized {
  offsets: Int32Array;
  indices: Int32Array;
  labels: Uint8Array;
}

/** Featurizes posts into compressed-sparse-row form (one row per post). */
function featurize(posts: LabelledPost[], fx: FeatureExtractor): Featurized {
  const offsets = new Int32Array(posts.length + 1);
  const chunks: Int32Array[] = [];
  let total = 0;
  posts.forEach((p, i) => {
    const f = fx.extract(normalizeText(p.text)).slice();
    chunks.push(f);
    total += f.length;
    offsets[i + 1] = total;
  });
  const indices = new Int32Array(total);
  chunks.forEach((c, i) => indices.set(c, offsets[i]!));
  return { offsets, indices, labels: Uint8Array.from(posts, (p) => (p.negative ? 1 : 0)) };
}

/** Naive-Bayes log-count ratios r = log((p/|p|)/(q/|q|)); zero for features below minCount. */
function nbRatios(data: Featurized, size: number, opts: TrainOptions): Float64Array {
  const neg = new Float64Array(size);
  const pos = new Float64Array(size);
  for (let d = 0; d + 1 < data.offsets.length; d++) {
    const target = data.labels[d] === 1 ? neg : pos;
    for (let k = data.offsets[d]!; k < data.offsets[d + 1]!; k++) target[data.indices[k]!]! += 1;
  }
  const r = new Float64Array(size);
  const alpha = opts.nbAlpha;
  let negSum = 0;
  let posSum = 0;
  for (let j = 0; j < size; j++) {
    negSum += neg[j]! + alpha;
    posSum += pos[j]! + alpha;
  }
  for (let j = 0; j < size; j++) {
    if (neg[j]! + pos[j]! < opts.minCount) continue;
    r[j] = alpha > 0 ? Math.log((neg[j]! + alpha) / negSum / ((pos[j]! + alpha) / posSum)) : 1;
  }
  return r;
}

/** Seeded xorshift32, for a reproducible visiting order. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** Trains the linear model on labelled posts; same inputs give bit-identical weights. */
export function trainLinear(posts: LabelledPost[], config: FeatureConfig, opts: TrainOptions = DEFAULT_TRAIN_OPTIONS): LinearModel {
  const fx = new FeatureExtractor(config);
  const data = featurize(posts, fx);
  const r = nbRatios(data, fx.size, opts);
  const v = new Float64Array(fx.size);
  const g2 = new Float64Array(fx.size).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = Array.from(posts.keys());
  const rand = xorshift(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const start = data.offsets[d]!;
      const end = data.offsets[d + 1]!;
      const scale = 1 / Math.sqrt(Math.max(1, end - start));
      let z = bias;
      for (let k = start; k < end; k++) {
        const j = data.indices[k]!;
        z += v[j]! * r[j]! * scale;
      }
      const p = 1 / (1 + Math.exp(-z));
      const err = p - data.labels[d]!;
      biasG2 += err * err;
      bias -= (opts.learningRate * err) / Math.sqrt(biasG2);
      for (let k = start; k < end; k++) {
        const j = data.indices[k]!;
        const x = r[j]! * scale;
        if (x === 0) continue;
        const g = err * x + opts.l2 * v[j]!;
        g2[j]! += g * g;
        v[j]! -= (opts.learningRate * g) / Math.sqrt(g2[j]!);
      }
    }
  }
  const weights = new Float32Array(fx.size);
  for (let j = 0; j < fx.size; j++) weights[j] = v[j]! * r[j]!;
  return { weights, bias };
}
