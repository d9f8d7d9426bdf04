// 8-bit weights: each column (feature) keeps one float scale and one signed byte per class, so a
// model file shrinks to about half (7 classes) or a quarter (many units) of its float32 size. The
// rounding error is at most half a step of that column's largest weight (≤ 0.4 % of it).

/** Quantised weights: w[c*K+k] ≈ q[c*K+k] × scale[c]. */
export interface QuantizedWeights {
  q: Int8Array;
  scale: Float32Array;
}

/** Rounds every column of w (nCols × K) to 8 bits with its own scale. */
export function quantizeWeights(w: Float32Array, K: number): QuantizedWeights {
  const nCols = w.length / K;
  const q = new Int8Array(w.length);
  const scale = new Float32Array(nCols);
  for (let c = 0; c < nCols; c++) {
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, Math.abs(w[c * K + k] as number));
    if (max === 0) continue;
    const s = Math.fround(max / 127);
    scale[c] = s;
    for (let k = 0; k < K; k++) q[c * K + k] = Math.round((w[c * K + k] as number) / s);
  }
  return { q, scale };
}

/** The float32 weights a quantised table stands for (identical on every load). */
export function dequantizeWeights(qw: QuantizedWeights, K: number): Float32Array {
  const w = new Float32Array(qw.q.length);
  for (let c = 0; c < qw.scale.length; c++) {
    const s = qw.scale[c] as number;
    for (let k = 0; k < K; k++) w[c * K + k] = (qw.q[c * K + k] as number) * s;
  }
  return w;
}
