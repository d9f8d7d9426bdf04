// How the duty officers' marks refine the rules (研判反馈). An alert closed as 无关 (irrelevant)
// says the rules were wrong about it; one closed as handled or dispatched says they were right.
//  1. A story whose alert was marked irrelevant never alerts again, whatever its later posts do.
//  2. A story whose alert was handled or dispatched alerts again only at a higher level than it
//     had (it grew beyond what was dealt with).
//  3. An author (platform + account id, else name) with at least AUTHOR_MIN_MARKS closed alerts of
//     which at least NOISY_SHARE were irrelevant is "noisy": the influential-author rule ignores
//     them and any other alert their post raises starts one level lower.
//  4. A keyword scheme with at least SCHEME_MIN_MARKS closed alerts (on posts it matched) of which
//     at least NOISY_SHARE were irrelevant is "noisy": matching it still makes a post relevant,
//     but only with NOISY_SCHEME_EXTRA_NEGATIVITY (rules.ts) more negativity than the rule asks.
// Marks are read from the alerts table (status set by the duty console) whenever its fingerprint
// changes, so every app node applies the same feedback without extra state.

export const AUTHOR_MIN_MARKS = 3;
export const SCHEME_MIN_MARKS = 5;
export const NOISY_SHARE = 0.6;

/** Closed alerts counted for an author or scheme. */
export interface MarkCounts {
  irrelevant: number;
  useful: number;
}

/** The marks, by author key and by scheme id. */
export interface Feedback {
  authors: Map<string, MarkCounts>;
  schemes: Map<string, MarkCounts>;
}

/** The key marks are counted under for an author; null for anonymous posts. */
export function authorKey(platform: string, authorId: string | null, authorName: string | null): string | null {
  if (authorId) return `${platform}|id|${authorId}`;
  if (authorName) return `${platform}|name|${authorName}`;
  return null;
}

function isNoisy(c: MarkCounts | undefined, minMarks: number): boolean {
  if (!c) return false;
  const n = c.irrelevant + c.useful;
  return n >= minMarks && c.irrelevant / n >= NOISY_SHARE;
}

/** Whether an author's alerts were mostly irrelevant. */
export function isNoisyAuthor(feedback: Feedback, key: string | null): boolean {
  return key !== null && isNoisy(feedback.authors.get(key), AUTHOR_MIN_MARKS);
}

/** Whether a scheme's alerts were mostly irrelevant. */
export function isNoisyScheme(feedback: Feedback, schemeId: string): boolean {
  return isNoisy(feedback.schemes.get(schemeId), SCHEME_MIN_MARKS);
}

/** One row of mark counts as the repository returns it. */
export interface MarkRow {
  kind: 'author' | 'scheme';
  key: string;
  irrelevant: number;
  useful: number;
}

/** Builds the lookup from counted rows. */
export function buildFeedback(rows: readonly MarkRow[]): Feedback {
  const fb: Feedback = { authors: new Map(), schemes: new Map() };
  for (const r of rows) (r.kind === 'author' ? fb.authors : fb.schemes).set(r.key, { irrelevant: r.irrelevant, useful: r.useful });
  return fb;
}
