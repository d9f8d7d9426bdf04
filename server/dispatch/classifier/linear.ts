// Linear learners over compact sparse rows: one-vs-rest L2-loss linear SVM trained by dual
// coordinate descent (LIBLINEAR's solver, Hsieh et al. 2008: no learning rate to tune, converges in
// a few dozen passes; NB-SVM in nbsvm.ts builds on it) and multinomial logistic regression with
// AdaGrad. Both are deterministic: every shuffle comes from a seeded PRNG.

/** Training rows in compact column space (columns 0..nCols-1). */
export interface Rows {
  idx: Int32Array[];
  val: Float32Array[];
  y: Int32Array;
  nCols: number;
  nClasses: number;
}

/** Dense weights: w[col * nClasses + k], plus one bias per class. */
export interface LinearWeights {
  w: Float32Array;
  b: Float32Array;
}

/** Solver settings. */
export interface LinearOptions {
  solver: 'svm' | 'logreg' | 'nb' | 'nbsvm';
  /** SVM: cost C. Logistic regression: ignored. */
  c: number;
  /** Logistic regression: L2 strength per update. Naive Bayes: additive smoothing. */
  l2: number;
  /** Maximum passes over the data. */
  epochs: number;
  /** Re-weight examples so every class has the same total weight (helps macro-F1). */
  balanced: boolean;
  seed: number;
  /** SVM: stop when the projected-gradient spread of a pass falls below this (LIBLINEAR uses 0.1). */
  tolerance: number;
  /** Exponent of the balanced class weights (1 = every class the same total weight). */
  balancePower?: number;
  /** NB-SVM: exponent β of the log-count-ratio scaling |r|^β (0 = plain SVM, 1 = Wang & Manning). */
  nbPower?: number;
}

