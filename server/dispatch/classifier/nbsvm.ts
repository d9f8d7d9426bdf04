// Naive-Bayes-flavoured linear heads over the same TF-IDF rows: plain multinomial NB (an ensemble
// member) and NB-SVM, the default model, which scales each feature by how strongly it separates
// one class from the rest before the SVM sees it.
import { trainSvm, type LinearOptions, type LinearWeights, type Rows } from './linear';

/** Multinomial naive Bayes on the (TF-IDF) rows as a linear head: w = log θ, b = log prior. */
export function trainNbHead(rows: Rows, opt: LinearOptions): LinearWeights {
  const { nCols, nClasses: K } = rows;
  const sums = new Float64Array(nCols * K);
  const totals = new Float64Array(K);
  const docs = new Float64Array(K);
  for (let i = 0; i < rows.y.length; i++) {
    const y = rows.y[i] as number;
    const ix = rows.idx[i] as Int32Array;
    const vx = rows.val[i] as Float32Array;
    docs[y] = (docs[y] as number) + 1;
    for (let j = 0; j < ix.length; j++) {
      sums[(ix[j] as number) * K + y] = (sums[(ix[j] as number) * K + y] as number) + (vx[j] as number);
      totals[y] = (totals[y] as number) + (vx[j] as number);
    }
  }
  const alpha = opt.l2 > 0 ? opt.l2 : 0.1;
  const w = new Float32Array(nCols * K);
  for (let c = 0; c < nCols; c++) {
    for (let k = 0; k < K; k++) w[c * K + k] = Math.log(((sums[c * K + k] as number) + alpha) / ((totals[k] as number) + alpha * nCols));
  }
  // Balanced prior when asked: macro-F1 rewards not favouring the big classes.
  const b = Float32Array.from(docs, (d) => (opt.balanced ? 0 : Math.log(d / rows.y.length)));
  return { w, b };
}

/** NB-SVM (Wang & Manning 2012): per class, scale features by the NB log-count ratio, then SVM. */
export function trainNbSvm(rows: Rows, opt: LinearOptions): LinearWeights {
  const { nCols } = rows;
  const all = new Float64Array(nCols);
  for (let i = 0; i < rows.y.length; i++) {
    const ix = rows.idx[i] as Int32Array;
    const vx = rows.val[i] as Float32Array;
    for (let j = 0; j < ix.length; j++) all[ix[j] as number] = (all[ix[j] as number] as number) + (vx[j] as number);
  }
  const alpha = opt.l2 > 0 ? opt.l2 : 1;
  const power = opt.nbPower ?? 1;
  const mine = new Float64Array(nCols);
  // |log(p/q)| for class k: p from the class's TF-IDF mass per column, q from every other class's.
  const scaleOf = (k: number): Float32Array => {
    mine.fill(0);
    for (let i = 0; i < rows.y.length; i++) {
      if (rows.y[i] !== k) continue;
      const ix = rows.idx[i] as Int32Array;
      const vx = rows.val[i] as Float32Array;
      for (let j = 0; j < ix.length; j++) mine[ix[j] as number] = (mine[ix[j] as number] as number) + (vx[j] as number);
    }
    let pn = 0;
    let qn = 0;
    for (let c = 0; c < nCols; c++) {
      pn += (mine[c] as number) + alpha;
      qn += (all[c] as number) - (mine[c] as number) + alpha;
    }
    const r = new Float32Array(nCols);
    for (let c = 0; c < nCols; c++) {
      const p = ((mine[c] as number) + alpha) / pn;
      const q = ((all[c] as number) - (mine[c] as number) + alpha) / qn;
      r[c] = power === 1 ? Math.abs(Math.log(p / q)) : Math.abs(Math.log(p / q)) ** power;
    }
    return r;
  };
  return trainSvm(rows, opt, scaleOf);
}
