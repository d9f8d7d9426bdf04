// Clustering an appeal against the database: the job the integrator runs after each submission.
// All durable state is in PostgreSQL (hot_issues, hot_issue_members, duplicate_candidates), so app
// nodes stay stateless; a transaction-level advisory lock serialises clustering so two appeals of
// the same problem arriving together cannot start two issues. Document statistics come from the
// city's own appeals (ts_stat over their search terms), cached per process and refreshed.
import pg from 'pg';
import { STATUS_CLASS, type AppealStatus } from '../../../shared/workflow';
import { withTransaction, type Queryable } from '../../db/pool';
import { upsertDuplicateCandidates } from '../../repositories/duplicates';
import {
  addHotIssueMember,
  documentFrequencies,
  findClusterAppeal,
  findIssuesByKeywords,
  findSimilarAppeals,
  insertHotIssue,
  loadIssueStates,
  lockClustering,
  memberHeatInputs,
  mergeHotIssueRows,
  updateHotIssue,
  type ClusterAppealRow,
  type IssueColumns,
} from '../../repositories/hot-issues';
import { segmenter } from '../../text/segment';
import { DEFAULT_DUPLICATES, duplicatesOf, prepare, type DuplicateOptions, type PreparedItem } from './duplicates';
import { heatOf } from './heat';
import { DEFAULT_CLUSTER, isActive, issueSimilarity, joinIssue, mergeInto, parseIssueState, placeAwareSimilarity, relabel, startIssue, type ClusterItem, type ClusterOptions, type HotIssueState } from './issue';
import { extractFeatures, type Features } from './text';
import { DocStats, topTerms } from './tfidf';
import { DAY_MS } from '../../../shared/calendar/dates';

/** What clustering one appeal produced. */
export interface ClusterAppealResult {
  hotIssueId: string | null;
  duplicates: { otherId: string; score: number; reasons: string[] }[];
}

/** Settings of the database path. */
export interface StoreOptions {
  cluster: ClusterOptions;
  duplicates: DuplicateOptions;
  /** Most candidate appeals read per appeal (full-text search, best rank first). */
  candidates: number;
  /** Newest appeals whose terms make the document statistics. */
  statsDocs: number;
}

export const STORE_OPTIONS: StoreOptions = { cluster: DEFAULT_CLUSTER, duplicates: DEFAULT_DUPLICATES, candidates: 200, statsDocs: 20_000 };

const STATS_TTL_MS = 10 * 60_000;
/** Below this many appeals the statistics are re-read on every call (a new city changes fast and reading is cheap). */
const YOUNG_CITY_DOCS = 1000;

let statsCache: { stats: DocStats; loadedAt: number } | null = null;

/** The city's document statistics, cached for ten minutes per process. */
async function cityStats(db: Queryable, docs: number): Promise<DocStats> {
  const c = statsCache;
  if (c && c.stats.docs >= YOUNG_CITY_DOCS && Date.now() - c.loadedAt < STATS_TTL_MS) return c.stats;
  const stats = DocStats.fromJSON(await documentFrequencies(db, docs));
  statsCache = { stats, loadedAt: Date.now() };
  return stats;
}

/** Forgets the cached statistics (tests; a city import). */
export function resetClusterStatsCache(): void {
  statsCache = null;
}

/**
 * Place terms (@key) are not among the stored search terms: estimate their document frequency from
 * the place's own words (a place is at most as common as its rarest word).
 */
function estimatePlaceTerms(stats: DocStats, f: Features): void {
  for (const t of f.terms.keys()) {
    if (!t.startsWith('@') || stats.df.has(t)) continue;
    const key = t.slice(1);
    const words = [key, ...segmenter().cut(key, true)].filter((w) => stats.df.has(w));
    stats.setDf(t, words.length > 0 ? Math.min(...words.map((w) => stats.df.get(w) as number)) : 0);
  }
}

const toItem = (r: ClusterAppealRow): ClusterItem => ({
  id: r.id,
  title: r.title,
  text: r.body,
  at: r.createdAt.getTime(),
  likes: r.supportCount,
  region: r.regionCode ? { code: r.regionCode, path: r.regionPath ?? undefined } : null,
});

const isOpen = (status: string): boolean => STATUS_CLASS[status as AppealStatus]?.isOpen ?? false;

/** Proposes duplicates among open appeals within the window and stores them. */
async function proposeDuplicates(db: Queryable, target: PreparedItem, candidates: readonly ClusterAppealRow[], stats: DocStats, opt: StoreOptions, now: Date) {
  const window = opt.duplicates.windowDays * DAY_MS;
  const others = candidates.filter((c) => isOpen(c.status) && Math.abs(c.createdAt.getTime() - target.item.at) <= window).map((c) => prepare(toItem(c), stats));
  const pairs = duplicatesOf(target, others, opt.duplicates);
  await upsertDuplicateCandidates(db, pairs.map((p) => ({ appealId: p.laterId, otherId: p.earlierId, score: p.score, reasons: p.reasons })), now);
  return pairs.map((p) => ({ otherId: p.laterId === target.item.id ? p.earlierId : p.laterId, score: p.score, reasons: p.reasons }));
}

