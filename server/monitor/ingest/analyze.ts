// Per-text analysis that needs no database: negativity (the shipped model) and the MinHash
// signature with its LSH band keys. Runs on the text worker (scoring.ts) or inline.
import { loadNegativityModel, type NegativityModel } from '../negativity';
import { bandKeys, minhash, MINHASH_BANDS, MINHASH_K } from '../stories/minhash';

/** Analysis of n texts: flat typed arrays (cheap to transfer between threads). */
export interface TextAnalysis {
  /** n scores in [0,1]. */
  negativity: Float64Array;
  /** n × MINHASH_K signature values. */
  signatures: Int32Array;
  /** n × MINHASH_BANDS band keys. */
  bandKeys: Float64Array;
}

let model: NegativityModel | undefined;

/** Analyses normalised texts on this thread; `fallbacks` seed the signature of texts without letters. */
export function analyzeInline(texts: readonly string[], fallbacks: readonly string[]): TextAnalysis {
  model ??= loadNegativityModel();
  const n = texts.length;
  const out: TextAnalysis = { negativity: new Float64Array(n), signatures: new Int32Array(n * MINHASH_K), bandKeys: new Float64Array(n * MINHASH_BANDS) };
  for (let i = 0; i < n; i++) {
    out.negativity[i] = model.scoreNormalized(texts[i]!);
    const sig = minhash(texts[i]!, fallbacks[i]);
    out.signatures.set(sig, i * MINHASH_K);
    out.bandKeys.set(bandKeys(sig), i * MINHASH_BANDS);
  }
  return out;
}
