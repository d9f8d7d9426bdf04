// Heat (热度): engagement velocity with time decay. Each observation of a post's counters adds the
// gain since the previous one, spread evenly over that interval, to an exponentially weighted
// rate estimate with half-life H:
//   E       = 10·[new post] + likes + 2·comments + 3·shares + views/100   (weighted engagement)
//   λ       = ln 2 / H,  H = 6 hours
//   heat(t) = heat(t₀)·e^(−λ(t−t₀)) + ΔE·(1 − e^(−λd))/d,   d = t − t₀ in hours (→ ΔE·λ as d → 0)
// For a post's first observation t₀ is its publication time and ΔE its whole count. A steady
// rate of r weighted engagements per hour converges to heat r; a burst decays with half-life H.
// Story heat is the sum of its posts' heats; as every term decays at the same λ it is updated
// incrementally: story.heat(t) = story.heat(t₀)·e^(−λ(t−t₀)) + Σ contributions of new observations.
// Shares weigh most because they spread a post to new audiences; a new post about the event
// counts 10 so that many small posts on one event also make it hot.

/** Engagement counters of a post at one moment. */
export interface Engagement {
  likes: number;
  shares: number;
  comments: number;
  views: number;
}

export const HEAT_HALF_LIFE_HOURS = 6;
const LAMBDA = Math.LN2 / HEAT_HALF_LIFE_HOURS;
const POST_WEIGHT = 10;
const HOUR_MS = 3_600_000;

/** Weighted engagement of a set of counters (without the new-post weight). */
export function weightedEngagement(e: Engagement): number {
  return e.likes + 2 * e.comments + 3 * e.shares + e.views / 100;
}

/** A heat value carried from `from` to `to`, decayed with the half-life. */
export function decayHeat(heat: number, from: Date, to: Date): number {
  const hours = Math.max(0, (to.getTime() - from.getTime()) / HOUR_MS);
  return heat * Math.exp(-LAMBDA * hours);
}

/** What a gain of `gain` weighted engagements spread over `hours` adds to heat at the end of it. */
export function heatContribution(gain: number, hours: number): number {
  if (gain <= 0) return 0;
  if (hours < 1e-6) return gain * LAMBDA;
  return (gain * -Math.expm1(-LAMBDA * hours)) / hours;
}

/** A post's new heat and what this observation adds to its story's heat. */
export interface HeatUpdate {
  heat: number;
  contribution: number;
}

/** Heat of a post seen for the first time at `now`, published at `publishedAt`. */
export function firstHeat(e: Engagement, publishedAt: Date, now: Date): HeatUpdate {
  const hours = Math.max(0, (now.getTime() - publishedAt.getTime()) / HOUR_MS);
  const contribution = heatContribution(POST_WEIGHT + weightedEngagement(e), hours);
  return { heat: contribution, contribution };
}

/** Heat of a known post observed again at `now` with (possibly) new counters. */
export function nextHeat(prev: { heat: number; at: Date; engagement: Engagement }, e: Engagement, now: Date): HeatUpdate {
  const hours = Math.max(0, (now.getTime() - prev.at.getTime()) / HOUR_MS);
  const contribution = heatContribution(weightedEngagement(e) - weightedEngagement(prev.engagement), hours);
  return { heat: decayHeat(prev.heat, prev.at, now) + contribution, contribution };
}
