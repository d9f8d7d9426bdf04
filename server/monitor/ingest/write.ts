// The database half of a batch, as one transaction: lock and read (known posts, stories, their
// alerts) → heat → stories → alert rules → write (stories, posts, engagement, alerts, NOTIFY) and
// commit — two round trips (repositories/monitor-batch.ts). Story assignment reads then writes
// stories, so batches take one transaction-scoped advisory lock (INGEST_LOCK): two nodes never
// split one event into two stories or raise two alerts for it, and row locks are never taken in
// conflicting orders. The CPU-heavy half (scoring, matching, signatures) runs before the lock, so
// concurrent requests still overlap.
import type { PoolClient } from '../../db/pool';
import { lockAndReadBatch, writeAndCommitBatch, type AlertStateRow, type AlertWrite, type KnownPost, type PostWrite } from '../../repositories/monitor-batch';
import { postKey } from '../../repositories/monitor-posts';
import { decideAlert, type StoryAlertState, type StoryFiring } from '../alerts/decide';
import { authorKey, isNoisyAuthor, isNoisyScheme } from '../alerts/feedback';
import { ALERT_CHANNEL } from '../alerts/notify';
import { evaluateRule, levelRank, type RulePost } from '../alerts/rules';
import { StoryAssigner, type StoryState } from '../stories/assign';
import type { StoryIndex } from '../stories/index-cache';
import type { Catalog } from './catalog';
import { firstHeat, nextHeat, type HeatUpdate } from './heat';
import type { PreparedPost } from './prepare';

/** Arbitrary constant naming the ingest lock (pg_advisory_xact_lock). */
export const INGEST_LOCK = 7_351_005;
/** Posts older than this are grouped and stored but raise no alert unless their engagement grows. */
export const ALERT_MAX_AGE_HOURS = 72;

/** What a batch did. */
export interface BatchResult {
  received: number;
  created: number;
  updated: number;
  /** Ids of the alerts created or raised. */
  alertIds: number[];
}

/** A post of a group and the source it came from. */
export interface GroupPost {
  post: PreparedPost;
  sourceId: string | null;
}

const ZERO = { likes: 0, shares: 0, comments: 0, views: 0 };

interface Placed {
  post: PreparedPost;
  sourceId: string | null;
  known: KnownPost | undefined;
  heat: HeatUpdate;
  story: StoryState;
}

/** Heat and story of every post (stories from the batch's read, new ones with reserved ids). */
function placePosts(posts: readonly GroupPost[], known: Map<string, KnownPost>, assigner: StoryAssigner, now: Date): Placed[] {
  return posts.map(({ post, sourceId }): Placed => {
    const k = known.get(post.key);
    if (!k) {
      const heat = firstHeat(post.engagement ?? ZERO, post.publishedAt, now);
      return { post, sourceId, known: k, heat, story: assigner.assign(post, heat.contribution) };
    }
    const heat = nextHeat({ heat: k.heat, at: k.updatedAt, engagement: k.engagement }, post.engagement ?? k.engagement, now);
    const story = (k.storyId !== null && assigner.update(k.storyId, heat.contribution)) || assigner.assign(post, heat.contribution);
    return { post, sourceId, known: k, heat, story };
  });
}

function toWrite(p: Placed, ids: Map<string, number>): PostWrite {
  const { post } = p;
  return {
    id: ids.get(post.key)!,
    isNew: !p.known,
    staticJson: post.staticJson,
    sourceId: p.sourceId,
    engagement: post.engagement ?? p.known?.engagement ?? ZERO,
    heat: p.heat.heat,
    storyId: p.story.id!,
    observe: !p.known || post.engagement !== null,
  };
}

/** The rules' view of a post. */
function rulePost(catalog: Catalog, p: PreparedPost): RulePost {
  let trusted = 0;
  for (const id of p.schemeIds) if (!isNoisyScheme(catalog.feedback, id)) trusted++;
  return {
    postKey: p.key,
    norm: p.norm,
    negativity: p.negativity,
    authorName: p.authorName,
    authorFollowers: p.authorFollowers,
    authorVerified: p.authorVerified,
    trustedSchemes: trusted,
    noisySchemes: p.schemeIds.length - trusted,
    hasRegion: p.regionCode !== null,
    noisyAuthor: isNoisyAuthor(catalog.feedback, authorKey(p.platform, p.authorId, p.authorName)),
  };
}

