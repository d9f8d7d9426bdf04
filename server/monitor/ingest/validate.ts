// Validation of incoming posts, the same for every connector (push, feed, file import). A batch is
// all or nothing: the first bad post stops it with a 400 naming where it is (posts[3] in a pushed
// batch, line 4 of an import) and which field, and nothing is written.
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Engagement } from './heat';

/** Most posts one pushed batch or one import may carry. */
export const MAX_PUSH_POSTS = 1000;
export const MAX_IMPORT_POSTS = 50_000;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A string PostgreSQL can store: text columns refuse the NUL character. */
const str = () => z.string().refine((s) => !s.includes('\u0000'), 'contains a NUL character');
const optText = (max: number) => str().trim().max(max).nullish();

// Local times without an offset (common in Chinese exports: "2024-05-01 09:34:00") are read as
// China Standard Time; ISO strings with Z or an offset are taken as they are.
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a publication time; null when it is not a valid date-time (02-30 is refused, not rolled over). */
export function parsePostTime(value: string): Date | null {
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  const offset = !zone ? '+08:00' : zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + offsetMinutes(offset) * 60_000);
  const sameDay = local.getUTCFullYear() === Number(y) && local.getUTCMonth() + 1 === Number(mo) && local.getUTCDate() === Number(d);
  return sameDay ? date : null;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** One post as a connector delivers it (the push contract's shape). */
export const PostInputSchema = z.object({
  platform: str().trim().min(1).max(32),
  platformPostId: z.union([str().trim().min(1).max(200), z.number().int().min(0).transform(String)]),
  author: z
    .object({
      name: optText(100),
      id: z.union([str().trim().max(200), z.number().int().transform(String)]).nullish(),
      followers: z.number().int().min(0).max(2_147_483_647).nullish(),
      verified: z.boolean().nullish(),
    })
    .nullish(),
  title: optText(500),
  text: str().trim().min(1).max(20_000),
  media: z.array(str().trim().min(1).max(2000)).max(50).nullish(),
  url: optText(2000),
  place: optText(200),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  publishedAt: z.string().max(40),
  engagement: z.object({ likes: count, shares: count, comments: count, views: count }).partial().nullish(),
});

/** A validated, normalised post. */
export interface PostInput {
  platform: string;
  platformPostId: string;
  authorName: string | null;
  authorId: string | null;
  authorFollowers: number | null;
  authorVerified: boolean;
  title: string | null;
  text: string;
  media: string[];
  url: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  publishedAt: Date;
  /** Counters as observed now; null when the connector sent none (a re-arrival keeps the old ones). */
  engagement: Engagement | null;
}

/** Where a raw post came from, for error messages: `posts[3]`, `line 4`. */
export interface Located {
  value: unknown;
  where: string;
  /** 1-based line of an imported file, when known. */
  line?: number;
  /** 0-based index in a pushed batch or JSON array, when known. */
  index?: number;
}

/** 400 for a malformed post, naming where it is and which field. */
export function badPost(at: Omit<Located, 'value'>, field: string | null, why: string): AppError {
  const name = field ? (at.where.startsWith('line') ? `${at.where}, ${field}` : `${at.where}.${field}`) : at.where;
  return new AppError(400, 'VALIDATION_FAILED', `${name}: ${why}`, [{ field: name, message: why, line: at.line, index: at.index }]);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'required';
  return issue.message;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Validates one raw post; throws the 400 for the first problem. */
export function validatePost(raw: Located, now: Date): PostInput {
  if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) throw badPost(raw, null, 'expected a JSON object');
  const parsed = PostInputSchema.safeParse(raw.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badPost(raw, fieldName(issue.path) || null, describeIssue(issue));
  }
  const p = parsed.data;
  const publishedAt = parsePostTime(p.publishedAt);
  if (!publishedAt) throw badPost(raw, 'publishedAt', 'not a date-time (ISO 8601, e.g. 2024-05-01T09:34:00+08:00)');
  if (publishedAt.getTime() > now.getTime() + 24 * 3_600_000) throw badPost(raw, 'publishedAt', 'more than a day in the future');
  const e = p.engagement;
  return {
    platform: p.platform.toLowerCase(),
    platformPostId: p.platformPostId,
    authorName: p.author?.name || null,
    authorId: p.author?.id || null,
    authorFollowers: p.author?.followers ?? null,
    authorVerified: p.author?.verified ?? false,
    title: p.title || null,
    text: p.text,
    media: p.media ?? [],
    url: p.url || null,
    place: p.place || null,
    latitude: p.latitude ?? null,
    longitude: p.longitude ?? null,
    publishedAt,
    engagement: e ? { likes: e.likes ?? 0, shares: e.shares ?? 0, comments: e.comments ?? 0, views: e.views ?? 0 } : null,
  };
}

/** Validates a whole batch; all or nothing. */
export function validatePosts(raws: readonly Located[], now: Date): PostInput[] {
  return raws.map((r) => validatePost(r, now));
}
