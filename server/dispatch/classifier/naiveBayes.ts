// Baseline: multinomial naive Bayes over hashed character 1–3-grams (raw counts, no segmentation).
// It is the yardstick the main model must clearly beat.
import { stableHash, type LabelledExample } from './dataset';
import { DEFAULT_FEATURES, Featurizer, type FeatureConfig, type SparseVec } from './features';
import { fitTemperature, softmaxInPlace } from './linear';
import { toPrediction, type Classifier, type Prediction, type TrainingMeta } from './model';
import { compactKey } from './text';

/** Baseline settings. */
export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing. */
  alpha: number;
  hashBits: number;
  charNgrams: [number, number];
  meta?: Partial<TrainingMeta>;
}

/** Baseline defaults; α = 0.1 was chosen on validation splits of the training part (README). */
export const DEFAULT_NB: NaiveBayesOptions = { alpha: 0.1, hashBits: 20, charNgrams: [1, 3] };

/** Features of the baseline: character n-grams only, no title namespace, no IDF. */
export function naiveBayesFeatures(opt: Pick<NaiveBayesOptions, 'hashBits' | 'charNgrams'>): FeatureConfig {
  return { ...DEFAULT_FEATURES, hashBits: opt.hashBits, charNgrams: opt.charNgrams, wordNgrams: 0, titleFeatures: false, foldDigits: false, sublinearTf: false, minDf: 1, userWords: [] };
}

/** Multinomial NB: log P(label) + Σ count × log P(n-gram | label); unseen n-grams are ignored. */
export class NaiveBayesClassifier implements Classifier {
  readonly kind = 'naive-bayes' as const;
  readonly labels: readonly string[];
  readonly features: FeatureConfig;
  readonly alpha: number;
  readonly buckets: Int32Array;
  /** logLik[col * K + k] */
  readonly logLik: Float32Array;
  readonly logPrior: Float32Array;
  readonly temperature: number;
  meta: TrainingMeta;
  private readonly colOf: Int32Array;
  private featurizer: Featurizer | undefined;

  constructor(labels: readonly string[], features: FeatureConfig, alpha: number, buckets: Int32Array, logLik: Float32Array, logPrior: Float32Array, temperature: number, meta: TrainingMeta) {
    this.labels = labels;
    this.features = features;
    this.alpha = alpha;
    this.buckets = buckets;
    this.logLik = logLik;
    this.logPrior = logPrior;
    this.temperature = temperature;
    this.meta = meta;
    this.colOf = new Int32Array(1 << features.hashBits).fill(-1);
    for (let c = 0; c < buckets.length; c++) this.colOf[buckets[c] as number] = c;
  }

  /** Log joint scores for raw counts, in label order. */
  scores(x: SparseVec): Float64Array {
    const K = this.labels.length;
    const s = Float64Array.from(this.logPrior);
    for (let j = 0; j < x.idx.length; j++) {
      const c = this.colOf[x.idx[j] as number] as number;
      if (c < 0) continue;
      const n = x.val[j] as number;
      for (let k = 0; k < K; k++) s[k] = (s[k] as number) + n * (this.logLik[c * K + k] as number);
    }
    return s;
  }

  /** Probabilities per label (softmax of tempered log joint: raw NB is wildly overconfident). */
  probabilities(title: string, text: string): Float64Array {
    this.warm();
    const s = this.scores((this.featurizer as Featurizer).countVector(title, text));
    for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) * this.temperature;
    softmaxInPlace(s);
    return s;
  }

  /** Builds the featurizer ahead of the first request. */
  warm(): void {
    this.featurizer ??= new Featurizer(this.features);
  }

  /** Best label, confidence and top-k for one appeal. */
  classify(title: string, text: string, k = 3): Prediction {
    return toPrediction(this.labels, this.probabilities(title, text), k);
  }
}

function fitNb(counts: SparseVec[], y: Int32Array, K: number, alpha: number): { buckets: Int32Array; logLik: Float32Array; logPrior: Float32Array } {
  const colOf = new Map<number, number>();
  for (const x of counts) for (const b of x.idx) if (!colOf.has(b)) colOf.set(b, colOf.size);
  const V = colOf.size;
  const sums = new Float64Array(V * K);
  const totals = new Float64Array(K);
  const docs = new Float64Array(K);
  counts.forEach((x, i) => {
    const k = y[i] as number;
    docs[k] = (docs[k] as number) + 1;
    for (let j = 0; j < x.idx.length; j++) {
      const c = colOf.get(x.idx[j] as number) as number;
      sums[c * K + k] = (sums[c * K + k] as number) + (x.val[j] as number);
      totals[k] = (totals[k] as number) + (x.val[j] as number);
    }
  });
  const logLik = new Float32Array(V * K);
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < K; k++) logLik[c * K + k] = Math.log(((sums[c * K + k] as number) + alpha) / ((totals[k] as number) + alpha * V));
  }
  const logPrior = Float32Array.from(docs, (d) => Math.log((d + 1) / (counts.length + K)));
  const buckets = new Int32Array(V);
  for (const [b, c] of colOf) buckets[c] = b;
  return { buckets, logLik, logPrior };
}

/** Trains the character n-gram naive Bayes baseline (temperature fitted on a 10 % hash hold-out). */
export function trainNaiveBayesBaseline(examples: readonly LabelledExample[], options: Partial<NaiveBayesOptions> = {}): NaiveBayesClassifier {
  const started = performance.now();
  const opt: NaiveBayesOptions = { ...DEFAULT_NB, ...options };
  if (examples.length === 0) throw new Error('trainNaiveBayesBaseline: no training examples');
  const features = naiveBayesFeatures(opt);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const fz = new Featurizer(features);
  const counts = examples.map((e) => fz.countVector(e.title ?? '', e.text));
  const y = Int32Array.from(examples, (e) => index.get(e.label) as number);
  const K = labels.length;
  let temperature = 1;
  const hold: number[] = [];
  const fit: number[] = [];
  examples.forEach((e, i) => (stableHash('calibration', compactKey(e.text)) < 0.1 ? hold : fit).push(i));
  if (hold.length >= 20 && fit.length >= 20) {
    const part = fitNb(fit.map((i) => counts[i] as SparseVec), Int32Array.from(fit, (i) => y[i] as number), K, opt.alpha);
    const probe = new NaiveBayesClassifier(labels, features, opt.alpha, part.buckets, part.logLik, part.logPrior, 1, { rows: 0, trainedAt: '', trainSeconds: 0 });
    temperature = fitTemperature(hold.map((i) => probe.scores(counts[i] as SparseVec)), Int32Array.from(hold, (i) => y[i] as number));
  }
  const full = fitNb(counts, y, K, opt.alpha);
  const meta: TrainingMeta = { rows: examples.length, trainedAt: new Date().toISOString(), trainSeconds: (performance.now() - started) / 1000, ...opt.meta };
  return new NaiveBayesClassifier(labels, features, opt.alpha, full.buckets, full.logLik, full.logPrior, temperature, meta);
}
