// Alert rules (预警规则): what makes a story worth a duty officer's attention, with a level each.
// Rules are rows (alert_rules) with per-kind params, so a city tunes thresholds without code:
//   negative_rising    a negative post about us (relevant) while its story's heat is rising
//   influential_author a negative, relevant post by a verified account or one with many followers
//   sensitive_words    a relevant post containing one of the listed words (自焚, 堵路, …)
// "Relevant" means the post matched an active keyword scheme or names a place in our regions.
import { z } from 'zod';
import type { AlertLevel } from '../../presenters/monitor';
import { normalizeText } from '../schemes/normalize';

export const ALERT_LEVELS: readonly AlertLevel[] = ['yellow', 'orange', 'red'];
export const RULE_KINDS = ['negative_rising', 'influential_author', 'sensitive_words'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

const negativity = z.number().min(0).max(1);

/** Params per rule kind; defaults are what the seed uses. */
export const RULE_PARAMS = {
  negative_rising: z
    .object({
      minNegativity: negativity.default(0.6),
      /** Story heat (weighted engagements per hour, see ingest/heat.ts) it must reach. */
      minHeat: z.number().min(0).default(5),
      /** Story heat after the batch ÷ its decayed heat before; a new story counts as rising. */
      minGrowth: z.number().min(1).default(1.2),
    })
    .strict(),
  influential_author: z
    .object({
      minNegativity: negativity.default(0.6),
      minFollowers: z.number().int().min(0).default(100_000),
      /** Whether a verified (认证) account counts whatever its follower count. */
      verifiedCounts: z.boolean().default(true),
    })
    .strict(),
  sensitive_words: z
    .object({
      words: z.array(z.string().trim().min(1).max(20)).min(1).max(500),
      minNegativity: negativity.default(0),
    })
    .strict(),
} as const;

export type RuleParams<K extends RuleKind> = z.infer<(typeof RULE_PARAMS)[K]>;

/** An active rule with parsed params. */
export type AlertRule = { id: string; name: string; level: AlertLevel } & (
  | { kind: 'negative_rising'; params: RuleParams<'negative_rising'> }
  | { kind: 'influential_author'; params: RuleParams<'influential_author'> }
  | { kind: 'sensitive_words'; params: RuleParams<'sensitive_words'> }
);

/** Parses a rule row's params for its kind; null when they do not parse (the rule is skipped). */
export function parseRule(row: { id: string; name: string; kind: string; level: string; params: unknown }): AlertRule | null {
  const base = { id: row.id, name: row.name, level: row.level as AlertLevel };
  switch (row.kind) {
    case 'negative_rising': {
      const p = RULE_PARAMS.negative_rising.safeParse(row.params ?? {});
      return p.success ? { ...base, kind: 'negative_rising', params: p.data } : null;
    }
    case 'influential_author': {
      const p = RULE_PARAMS.influential_author.safeParse(row.params ?? {});
      return p.success ? { ...base, kind: 'influential_author', params: p.data } : null;
    }
    case 'sensitive_words': {
      const p = RULE_PARAMS.sensitive_words.safeParse(row.params ?? {});
      return p.success ? { ...base, kind: 'sensitive_words', params: { ...p.data, words: p.data.words.map(normalizeText) } } : null;
    }
    default:
      return null;
  }
}

/** A post of the batch, as the rules see it. */
export interface RulePost {
  /** The post's identity in the batch (platform + platform post id, see postKey). */
  postKey: string;
  norm: string;
  negativity: number;
  authorName: string | null;
  authorFollowers: number | null;
  authorVerified: boolean;
  /** Matched schemes that still count as evidence (see feedback.ts). */
  trustedSchemes: number;
  /** Matched schemes whose alerts were mostly marked irrelevant. */
  noisySchemes: number;
  hasRegion: boolean;
  /** The author's alerts were mostly marked irrelevant. */
  noisyAuthor: boolean;
}

/** The story the posts belong to, after this batch. */
export interface RuleStory {
  heatBefore: number;
  heatAfter: number;
  isNew: boolean;
}

/** One rule that fired on one post. */
export interface Firing {
  ruleId: string;
  ruleName: string;
  level: AlertLevel;
  postKey: string;
  reason: string;
}

/** Extra negativity a post needs when its only relevance is a noisy scheme. */
export const NOISY_SCHEME_EXTRA_NEGATIVITY = 0.15;

/** Whether the post is about us, and how much negativity it must then show. */
function relevanceBar(p: RulePost, minNegativity: number): number | null {
  if (p.trustedSchemes > 0 || p.hasRegion) return minNegativity;
  if (p.noisySchemes > 0) return Math.min(1, minNegativity + NOISY_SCHEME_EXTRA_NEGATIVITY);
  return null;
}

function fmt(x: number, digits = 2): string {
  return x.toFixed(digits);
}

function followersText(n: number | null): string {
  if (n === null) return '粉丝数未知';
  return n >= 10_000 ? `粉丝${fmt(n / 10_000, 1)}万` : `粉丝${n}`;
}

/** Evaluates one rule on one post of a story; the firing or null. */
export function evaluateRule(rule: AlertRule, p: RulePost, story: RuleStory): Firing | null {
  const fire = (reason: string): Firing => ({ ruleId: rule.id, ruleName: rule.name, level: rule.level, postKey: p.postKey, reason: `${rule.name}：${reason}` });
  switch (rule.kind) {
    case 'negative_rising': {
      const bar = relevanceBar(p, rule.params.minNegativity);
      if (bar === null || p.negativity < bar) return null;
      const growth = story.heatBefore > 1e-9 ? story.heatAfter / story.heatBefore : Infinity;
      if (story.heatAfter < rule.params.minHeat || growth < rule.params.minGrowth) return null;
      const trend = story.isNew || growth === Infinity ? '新出现' : `较前升至${fmt(growth, 1)}倍`;
      return fire(`负面度${fmt(p.negativity)}，事件热度${fmt(story.heatAfter, 1)}（${trend}）`);
    }
    case 'influential_author': {
      if (p.noisyAuthor) return null;
      const bar = relevanceBar(p, rule.params.minNegativity);
      if (bar === null || p.negativity < bar) return null;
      const big = (p.authorFollowers ?? 0) >= rule.params.minFollowers;
      const verified = rule.params.verifiedCounts && p.authorVerified;
      if (!big && !verified) return null;
      const who = `${verified ? '认证账号' : '大V账号'}「${p.authorName ?? '未具名'}」（${followersText(p.authorFollowers)}）`;
      return fire(`${who}发布负面内容，负面度${fmt(p.negativity)}`);
    }
    case 'sensitive_words': {
      if (relevanceBar(p, rule.params.minNegativity) === null || p.negativity < rule.params.minNegativity) return null;
      const hits = rule.params.words.filter((w) => p.norm.includes(w));
      if (hits.length === 0) return null;
      return fire(`含敏感词“${hits.slice(0, 5).join('”“')}”`);
    }
  }
}

/** The higher of two levels. */
export function maxLevel(a: AlertLevel, b: AlertLevel): AlertLevel {
  return ALERT_LEVELS.indexOf(a) >= ALERT_LEVELS.indexOf(b) ? a : b;
}

/** One level lower (yellow stays yellow). */
export function lowerLevel(level: AlertLevel): AlertLevel {
  return ALERT_LEVELS[Math.max(0, ALERT_LEVELS.indexOf(level) - 1)]!;
}

/** Numeric rank of a level (yellow 0 … red 2). */
export function levelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}
