// Document statistics and TF-IDF over sparse term maps. The statistics come from the data being
// processed (the file a CLI reads, the city's own appeals in the server) and grow as documents
// arrive; nothing is shipped. Vectors keep raw term weights so that centroids stay valid when the
// statistics change: IDF is applied when two things are compared.

/** Empty documents assumed besides the real ones (see `idf`). */
const PRIOR_DOCS = 100;

/** Document frequencies: how many documents hold each term. Serialisable as JSON. */
export class DocStats {
  docs = 0;
  readonly df = new Map<string, number>();
  /** IDF values computed since the last change (logarithms dominate clustering time otherwise). */
  private readonly idfCache = new Map<string, number>();

  /** Counts one more document holding these terms. */
  add(terms: Iterable<string>): void {
    this.docs++;
    this.idfCache.clear();
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Sets a term's document frequency (an estimate made elsewhere, e.g. for a place term). */
  setDf(term: string, n: number): void {
    this.df.set(term, n);
    this.idfCache.delete(term);
  }

  /**
   * Smoothed inverse document frequency: ln((1 + N + P) / (1 + df)) + 1, with a prior of P = 100
   * empty documents. Unseen terms get the maximum. The prior keeps a young city's few appeals from
   * punishing exactly the words they share (with N = 2, a word in both would weigh least); at
   * thousands of appeals it no longer matters.
   */
  idf(term: string): number {
    let v = this.idfCache.get(term);
    if (v === undefined) {
      v = Math.log((1 + this.docs + PRIOR_DOCS) / (1 + (this.df.get(term) ?? 0))) + 1;
      this.idfCache.set(term, v);
    }
    return v;
  }

  /** Plain JSON (`{docs, df: {term: n}}`) so the statistics can be stored or shipped between processes. */
  toJSON(): { docs: number; df: Record<string, number> } {
    return { docs: this.docs, df: Object.fromEntries(this.df) };
  }

  /** Statistics from their JSON form, or from counts read elsewhere (e.g. the appeals table). */
  static fromJSON(json: { docs: number; df: Record<string, number> }): DocStats {
    const s = new DocStats();
    s.docs = json.docs;
    for (const [t, n] of Object.entries(json.df)) s.df.set(t, n);
    return s;
  }
}

/** A sparse vector. */
export type Sparse = Map<string, number>;

/** TF-IDF weights of raw term weights, scaled to unit length. */
export function tfidf(terms: Sparse, stats: DocStats): Sparse {
  const out: Sparse = new Map();
  let norm = 0;
  for (const [t, w] of terms) {
    const v = w * stats.idf(t);
    out.set(t, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, v] of out) out.set(t, v / norm);
  return out;
}

/** Dot product of two sparse vectors (iterates the smaller). */
export function dot(a: Sparse, b: Sparse): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, v] of small) {
    const w = large.get(t);
    if (w !== undefined) s += v * w;
  }
  return s;
}

/** The `k` terms of largest weight, heaviest first. */
export function topTerms(v: Sparse, k: number): [string, number][] {
  return [...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k);
}

/** Raw weights scaled to unit Euclidean length (a member's equal share in a centroid). */
export function unitLength(terms: Sparse): Sparse {
  let norm = 0;
  for (const v of terms.values()) norm += v * v;
  norm = Math.sqrt(norm);
  const out: Sparse = new Map();
  if (norm > 0) for (const [t, v] of terms) out.set(t, v / norm);
  return out;
}