/** Columns of an issue from its state. */
function columns(s: HotIssueState): IssueColumns {
  return { label: s.label, keywords: s.keywords, size: s.size, likes: s.likes, heat: s.heat, firstAt: new Date(s.firstAt), lastAt: new Date(s.lastAt) };
}

/** Likes and heat from the members as stored now (support counts change after submission). */
async function refreshHeat(db: Queryable, issueId: string, s: HotIssueState, opt: ClusterOptions): Promise<void> {
  const members = (await memberHeatInputs(db, issueId)).map((m) => ({ at: m.at.getTime(), likes: m.likes }));
  if (members.length === 0) return;
  s.heatAt = Math.max(...members.map((m) => m.at));
  s.heat = heatOf(members, s.heatAt, opt.heat);
  s.likes = members.reduce((sum, m) => sum + m.likes, 0);
  s.size = members.length;
}

/** Puts the appeal into the most similar active issue, or a new one; merges issues that converge. */
async function assignIssue(db: Queryable, target: PreparedItem, candidates: readonly ClusterAppealRow[], stats: DocStats, opt: StoreOptions, now: Date): Promise<string> {
  const copt = opt.cluster;
  const since = new Date(target.item.at - copt.maxGapDays * DAY_MS);
  const keywordTerms = topTerms(target.vector, 12).map(([t]) => t).filter((t) => !t.startsWith('@'));
  const ids = new Set(candidates.map((c) => c.hotIssueId).filter((id): id is string => id !== null));
  for (const id of await findIssuesByKeywords(db, keywordTerms, since, 50)) ids.add(id);
  const ranked = (await loadIssueStates(db, [...ids]))
    .map((r) => ({ id: r.id, state: parseIssueState(r.state) }))
    .filter((r) => isActive(r.state, target.item.at, copt))
    .map((r) => ({ ...r, sim: placeAwareSimilarity(r.state, target.vector, target.features, stats) }))
    .sort((a, b) => b.sim - a.sim || Number(a.id) - Number(b.id));
  const best = ranked[0];
  if (!best || best.sim < copt.threshold) {
    const state = startIssue(target.item, target.features, stats, copt);
    relabel(state, stats);
    const id = await insertHotIssue(db, columns(state), state, now);
    await addHotIssueMember(db, id, target.item.id, 1, now);
    return id;
  }
  joinIssue(best.state, target.item, target.features, best.sim, stats, copt);
  await addHotIssueMember(db, best.id, target.item.id, best.sim, now);
  for (const other of ranked.slice(1, 4)) {
    if (issueSimilarity(best.state, other.state, stats) < copt.mergeThreshold) continue;
    mergeInto(best.state, other.state, stats, copt);
    await mergeHotIssueRows(db, other.id, best.id);
  }
  await refreshHeat(db, best.id, best.state, copt);
  relabel(best.state, stats);
  await updateHotIssue(db, best.id, columns(best.state), best.state, now);
  return best.id;
}

/** The work of clusterAppeal inside a transaction that holds the clustering lock. */
async function clusterLocked(db: Queryable, appealId: string, now: Date, opt: StoreOptions): Promise<ClusterAppealResult> {
  // The city's term statistics are only read: fetch them before taking the lock others wait on.
  const stats = await cityStats(db, opt.statsDocs);
  await lockClustering(db);
  const row = await findClusterAppeal(db, appealId);
  if (!row) return { hotIssueId: null, duplicates: [] };
  const item = toItem(row);
  const features = extractFeatures(item);
  estimatePlaceTerms(stats, features);
  const target = prepare(item, stats, features);
  const reach = Math.max(opt.cluster.maxGapDays, opt.duplicates.windowDays) * DAY_MS;
  const words = topTerms(target.vector, 12).map(([t]) => t).filter((t) => !t.startsWith('@'));
  const candidates = await findSimilarAppeals(db, {
    excludeId: row.id,
    terms: words,
    from: new Date(item.at - reach),
    to: new Date(item.at + opt.duplicates.windowDays * DAY_MS),
    limit: opt.candidates,
  });
  const duplicates = isOpen(row.status) ? await proposeDuplicates(db, target, candidates, stats, opt, now) : [];
  // Already clustered (the job ran twice): keep the membership, report it.
  const hotIssueId = row.hotIssueId ?? (await assignIssue(db, target, candidates, stats, opt, now));
  return { hotIssueId, duplicates };
}

/**
 * Clusters one appeal: proposes its near-duplicates among open appeals of the last 30 days and puts
 * it into a hot issue (joining the most similar active one, or starting one). Pass the pool (a
 * transaction is opened) or a client already inside a transaction the caller commits. Idempotent:
 * running it again for the same appeal refreshes the proposals and keeps the membership.
 */
export async function clusterAppeal(db: Queryable, appealId: string, now: Date, opt: StoreOptions = STORE_OPTIONS): Promise<ClusterAppealResult> {
  if (db instanceof pg.Pool) return withTransaction(db, (client) => clusterLocked(client, appealId, now, opt));
  return clusterLocked(db, appealId, now, opt);
}
