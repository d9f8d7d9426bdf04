// The trained classifiers and their common prediction interface.
import { Featurizer, type FeatureConfig, type SparseVec } from './features';
import { softmaxInPlace, type LinearWeights } from './linear';
import { dequantizeWeights, type QuantizedWeights } from './quantize';

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

/**
 * One linear head over the shared features: weights w[col*K+k] and a softmax temperature. When
 * `quantized` is set it holds the weights and `weights.w` is empty (only the biases are used).
 */
export interface LinearHead {
  solver: string;
  weights: LinearWeights;
  temperature: number;
  /** Mixing weight when several heads are averaged (probability space). */
  mix: number;
  /** 8-bit weights (see quantize.ts); what the model file stores. */
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
  /** The same table at half the size when every head is 8-bit (see packQuantized). */
  private readonly table8: Table8 | undefined;
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
    this.acc = new Float64Array(heads.length * K);
    this.table8 = packQuantized(idf, heads, K);
    this.stride = 1 + heads.length * K;
    this.packed = new Float32Array(this.table8 ? 0 : buckets.length * this.stride);
    // Without the 8-bit table (float heads, or a mix) every head is read as float32.
    const float = this.table8 ? [] : heads.map((h) => (h.quantized ? dequantizeWeights(h.quantized, K) : h.weights.w));
    for (let c = 0; c < buckets.length && !this.table8; c++) {
      const base = c * this.stride;
      this.packed[base] = idf[c] as number;
      float.forEach((w, i) => this.packed.set(w.subarray(c * K, (c + 1) * K), base + 1 + i * K));
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
    const acc = this.table8 ? this.accumulate8(x, this.table8) : this.accumulate(x);
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

  /** accumulate() over the 8-bit table: each weight is q × the column's scale for that head. */
  private accumulate8(x: SparseVec, t: Table8): Float64Array {
    const K = this.labels.length;
    const H = this.heads.length;
    const KH = K * H;
    const { f32, i8, floats } = t;
    const bytes = floats * 4 + t.weightBytes;
    const acc = this.acc;
    acc.fill(0);
    const sublinear = this.features.sublinearTf;
    let norm = 0;
    for (let j = 0; j < x.idx.length; j++) {
      const c = this.colOf[x.idx[j] as number] as number;
      if (c < 0) continue;
      const tf = x.val[j] as number;
      const f = c * (bytes >> 2);
      const v = (sublinear ? (tf < LOG_TABLE.length ? (LOG_TABLE[tf] as number) : 1 + Math.log(tf)) : tf) * (f32[f] as number);
      norm += v * v;
      const base = c * bytes + floats * 4;
      if (H === 1) {
        const sv = v * (f32[f + 1] as number);
        for (let k = 0; k < K; k++) acc[k] = (acc[k] as number) + (i8[base + k] as number) * sv;
      } else {
        for (let h = 0; h < H; h++) {
          const sv = v * (f32[f + 1 + h] as number);
          for (let k = 0; k < K; k++) acc[h * K + k] = (acc[h * K + k] as number) + (i8[base + h * K + k] as number) * sv;
        }
      }
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < KH; i++) acc[i] = (acc[i] as number) * inv;
    return acc;
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

/** Per column: IDF and one scale per head (float32), then every head's K weights (int8). */
interface Table8 {
  f32: Float32Array;
  i8: Int8Array;
  /** Floats per column (1 + heads) and weight bytes per column (heads × K, padded to 4). */
  floats: number;
  weightBytes: number;
}

/**
 * Packs 8-bit heads into one buffer, 16 bytes per column for 7 classes instead of 32: rare features
 * are scattered over the table, so halving it halves the cache misses that dominate scoring.
 */
function packQuantized(idf: Float32Array, heads: LinearHead[], K: number): Table8 | undefined {
  if (!heads.every((h) => h.quantized)) return undefined;
  const H = heads.length;
  const floats = 1 + H;
  const weightBytes = Math.ceil((H * K) / 4) * 4;
  const bytes = floats * 4 + weightBytes;
  const buf = new ArrayBuffer(idf.length * bytes);
  const f32 = new Float32Array(buf);
  const i8 = new Int8Array(buf);
  for (let c = 0; c < idf.length; c++) {
    f32[(c * bytes) / 4] = idf[c] as number;
    heads.forEach((h, i) => {
      const qw = h.quantized as QuantizedWeights;
      f32[(c * bytes) / 4 + 1 + i] = qw.scale[c] as number;
      i8.set(qw.q.subarray(c * K, (c + 1) * K), c * bytes + floats * 4 + i * K);
    });
  }
  return { f32, i8, floats, weightBytes };
}