/** Small, fast, seedable PRNG (mulberry32) so shuffles are identical on every run. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given PRNG. */
export function shuffle(a: Int32Array, rng: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

function classWeights(rows: Rows, opt: Pick<LinearOptions, 'balanced' | 'balancePower'>): Float64Array {
  const cw = new Float64Array(rows.nClasses).fill(1);
  if (!opt.balanced) return cw;
  const counts = new Float64Array(rows.nClasses);
  for (const y of rows.y) counts[y] = (counts[y] as number) + 1;
  const n = rows.y.length;
  for (let k = 0; k < rows.nClasses; k++) {
    const c = counts[k] as number;
    cw[k] = c > 0 ? (n / (rows.nClasses * c)) ** (opt.balancePower ?? 1) : 1;
  }
  return cw;
}

/**
 * One-vs-rest L2-regularised L2-loss SVM by dual coordinate descent (bias as a constant feature).
 * `scaleOf(k)` optionally scales the features for class k (NB-SVM); it is asked for one class at a
 * time so that memory stays one column vector, not columns × classes, when routing to many units.
 */
export function trainSvm(rows: Rows, opt: LinearOptions, scaleOf?: (k: number) => Float32Array): LinearWeights {
  const { nCols, nClasses } = rows;
  const n = rows.y.length;
  const W = new Float32Array(nCols * nClasses);
  const B = new Float32Array(nClasses);
  const cw = classWeights(rows, opt);
  const sqNorm = new Float64Array(n);
  const order = new Int32Array(n);
  const w = new Float64Array(nCols);
  const alpha = new Float64Array(n);
  for (let k = 0; k < nClasses; k++) {
    const r = scaleOf?.(k);
    for (let i = 0; i < n; i++) {
      const ix = rows.idx[i] as Int32Array;
      const v = rows.val[i] as Float32Array;
      let s = 1; // bias feature
      for (let j = 0; j < v.length; j++) s += ((v[j] as number) * (r ? (r[ix[j] as number] as number) : 1)) ** 2;
      sqNorm[i] = s;
    }
    const rng = makeRng(opt.seed + k * 7919);
    for (let i = 0; i < n; i++) order[i] = i;
    w.fill(0);
    alpha.fill(0);
    let bias = 0;
    for (let epoch = 0; epoch < opt.epochs; epoch++) {
      shuffle(order, rng);
      let pgMax = -Infinity;
      let pgMin = Infinity;
      for (const i of order) {
        const yi = rows.y[i] === k ? 1 : -1;
        // Per-example cost: balanced weighting scales C by the weight of the example's own class.
        const diag = 0.5 / (opt.c * (cw[rows.y[i] as number] as number));
        const ix = rows.idx[i] as Int32Array;
        const vx = rows.val[i] as Float32Array;
        let dot = bias;
        if (r) for (let j = 0; j < ix.length; j++) dot += (w[ix[j] as number] as number) * (vx[j] as number) * (r[ix[j] as number] as number);
        else for (let j = 0; j < ix.length; j++) dot += (w[ix[j] as number] as number) * (vx[j] as number);
        const a = alpha[i] as number;
        const g = yi * dot - 1 + diag * a;
        const pg = a === 0 ? Math.min(g, 0) : g;
        if (pg > pgMax) pgMax = pg;
        if (pg < pgMin) pgMin = pg;
        if (Math.abs(pg) < 1e-12) continue;
        const na = Math.max(a - g / ((sqNorm[i] as number) + diag), 0);
        alpha[i] = na;
        const d = (na - a) * yi;
        if (d === 0) continue;
        if (r) for (let j = 0; j < ix.length; j++) w[ix[j] as number] = (w[ix[j] as number] as number) + d * (vx[j] as number) * (r[ix[j] as number] as number);
        else for (let j = 0; j < ix.length; j++) w[ix[j] as number] = (w[ix[j] as number] as number) + d * (vx[j] as number);
        bias += d;
      }
      // LIBLINEAR's stopping rule: the projected-gradient spread says the dual is near optimal.
      if (pgMax - pgMin < opt.tolerance) break;
    }
    // Scaled features (NB-SVM) fold into the weights, so prediction stays one dot product.
    for (let c = 0; c < nCols; c++) W[c * nClasses + k] = (w[c] as number) * (r ? (r[c] as number) : 1);
    B[k] = bias;
  }
  return { w: W, b: B };
}

/** Multinomial logistic regression by AdaGrad SGD with lazy L2 on touched weights. */
export function trainLogReg(rows: Rows, opt: LinearOptions): LinearWeights {
  const { nCols, nClasses: K } = rows;
  const n = rows.y.length;
  const W = new Float64Array(nCols * K);
  const G = new Float64Array(nCols * K).fill(1e-8);
  const B = new Float64Array(K);
  const GB = new Float64Array(K).fill(1e-8);
  const cw = classWeights(rows, opt);
  const rng = makeRng(opt.seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const s = new Float64Array(K);
  const lr = 0.5;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(order, rng);
    for (const i of order) {
      const ix = rows.idx[i] as Int32Array;
      const vx = rows.val[i] as Float32Array;
      const yi = rows.y[i] as number;
      const wi = cw[yi] as number;
      for (let k = 0; k < K; k++) s[k] = B[k] as number;
      for (let j = 0; j < ix.length; j++) {
        const base = (ix[j] as number) * K;
        const v = vx[j] as number;
        for (let k = 0; k < K; k++) s[k] = (s[k] as number) + (W[base + k] as number) * v;
      }
      softmaxInPlace(s);
      for (let k = 0; k < K; k++) {
        const g = wi * ((s[k] as number) - (k === yi ? 1 : 0));
        s[k] = g;
        GB[k] = (GB[k] as number) + g * g;
        B[k] = (B[k] as number) - (lr * g) / Math.sqrt(GB[k] as number);
      }
      for (let j = 0; j < ix.length; j++) {
        const base = (ix[j] as number) * K;
        const v = vx[j] as number;
        for (let k = 0; k < K; k++) {
          const p = base + k;
          const g = (s[k] as number) * v + opt.l2 * (W[p] as number);
          G[p] = (G[p] as number) + g * g;
          W[p] = (W[p] as number) - (lr * g) / Math.sqrt(G[p] as number);
        }
      }
    }
  }
  return { w: Float32Array.from(W), b: Float32Array.from(B) };
}

/** Replaces scores by their softmax (numerically stable). */
export function softmaxInPlace(s: Float64Array | number[]): void {
  let m = -Infinity;
  for (let k = 0; k < s.length; k++) if ((s[k] as number) > m) m = s[k] as number;
  let z = 0;
  for (let k = 0; k < s.length; k++) {
    const e = Math.exp((s[k] as number) - m);
    s[k] = e;
    z += e;
  }
  for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) / z;
}

/** Scores of one compact row under the weights (bias included). */
export function scoreRow(wt: LinearWeights, K: number, idx: Int32Array, val: Float32Array, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = wt.b[k] as number;
  for (let j = 0; j < idx.length; j++) {
    const base = (idx[j] as number) * K;
    const v = val[j] as number;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (wt.w[base + k] as number) * v;
  }
}

/** Fits the softmax temperature T (p ∝ exp(T·score)) minimising log-loss on held-out scores. */
export function fitTemperature(scores: Float64Array[], y: Int32Array): number {
  const nll = (t: number): number => {
    let loss = 0;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i] as Float64Array;
      let m = -Infinity;
      for (const v of s) if (t * v > m) m = t * v;
      let z = 0;
      for (const v of s) z += Math.exp(t * v - m);
      loss += m + Math.log(z) - t * (s[y[i] as number] as number);
    }
    return loss;
  };
  // Golden-section search on log T: the NLL is unimodal in T for fixed scores.
  let lo = Math.log(0.05);
  let hi = Math.log(200);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

