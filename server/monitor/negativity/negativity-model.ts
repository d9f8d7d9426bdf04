// The shipped negativity model: a hashed linear model (see train.ts) plus the hand-written
// public-affairs lexicon (lexicon.ts) added as a capped log-odds offset:
//   negativity = sigmoid(m + clamp(sum(lexicon weights), -4, 4)),  m = bias + sum(w[f]) / sqrt(#f)
// where m is capped at -0.5 for consultations (questions without any complaint cue; lexicon.ts).
// Weights ship as int16 (base64) so the file stays small and loads in milliseconds.
import { readFileSync } from 'node:fs';
import { normalizeText } from '../schemes/normalize';
import { FeatureExtractor, type FeatureConfig } from './features';
import { isConsultation, lexiconHits, lexiconOffset, type LexiconHit } from './lexicon';
import type { LinearModel } from './train';

/** Where the shipped model lives, relative to this module so it works from any cwd. */
export const DEFAULT_MODEL_URL = new URL('./model/negativity-model.json', import.meta.url);

const FORMAT = 'minsheng-negativity';
const VERSION = 1;

/** Provenance and held-back metrics recorded by the training script. */
export interface TrainingInfo {
  corpus: string[];
  split: string;
  trainPosts: number;
  heldBackPosts: number;
  heldBackAccuracy: Record<string, number>;
  options: Record<string, number>;
}

/** On-disk JSON form of the model. */
export interface NegativityModelFile {
  format: typeof FORMAT;
  version: number;
  features: FeatureConfig;
  bias: number;
  weightScale: number;
  /** Little-endian int16 weights, base64; weight = value * weightScale. */
  weights: string;
  training: TrainingInfo;
}

/** Why a text scored as it did: lexicon hits and the strongest model features. */
export interface NegativityExplanation {
  negativity: number;
  modelLogit: number;
  /** True when the text reads as a question/consultation, so the model logit was capped at -0.5. */
  consultation: boolean;
  lexiconOffset: number;
  lexiconHits: LexiconHit[];
  topFeatures: { feature: string; contribution: number }[];
}

/**
 * Highest model logit a consultation may keep: sigmoid(-0.5) = 0.38, so a question with no
 * complaint cue is not flagged negative on the strength of review-trained features alone.
 */
const CONSULTATION_CAP = -0.5;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A loaded model; score() is the hot path, explain() is for the duty officer's UI. */
export class NegativityModel {
  readonly training: TrainingInfo;
  private readonly fx: FeatureExtractor;
  private readonly weights: Float32Array;
  private readonly bias: number;

  constructor(file: NegativityModelFile) {
    if (file.format !== FORMAT || file.version !== VERSION) {
      throw new Error(`not a ${FORMAT} v${VERSION} model file (format=${String(file.format)}, version=${String(file.version)})`);
    }
    this.fx = new FeatureExtractor(file.features);
    const bytes = Buffer.from(file.weights, 'base64');
    if (bytes.length !== this.fx.size * 2) throw new Error(`model weights hold ${bytes.length} bytes, expected ${this.fx.size * 2}`);
    this.weights = new Float32Array(this.fx.size);
    for (let j = 0; j < this.fx.size; j++) this.weights[j] = bytes.readInt16LE(j * 2) * file.weightScale;
    this.bias = file.bias;
    this.training = file.training;
  }

  /** Negativity in [0,1] of a raw text (>= 0.5 means negative). */
  score(text: string): number {
    return this.scoreNormalized(normalizeText(text));
  }

  /** Like score() for text already passed through normalizeText (saves a pass in pipelines). */
  scoreNormalized(norm: string): number {
    const hits = lexiconHits(norm);
    return sigmoid(this.blendedLogit(this.modelLogit(norm), hits));
  }

  /** Model logit plus lexicon offset, the model's logit capped for consultations. */
  private blendedLogit(modelLogit: number, hits: readonly LexiconHit[]): number {
    const z = modelLogit > CONSULTATION_CAP && isConsultation(hits) ? CONSULTATION_CAP : modelLogit;
    return z + lexiconOffset(hits);
  }

  /** Logit of the linear model alone, without the lexicon. */
  modelLogit(norm: string): number {
    const f = this.fx.extract(norm);
    let z = 0;
    for (let k = 0; k < f.length; k++) z += this.weights[f[k]!]!;
    return this.bias + z / Math.sqrt(Math.max(1, f.length));
  }

  /** Explains a score: lexicon hits plus the `top` features that pushed it most either way. */
  explain(text: string, top = 8): NegativityExplanation {
    const norm = normalizeText(text);
    const named = this.fx.extractNamed(text);
    const scale = 1 / Math.sqrt(Math.max(1, named.size));
    const topFeatures = [...named]
      .map(([index, names]) => ({ feature: [...new Set(names)].join(' / '), contribution: this.weights[index]! * scale }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1))
      .slice(0, top);
    const hits = lexiconHits(norm);
    const modelLogit = this.modelLogit(norm);
    const negativity = sigmoid(this.blendedLogit(modelLogit, hits));
    return { negativity, modelLogit, consultation: isConsultation(hits), lexiconOffset: lexiconOffset(hits), lexiconHits: hits, topFeatures };
  }
}

/** Quantises a trained linear model into the shipped file format. */
export function encodeModel(linear: LinearModel, features: FeatureConfig, training: TrainingInfo): NegativityModelFile {
  let maxAbs = 0;
  for (const w of linear.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const weightScale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const bytes = Buffer.alloc(linear.weights.length * 2);
  linear.weights.forEach((w, j) => bytes.writeInt16LE(Math.round(w / weightScale), j * 2));
  return { format: FORMAT, version: VERSION, features, bias: linear.bias, weightScale, weights: bytes.toString('base64'), training };
}

/** Loads a model file (default: the model shipped in ./model/). */
export function loadNegativityModel(path: string | URL = DEFAULT_MODEL_URL): NegativityModel {
  const file = JSON.parse(readFileSync(path, 'utf8')) as NegativityModelFile;
  return new NegativityModel(file);
}
