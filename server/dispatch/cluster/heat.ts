// Heat of a hot issue: how much attention it has now.
//
//   heat(ref) = Σ over member appeals i of  w_i · 2^(−age_i / H)
//   w_i       = 1 + √(likes_i + 0.5 · against_i) / 2
//   age_i     = max(0, ref − time_i) in days;  H = half-life in days (default 30; 0 = no decay)
//
// Every appeal counts 1. Residents' support (点赞/附议) counts with diminishing returns, so one post
// liked 2,000 times (w ≈ 23) weighs like a couple of dozen appeals rather than drowning everything;
// 反对 (against) votes are attention too, at half the rate. Old appeals fade with the half-life, so a
// problem raised 40 times last spring ranks below one raised 10 times this week.
// Because the decay is exponential, heat kept at one reference time moves to a later one by a
// single factor: heat(r2) = heat(r1) · 2^(−(r2 − r1) / H). Stored heat therefore stays comparable.
import { DAY_MS } from '../../../shared/calendar/dates';

/** Heat settings. */
export interface HeatOptions {
  /** Half-life of an appeal's contribution in days; 0 turns decay off. */
  halfLifeDays: number;
}

export const DEFAULT_HEAT: HeatOptions = { halfLifeDays: 30 };


/** The weight of one appeal with its likes and against votes. */
export function appealWeight(likes = 0, against = 0): number {
  return 1 + Math.sqrt(Math.max(0, likes) + 0.5 * Math.max(0, against)) / 2;
}

/** The decay factor for something `ageMs` old. */
export function decay(ageMs: number, opt: HeatOptions = DEFAULT_HEAT): number {
  if (opt.halfLifeDays <= 0 || ageMs <= 0) return 1;
  return 2 ** (-ageMs / DAY_MS / opt.halfLifeDays);
}

/** Heat held at a reference time (epoch ms). */
export interface HeatState {
  heat: number;
  heatAt: number;
}

/** Heat moved to a later (or earlier) reference time. */
export function heatAt(s: HeatState, ref: number, opt: HeatOptions = DEFAULT_HEAT): number {
  if (opt.halfLifeDays <= 0) return s.heat;
  return s.heat * 2 ** (-(ref - s.heatAt) / DAY_MS / opt.halfLifeDays);
}

/** Adds one appeal of weight `w` made at `at`; the state moves to the later of its time and `at`. */
export function addHeat(s: HeatState, w: number, at: number, opt: HeatOptions = DEFAULT_HEAT): HeatState {
  const ref = Math.max(s.heatAt, at);
  return { heat: heatAt(s, ref, opt) + w * decay(ref - at, opt), heatAt: ref };
}

/** Sum of two heats (clusters merging), at the later reference time. */
export function combineHeat(a: HeatState, b: HeatState, opt: HeatOptions = DEFAULT_HEAT): HeatState {
  const ref = Math.max(a.heatAt, b.heatAt);
  return { heat: heatAt(a, ref, opt) + heatAt(b, ref, opt), heatAt: ref };
}

/** Heat of a list of appeals at `ref`, from scratch (used when likes change after clustering). */
export function heatOf(members: readonly { at: number; likes?: number; against?: number }[], ref: number, opt: HeatOptions = DEFAULT_HEAT): number {
  let h = 0;
  for (const m of members) h += appealWeight(m.likes, m.against) * decay(ref - m.at, opt);
  return h;
}

/** The calendar day in Asia/Shanghai (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Monday (Asia/Shanghai) of the week holding a YYYY-MM-DD day. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - dow * DAY_MS).toISOString().slice(0, 10);
}

/** One point of a trend. */
export interface TrendPoint {
  period: string;
  count: number;
}

/**
 * Counts per day or per week (keyed by the week's Monday), with empty periods filled in between the
 * first and the last, so a chart's x axis is even.
 */
export function trendSeries(days: Readonly<Record<string, number>>, bucket: 'day' | 'week'): TrendPoint[] {
  const byPeriod = new Map<string, number>();
  for (const [day, n] of Object.entries(days)) {
    const key = bucket === 'day' ? day : weekOf(day);
    byPeriod.set(key, (byPeriod.get(key) ?? 0) + n);
  }
  const keys = [...byPeriod.keys()].sort();
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (!first || !last) return [];
  const step = bucket === 'day' ? DAY_MS : 7 * DAY_MS;
  const out: TrendPoint[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += step) {
    const period = new Date(t).toISOString().slice(0, 10);
    out.push({ period, count: byPeriod.get(period) ?? 0 });
  }
  return out;
}

/** Day or week buckets: weeks once the span is longer than two months, so a chart stays readable. */
export function trendBucket(firstAt: number, lastAt: number): 'day' | 'week' {
  return lastAt - firstAt > 60 * DAY_MS ? 'week' : 'day';
}
