// The trained classifiers and their common prediction interface.
import { Featurizer, type FeatureConfig, type SparseVec } from './features';
import { softmaxInPlace, type LinearWeights } from './linear';
import type { QuantizedWeights } from './quantize';

/** One label with its probability. */
export interface LabelProb {
  label: string;
  p: number;
}

/** Result of classifying one appeal. */
export interface Prediction {
  label: string;
  confidence: number;
  top: LabelProb[];
}

/** Provenance stored with a model so a city can tell which data and settings produced it. */
export interface TrainingMeta {
  dataFile?: string;
  rows: number;
  trainedAt: string;
  trainSeconds: number;
  textColumns?: string[];
  labelColumn?: string;
  metrics?: { accuracy: number; macroF1: number; on: string };
  [extra: string]: unknown;
}

/** What every classifier (main model and baseline) offers. */
export interface Classifier {
  readonly kind: 'linear' | 'naive-bayes';
  readonly labels: readonly string[];
  /** Feature extraction settings (stored in the model file). */
  readonly features: FeatureConfig;
  meta: TrainingMeta;
  /** Probabilities per label, in `labels` order. */
  probabilities(title: string, text: string): Float64Array;
  /** Best label, its probability, and the k most probable labels. */
  classify(title: string, text: string, k?: number): Prediction;
  /** Builds the segmenter and scratch buffers now, so a hot-swapped model answers at full speed. */
  warm(): void;
}

/** 1 + ln(tf) for small term frequencies: Math.log per feature is measurable at 2,000 appeals/s. */
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0));

/** Ranks probabilities into a Prediction (ties broken by label order, so output is stable). */
export function toPrediction(labels: readonly string[], p: Float64Array, k = 3): Prediction {
  const order = labels.map((_, i) => i).sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
  const top = order.slice(0, Math.max(1, k)).map((i) => ({ label: labels[i] as string, p: p[i] as number }));
  const best = top[0] as LabelProb;
  return { label: best.label, confidence: best.p, top };
}

/** One linear head over the shared features: weights w[col*K+k] and a softmax temperature. */
export interface LinearHead {
  solver: string;
  weights: LinearWeights;
  temperature: number;
  /** Mixing weight when several heads are averaged (probability space). */
  mix: number;
  /** The 8-bit form `weights.w` was rebuilt from; the model file stores this instead. */
  quantized?: QuantizedWeights;
}

/** Hashed TF-IDF features followed by one or more linear heads whose probabilities are averaged. */
export class LinearClassifier implements Classifier {
  readonly kind = 'linear' as const;
  readonly labels: readonly string[];
  readonly features: FeatureConfig;
  /** Buckets kept at training time (IDF > 0), their IDF per column, and bucket → column. */
  readonly buckets: Int32Array;
  readonly idfCol: Float32Array;
  private readonly colOf: Int32Array;
  /** Per column: IDF then every head's K weights, so one feature touches one cache line. */
  private readonly packed: Float32Array;
  private readonly stride: number;
  /** Scratch accumulator reused across calls (classification is synchronous). */
  private readonly acc: Float64Array;
  readonly heads: LinearHead[];
  meta: TrainingMeta;
  private featurizer: Featurizer | undefined;

  constructor(labels: readonly string[], features: FeatureConfig, buckets: Int32Array, idf: Float32Array, heads: LinearHead[], meta: TrainingMeta) {
    this.labels = labels;
    this.features = features;
    this.buckets = buckets;
    this.heads = heads;
    this.meta = meta;
    const size = 1 << features.hashBits;
    this.idfCol = idf;
    this.colOf = new Int32Array(size).fill(-1);
    for (let c = 0; c < buckets.length; c++) this.colOf[buckets[c] as number] = c;
    const K = labels.length;
    this.stride = 1 + heads.length * K;
    this.packed = new Float32Array(buckets.length * this.stride);
    this.acc = new Float64Array(heads.length * K);
    for (let c = 0; c < buckets.length; c++) {
      const base = c * this.stride;
      this.packed[base] = idf[c] as number;
      heads.forEach((h, i) => this.packed.set(h.weights.w.subarray(c * K, (c + 1) * K), base + 1 + i * K));
    }
  }

  /** Lazily built so that loading a model stays cheap until the first request. */
  private getFeaturizer(): Featurizer {
    this.featurizer ??= new Featurizer(this.features);
    return this.featurizer;
  }

  /** Raw hashed term counts of a document, in bucket space. */
  counts(title: string, text: string): SparseVec {
    return this.getFeaturizer().countVector(title, text);
  }

  /**
   * Mixture of the heads' temperature-scaled softmax probabilities for raw counts. TF-IDF
   * weighting, L2 normalisation and every head's dot product are fused into one pass over the
   * packed table: the norm is a common factor, so scores are divided by it at the end.
   */
  probabilitiesOf(x: SparseVec): Float64Array {
    const K = this.labels.length;
    const H = this.heads.length;
    const acc = this.accumulate(x);
    const p = new Float64Array(K);
    const s = new Float64Array(K);
    let total = 0;
    for (let h = 0; h < H; h++) {
      const head = this.heads[h] as LinearHead;
      for (let k = 0; k < K; k++) s[k] = ((acc[h * K + k] as number) + (head.weights.b[k] as number)) * head.temperature;
      softmaxInPlace(s);
      for (let k = 0; k < K; k++) p[k] = (p[k] as number) + head.mix * (s[k] as number);
      total += head.mix;
    }
    for (let k = 0; k < K; k++) p[k] = (p[k] as number) / total;
    return p;
  }

  /** Every head's w·x for one L2 norm over all features (into the scratch accumulator). */
  private accumulate(x: SparseVec): Float64Array {
    const KH = this.labels.length * this.heads.length;
    const S = this.stride;
    const table = this.packed;
    const acc = this.acc;
    acc.fill(0);
    const sublinear = this.features.sublinearTf;
    let norm = 0;
    for (let j = 0; j < x.idx.length; j++) {
      const c = this.colOf[x.idx[j] as number] as number;
      if (c < 0) continue;
      const tf = x.val[j] as number;
      const base = c * S;
      const v = (sublinear ? (tf < LOG_TABLE.length ? (LOG_TABLE[tf] as number) : 1 + Math.log(tf)) : tf) * (table[base] as number);
      norm += v * v;
      for (let i = 0; i < KH; i++) acc[i] = (acc[i] as number) + (table[base + 1 + i] as number) * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < KH; i++) acc[i] = (acc[i] as number) * inv;
    return acc;
  }

  /** Probabilities per label for one appeal. */
  probabilities(title: string, text: string): Float64Array {
    return this.probabilitiesOf(this.counts(title, text));
  }

  /** Builds the featurizer (and jieba for this user dictionary) ahead of the first request. */
  warm(): void {
    this.getFeaturizer();
  }

  /** Best label, confidence and top-k for one appeal. */
  classify(title: string, text: string, k = 3): Prediction {
    return toPrediction(this.labels, this.probabilities(title, text), k);
  }
}
