// Grouping posts into stories (事件): a new post joins the most similar story (MinHash estimate
// ≥ JOIN_SIMILARITY against the story's first post) whose place is compatible (same region, one
// within the other, or either unknown) and whose time span, widened by STORY_WINDOW_HOURS, covers
// the post's publication; otherwise it starts a story of its own. Stories created earlier in the
// same batch are candidates too, so a burst of reposts arriving together becomes one story.
import { decayHeat } from '../ingest/heat';
import type { RegionIndex } from '../ingest/place';
import { bandKeys, similarity, type Signature } from './minhash';

export const JOIN_SIMILARITY = 0.5;
export const STORY_WINDOW_HOURS = 48;
const WINDOW_MS = STORY_WINDOW_HOURS * 3_600_000;
const LABEL_MAX = 40;

/** A stored story as the assigner loads it. */
export interface StoryRow {
  id: number;
  label: string;
  regionCode: string | null;
  firstAt: Date;
  lastAt: Date;
  postCount: number;
  heat: number;
  peakHeat: number;
  negativity: number | null;
  updatedAt: Date;
  signature: number[] | null;
}

/** A story as this batch leaves it. */
export interface StoryState {
  /** Database id; null for a story created in this batch until ids are allocated. */
  id: number | null;
  label: string;
  regionCode: string | null;
  firstAt: Date;
  lastAt: Date;
  postCount: number;
  /** Heat before this batch, decayed to now. */
  heatBefore: number;
  /** Heat after this batch. */
  heat: number;
  peakHeat: number;
  negativity: number | null;
  signature: Signature;
  /** The signature as a PostgreSQL array literal, for a story this batch creates (else null). */
  signatureText: string | null;
  isNew: boolean;
  touched: boolean;
}

/** What the assigner needs of a post. */
export interface StoryPost {
  title: string | null;
  text: string;
  regionCode: string | null;
  publishedAt: Date;
  negativity: number;
  signature: Signature;
  /** The signature as a PostgreSQL array literal ('{…}'), serialised before the lock. */
  signatureText: string;
  bandKeys: number[];
}

/** A short label from the post that started the story. */
export function storyLabel(title: string | null, text: string): string {
  const s = (title || text).replace(/\s+/g, ' ').trim();
  return s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX)}…` : s;
}

/** Assigns a batch's posts to stories; holds the candidates and the stories it touched. */
export class StoryAssigner {
  private readonly byKey = new Map<number, StoryState[]>();
  private readonly byId = new Map<number, StoryState>();
  private readonly all: StoryState[] = [];

  constructor(
    private readonly regions: RegionIndex,
    rows: readonly StoryRow[],
    private readonly now: Date,
  ) {
    for (const r of rows) {
      const heatBefore = decayHeat(r.heat, r.updatedAt, now);
      const signature = Int32Array.from(r.signature ?? []);
      const s: StoryState = { ...r, heatBefore, heat: heatBefore, signature, signatureText: null, isNew: false, touched: false };
      this.byId.set(r.id, s);
      this.all.push(s);
      if (r.signature && r.signature.length > 0) this.index(s, bandKeys(signature));
    }
  }

  private index(s: StoryState, keys: readonly number[]): void {
    for (const k of keys) {
      const list = this.byKey.get(k);
      if (list) list.push(s);
      else this.byKey.set(k, [s]);
    }
  }

  private fits(s: StoryState, p: StoryPost): boolean {
    const t = p.publishedAt.getTime();
    return t >= s.firstAt.getTime() - WINDOW_MS && t <= s.lastAt.getTime() + WINDOW_MS && this.regions.compatible(s.regionCode, p.regionCode);
  }

  /** The story a new post joins (or starts), updated with the post. */
  assign(p: StoryPost, heatContribution: number): StoryState {
    let best: StoryState | null = null;
    let bestSim = JOIN_SIMILARITY;
    const seen = new Set<StoryState>();
    for (const k of p.bandKeys) {
      for (const s of this.byKey.get(k) ?? []) {
        if (seen.has(s)) continue;
        seen.add(s);
        const sim = similarity(p.signature, s.signature);
        if (sim >= bestSim && this.fits(s, p) && (sim > bestSim || !best || s.lastAt > best.lastAt)) {
          best = s;
          bestSim = sim;
        }
      }
    }
    if (!best) return this.start(p, heatContribution);
    best.negativity = ((best.negativity ?? p.negativity) * best.postCount + p.negativity) / (best.postCount + 1);
    best.postCount++;
    if (p.publishedAt < best.firstAt) best.firstAt = p.publishedAt;
    if (p.publishedAt > best.lastAt) best.lastAt = p.publishedAt;
    best.regionCode ??= p.regionCode;
    this.addHeat(best, heatContribution);
    return best;
  }

  private start(p: StoryPost, heatContribution: number): StoryState {
    const s: StoryState = {
      id: null,
      label: storyLabel(p.title, p.text),
      regionCode: p.regionCode,
      firstAt: p.publishedAt,
      lastAt: p.publishedAt,
      postCount: 1,
      heatBefore: 0,
      heat: 0,
      peakHeat: 0,
      negativity: p.negativity,
      signature: p.signature,
      signatureText: p.signatureText,
      isNew: true,
      touched: true,
    };
    this.addHeat(s, heatContribution);
    this.all.push(s);
    this.index(s, p.bandKeys);
    return s;
  }

  private addHeat(s: StoryState, contribution: number): void {
    s.heat += contribution;
    s.peakHeat = Math.max(s.peakHeat, s.heat);
    s.touched = true;
  }

  /** A known post observed again: its story gains the post's heat contribution. */
  update(storyId: number, heatContribution: number): StoryState | null {
    const s = this.byId.get(storyId);
    if (!s) return null;
    this.addHeat(s, heatContribution);
    return s;
  }

  /** Stories this batch created or changed. */
  touched(): StoryState[] {
    return this.all.filter((s) => s.touched);
  }
}