/** A story's alert history from its alert rows. */
function alertStates(rows: readonly AlertStateRow[]): Map<number, StoryAlertState> {
  const out = new Map<number, StoryAlertState>();
  for (const r of rows) {
    const s = out.get(r.storyId) ?? { open: null, markedIrrelevant: false, closedLevel: null };
    if (r.status === 'open') s.open = { id: r.id, level: r.level, reasons: r.reasons };
    else if (r.status === 'irrelevant') s.markedIrrelevant = true;
    else if (!s.closedLevel || levelRank(r.level) > levelRank(s.closedLevel)) s.closedLevel = r.level;
    out.set(r.storyId, s);
  }
  return out;
}

/** Runs the alert rules over the batch and folds the firings into one change per story. */
function raiseAlerts(catalog: Catalog, placed: readonly Placed[], history: Map<number, StoryAlertState>, ids: Map<string, number>, now: Date): AlertWrite[] {
  const firings = new Map<StoryState, StoryFiring[]>();
  const minPublished = now.getTime() - ALERT_MAX_AGE_HOURS * 3_600_000;
  for (const p of placed) {
    // Every rule needs a relevant post (a scheme matched or a place of ours named): most are not.
    if (p.post.schemeIds.length === 0 && p.post.regionCode === null) continue;
    if (p.post.publishedAt.getTime() < minPublished && p.heat.contribution <= 0) continue;
    const rp = rulePost(catalog, p.post);
    for (const rule of catalog.rules) {
      const f = evaluateRule(rule, rp, { heatBefore: p.story.heatBefore, heatAfter: p.story.heat, isNew: p.story.isNew });
      if (!f) continue;
      const list = firings.get(p.story) ?? [];
      list.push({ ...f, noisyAuthor: rp.noisyAuthor });
      firings.set(p.story, list);
    }
  }
  const changes: AlertWrite[] = [];
  for (const [story, list] of firings) {
    const change = decideAlert(story.id!, list, history.get(story.id!) ?? { open: null, markedIrrelevant: false, closedLevel: null });
    if (change) changes.push({ ...change, postId: ids.get(change.postKey)! });
  }
  return changes;
}

/** A written group of posts and what the story index learns once it commits. */
export interface WrittenGroup {
  /** Keys of the posts that were stored before. */
  known: Set<string>;
  /** Alerts created or raised, with the key of the post that raised them. */
  alerts: { id: number; postKey: string }[];
  newStories: StoryState[];
  reservedUpTo: number;
}

/**
 * Writes a group of prepared posts (one or more batches, de-duplicated) in its own transaction,
 * begun and committed here; the caller rolls back on failure.
 */
export async function writeGroup(db: PoolClient, catalog: Catalog, index: StoryIndex, posts: readonly GroupPost[], now: Date): Promise<WrittenGroup> {
  await index.refresh(db, now);
  const keys = posts.flatMap((p) => p.post.bandKeys);
  const state = await lockAndReadBatch(db, INGEST_LOCK, {
    platforms: posts.map((p) => p.post.platform),
    postIds: posts.map((p) => p.post.platformPostId),
    afterStoryId: index.afterId,
    storyIds: [...index.lookup(keys)],
    reserve: posts.length,
  });
  // Stories created since the last batch are indexed now: the candidates are complete.
  index.absorb(state.stories, now);
  const candidates = index.lookup(keys);
  for (const k of state.known) if (k.storyId !== null) candidates.add(k.storyId);
  const known = new Map(state.known.map((k) => [postKey(k.platform, k.platformPostId), k]));
  const assigner = new StoryAssigner(catalog.regions, state.stories.filter((s) => candidates.has(s.id)), now);
  const placed = placePosts(posts, known, assigner, now);
  const stories = assigner.touched();
  const reserved = state.reservedIds;
  const newStories = stories.filter((s) => s.id === null);
  newStories.forEach((s, k) => (s.id = reserved[k]!));
  let nextPostId = 0;
  const ids = new Map(placed.map((p) => [p.post.key, p.known ? p.known.id : state.reservedPostIds[nextPostId++]!]));
  const changes = raiseAlerts(catalog, placed, alertStates(state.alerts), ids, now);
  const written = await writeAndCommitBatch(db, { stories, posts: placed.map((p) => toWrite(p, ids)), alerts: changes, channel: ALERT_CHANNEL, now });
  const byStory = new Map(changes.map((c) => [c.storyId, c.postKey]));
  return {
    known: new Set(known.keys()),
    alerts: written.map((a) => ({ id: Number(a.id), postKey: byStory.get(Number(a.storyId)) ?? '' })),
    newStories,
    reservedUpTo: reserved.reduce((m, id) => Math.max(m, id), 0),
  };
}
