// Single-pass online clustering: appeals arrive in time order; each joins the most similar active
// issue when the similarity reaches the threshold, or starts a new one. An inverted index from terms
// to issues keeps the comparison to issues that share a telling word. When an appeal joins one issue
// and is nearly as close to another, and the two centroids have converged, the two merge; a periodic
// pass (`mergeEvery`) does the same across all recently active issues.
import { heatAt } from './heat';
import {
  centroidVector,
  DEFAULT_CLUSTER,
  isActive,
  isElsewhere,
  issueSimilarity,
  joinIssue,
  mergeInto,
  PLACE_MISMATCH_FACTOR,
  relabel,
  startIssue,
  type ClusterItem,
  type ClusterOptions,
  type HotIssueState,
} from './issue';
import { extractFeatures, type Features } from './text';
import { DocStats, dot, tfidf, topTerms, type Sparse } from './tfidf';

/** Where an appeal went. */
export interface Assignment {
  issueId: string;
  similarity: number;
  isNew: boolean;
  /** Issues merged into `issueId` as a result. */
  merged: string[];
}

/** An issue with its id and member ids, as the in-memory clusterer holds it. */
export interface IssueWithMembers {
  id: string;
  state: HotIssueState;
  memberIds: string[];
}

/** Serialised clusterer: settings, statistics and issues, as plain JSON. */
export interface ClustererJSON {
  options: ClusterOptions;
  stats: { docs: number; df: Record<string, number> };
  nextId: number;
  issues: IssueWithMembers[];
}

/** How many of an appeal's heaviest terms look up candidate issues. */
const CANDIDATE_TERMS = 12;
/** Share of documents above which a term (beyond an appeal's top three) is too common to look issues up by. */
const COMMON_SHARE = 0.02;

/** The in-memory online clusterer (the CLI and tests); the server keeps the same state in PostgreSQL. */
export class OnlineClusterer {
  readonly options: ClusterOptions;
  readonly stats: DocStats;
  /** Whether each appeal also counts into the document statistics (off when they were counted beforehand). */
  learnStats: boolean;
  mergeEvery: number;
  private nextId = 1;
  private readonly issues = new Map<string, IssueWithMembers>();
  private readonly index = new Map<string, Set<string>>();
  private sinceMerge = 0;
  /** IDF-weighted centroids by issue id, with the document count they were computed at. */
  private readonly centroids = new Map<string, { docs: number; vector: Sparse }>();

  constructor(opts: { options?: Partial<ClusterOptions>; stats?: DocStats; learnStats?: boolean; mergeEvery?: number } = {}) {
    this.options = { ...DEFAULT_CLUSTER, ...opts.options };
    this.stats = opts.stats ?? new DocStats();
    this.learnStats = opts.learnStats ?? !opts.stats;
    this.mergeEvery = opts.mergeEvery ?? 500;
  }

  /** Clusters one appeal (appeals must come in time order). */
  add(item: ClusterItem, features: Features = extractFeatures(item)): Assignment {
    if (this.learnStats) this.stats.add(features.terms.keys());
    const vector = tfidf(features.terms, this.stats);
    const ranked = this.rank(vector, item.at, features);
    const best = ranked[0];
    let result: Assignment;
    if (best && best.sim >= this.options.threshold) {
      const target = this.issues.get(best.id) as IssueWithMembers;
      joinIssue(target.state, item, features, best.sim, this.stats, this.options);
      target.memberIds.push(item.id);
      this.indexTerms(target);
      const merged = this.mergeConverged(target, ranked.slice(1, 4).map((r) => r.id));
      result = { issueId: target.id, similarity: best.sim, isNew: false, merged };
    } else {
      const id = String(this.nextId++);
      const issue: IssueWithMembers = { id, state: startIssue(item, features, this.stats, this.options), memberIds: [item.id] };
      this.issues.set(id, issue);
      this.indexTerms(issue);
      result = { issueId: id, similarity: 1, isNew: true, merged: [] };
    }
    if (++this.sinceMerge >= this.mergeEvery) {
      this.sinceMerge = 0;
      this.mergePass(item.at);
    }
    return result;
  }

  /** Active issues sharing one of the vector's heaviest terms, most similar first. */
  private rank(vector: Sparse, at: number, features?: Features): { id: string; sim: number }[] {
    const candidates = new Set<string>();
    const common = Math.max(20, this.stats.docs * COMMON_SHARE);
    topTerms(vector, CANDIDATE_TERMS).forEach(([t], rank) => {
      // Words in many appeals (小区, 噪音) would make every issue a candidate; the telling ones suffice.
      if (rank >= 3 && (this.stats.df.get(t) ?? 0) > common) return;
      for (const id of this.index.get(t) ?? []) candidates.add(id);
    });
    const out: { id: string; sim: number }[] = [];
    for (const id of candidates) {
      const issue = this.issues.get(id);
      if (!issue || !isActive(issue.state, at, this.options)) continue;
      const sim = dot(vector, this.centroid(issue));
      out.push({ id, sim: features && isElsewhere(issue.state, features) ? sim * PLACE_MISMATCH_FACTOR : sim });
    }
    return out.sort((a, b) => b.sim - a.sim || Number(a.id) - Number(b.id));
  }

