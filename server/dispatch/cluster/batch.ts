// Batch runs over a file of messages (the `minsheng hot` and `minsheng dupes` commands): document
// statistics from the whole file (it is the data being processed), then the same online clustering
// and duplicate scoring the server runs per appeal, and readable summaries of the results.
import { createHash } from 'node:crypto';
import { findDuplicatePairs, prepare, DEFAULT_DUPLICATES, type DuplicateOptions, type DuplicatePair } from './duplicates';
import { shanghaiDay } from './heat';
import { DEFAULT_CLUSTER, type ClusterItem, type ClusterOptions } from './issue';
import { OnlineClusterer } from './online';
import { extractFeatures, type Features } from './text';
import { DocStats } from './tfidf';

/** Features of every item and the statistics over all of them. */
export function analyse(items: readonly ClusterItem[]): { features: Features[]; stats: DocStats } {
  const features = items.map((i) => extractFeatures(i));
  const stats = new DocStats();
  for (const f of features) stats.add(f.terms.keys());
  return { features, stats };
}

/** Clusters items (in time order) in one pass, then runs a final merge pass. */
export function clusterItems(items: readonly ClusterItem[], options: Partial<ClusterOptions> = {}, analysed = analyse(items)): OnlineClusterer {
  const clusterer = new OnlineClusterer({ options: { ...DEFAULT_CLUSTER, ...options }, stats: analysed.stats, learnStats: false });
  items.forEach((item, i) => clusterer.add(item, analysed.features[i]));
  const last = items[items.length - 1];
  if (last) clusterer.mergePass(last.at);
  return clusterer;
}

/** One hot issue as the CLI prints it (and `--json` emits it). */
export interface HotIssueSummary {
  rank: number;
  label: string;
  size: number;
  likes: number;
  against: number;
  heat: number;
  firstDate: string;
  lastDate: string;
  places: string[];
  keywords: string[];
  examples: string[];
  memberIds: string[];
}

/** The `top` hottest issues of at least `minSize` appeals at reference time `ref`. */
export function hottestSummaries(clusterer: OnlineClusterer, items: readonly ClusterItem[], ref: number, top: number, minSize = 2): HotIssueSummary[] {
  const titles = new Map(items.map((i) => [i.id, i.title]));
  return clusterer.hottest(ref, top, minSize).map(({ issue, heat }, k) => {
    const s = issue.state;
    const label = s.label;
    // Examples: distinct titles, those closest to the issue first.
    const ordered = [...s.titles.map((t) => t.title), ...issue.memberIds.map((id) => titles.get(id) ?? '')];
    const examples = [...new Set(ordered)].filter((t) => t.length > 0).slice(0, 3);
    return {
      rank: k + 1,
      label,
      size: s.size,
      likes: s.likes,
      against: s.against,
      heat: Math.round(heat * 10) / 10,
      firstDate: shanghaiDay(s.firstAt),
      lastDate: shanghaiDay(s.lastAt),
      places: s.places.filter((p) => p.inTitles > 0 || (p.count >= 2 && p.count * 2 >= s.size)).slice(0, 4).map((p) => p.name),
      keywords: s.keywords.slice(0, 6),
      examples,
      memberIds: issue.memberIds,
    };
  });
}

/** Human-readable lines for `minsheng hot`. */
export function formatHot(summaries: readonly HotIssueSummary[]): string {
  const lines: string[] = [];
  for (const s of summaries) {
    lines.push(`${String(s.rank).padStart(2)}. ${s.label}`);
    lines.push(`    ${s.size}条诉求  点赞${s.likes}  反对${s.against}  热度${s.heat.toFixed(1)}  ${s.firstDate} – ${s.lastDate}`);
    if (s.places.length > 0) lines.push(`    地点：${s.places.join('、')}`);
    lines.push(`    关键词：${s.keywords.join('、')}`);
    for (const e of s.examples) lines.push(`    · ${e}`);
  }
  return lines.join('\n');
}

/** All proposed duplicate pairs of a batch. */
export function duplicatePairs(items: readonly ClusterItem[], options: Partial<DuplicateOptions> = {}, analysed = analyse(items)): DuplicatePair[] {
  const prepared = items.map((item, i) => prepare(item, analysed.stats, analysed.features[i]));
  return findDuplicatePairs(prepared, { ...DEFAULT_DUPLICATES, ...options });
}

/** A pair's place in the seeded order: a hash of the seed and the two ids. */
function pairRank(seed: string, p: DuplicatePair): string {
  return createHash('sha1').update(`${seed}\u0000${p.laterId}\u0000${p.earlierId}`).digest('hex');
}

/**
 * A reproducible random sample of `n` pairs: the pairs whose seeded hash is smallest. Each pair's
 * rank depends only on the seed and its own ids, so the sample does not depend on input order and
 * stays mostly the same when a change of settings adds or removes a few pairs elsewhere.
 */
export function samplePairs(pairs: readonly DuplicatePair[], n: number, seed: string): DuplicatePair[] {
  return pairs
    .map((p) => ({ p, rank: pairRank(seed, p) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, n)
    .map((x) => x.p);
}

const clip = (s: string, n: number): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return [...t].length <= n ? t : `${[...t].slice(0, n - 1).join('')}…`;
};

/** Human-readable lines for `minsheng dupes`: both appeals shortened, the score and the reasons. */
export function formatPairs(pairs: readonly DuplicatePair[], items: readonly ClusterItem[]): string {
  const byId = new Map(items.map((i) => [i.id, i]));
  const lines: string[] = [];
  pairs.forEach((p, k) => {
    const a = byId.get(p.laterId);
    const b = byId.get(p.earlierId);
    lines.push(`#${k + 1}  ${p.laterId} ↔ ${p.earlierId}  得分${p.score.toFixed(2)}  ${p.reasons.join('；')}`);
    for (const [tag, x] of [['新', a], ['早', b]] as const) {
      if (!x) continue;
      lines.push(`    ${tag} ${shanghaiDay(x.at)} 【${clip(x.title, 40)}】${clip(x.text, 90)}`);
    }
  });
  return lines.join('\n');
}