  /** The issue's weighted centroid, recomputed after it changed or once the statistics grew by 2 %. */
  private centroid(issue: IssueWithMembers): Sparse {
    const cached = this.centroids.get(issue.id);
    if (cached && this.stats.docs <= cached.docs * 1.02) return cached.vector;
    const vector = centroidVector(issue.state, this.stats);
    this.centroids.set(issue.id, { docs: this.stats.docs, vector });
    return vector;
  }

  private indexTerms(issue: IssueWithMembers): void {
    this.centroids.delete(issue.id);
    for (const t of Object.keys(issue.state.terms)) {
      let set = this.index.get(t);
      if (!set) this.index.set(t, (set = new Set()));
      set.add(issue.id);
    }
  }

  /** Merges the runners-up into `target` when their centroids have converged with it. */
  private mergeConverged(target: IssueWithMembers, runnersUp: string[]): string[] {
    const merged: string[] = [];
    for (const id of runnersUp) {
      const other = this.issues.get(id);
      if (!other || other === target) continue;
      if (issueSimilarity(target.state, other.state, this.stats) < this.options.mergeThreshold) continue;
      this.absorb(target, other);
      merged.push(id);
    }
    return merged;
  }

  private absorb(into: IssueWithMembers, from: IssueWithMembers): void {
    mergeInto(into.state, from.state, this.stats, this.options);
    into.memberIds.push(...from.memberIds);
    this.issues.delete(from.id);
    this.centroids.delete(from.id);
    for (const t of Object.keys(from.state.terms)) this.index.get(t)?.delete(from.id);
    this.indexTerms(into);
  }

  /** Merges recently active issues (of two or more appeals) whose centroids have converged. */
  mergePass(at: number): number {
    let count = 0;
    const active = [...this.issues.values()].filter((i) => i.state.size >= 2 && isActive(i.state, at, this.options));
    active.sort((a, b) => b.state.size - a.state.size || Number(a.id) - Number(b.id));
    for (const issue of active) {
      if (!this.issues.has(issue.id)) continue;
      for (const r of this.rank(this.centroid(issue), at)) {
        if (r.id === issue.id || r.sim < this.options.mergeThreshold) continue;
        const other = this.issues.get(r.id);
        if (!other || other.state.size > issue.state.size) continue;
        if (issueSimilarity(issue.state, other.state, this.stats) < this.options.mergeThreshold) continue;
        this.absorb(issue, other);
        count++;
      }
    }
    return count;
  }

  /** All issues, labelled. */
  all(): IssueWithMembers[] {
    return [...this.issues.values()].map((i) => this.labelled(i));
  }

  /** The issue with its label brought up to date (labels are computed on demand). */
  labelled(issue: IssueWithMembers): IssueWithMembers {
    if (issue.state.label === '') relabel(issue.state, this.stats);
    return issue;
  }

  /** The `k` hottest issues of at least `minSize` appeals, heat taken at `ref`. */
  hottest(ref: number, k = 10, minSize = 2): { issue: IssueWithMembers; heat: number }[] {
    return [...this.issues.values()]
      .filter((i) => i.state.size >= minSize)
      .map((issue) => ({ issue, heat: heatAt(issue.state, ref, this.options.heat) }))
      .sort((a, b) => b.heat - a.heat || b.issue.state.size - a.issue.state.size)
      .slice(0, k)
      .map((x) => ({ issue: this.labelled(x.issue), heat: x.heat }));
  }

  /** Plain JSON of the whole clusterer. */
  toJSON(): ClustererJSON {
    return { options: this.options, stats: this.stats.toJSON(), nextId: this.nextId, issues: this.all() };
  }

  /** A clusterer restored from its JSON; clustering continues where it stopped. */
  static fromJSON(json: ClustererJSON, opts: { learnStats?: boolean; mergeEvery?: number } = {}): OnlineClusterer {
    const c = new OnlineClusterer({ options: json.options, stats: DocStats.fromJSON(json.stats), learnStats: opts.learnStats ?? true, mergeEvery: opts.mergeEvery });
    c.nextId = json.nextId;
    for (const issue of json.issues) {
      c.issues.set(issue.id, issue);
      c.indexTerms(issue);
    }
    return c;
  }
}
