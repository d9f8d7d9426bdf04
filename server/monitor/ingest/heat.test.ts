import { describe, expect, it } from 'vitest';
import { decayHeat, firstHeat, HEAT_HALF_LIFE_HOURS, heatContribution, nextHeat, weightedEngagement } from './heat';

const H = 3_600_000;
const zero = { likes: 0, shares: 0, comments: 0, views: 0 };

describe('heat', () => {
  it('weighs shares over comments over likes, views lightly', () => {
    expect(weightedEngagement({ likes: 1, shares: 1, comments: 1, views: 100 })).toBe(1 + 3 + 2 + 1);
  });

  it('halves after the half-life', () => {
    const t0 = new Date('2024-05-01T00:00:00Z');
    expect(decayHeat(80, t0, new Date(t0.getTime() + HEAT_HALF_LIFE_HOURS * H))).toBeCloseTo(40, 6);
    expect(decayHeat(80, t0, t0)).toBe(80);
  });

  it.each([
    [100, 0, 100 * (Math.LN2 / 6)],
    [100, 6, 100 * (0.5 / 6)],
    [0, 1, 0],
    [-5, 1, 0],
  ])('adds gain %d spread over %d h as a decayed rate', (gain, hours, expected) => {
    expect(heatContribution(gain, hours)).toBeCloseTo(expected, 6);
  });

  it('converges to the rate of a steady stream of engagement', () => {
    const t0 = new Date('2024-05-01T00:00:00Z');
    let state = { heat: 0, at: t0, engagement: zero };
    for (let h = 1; h <= 200; h++) {
      const at = new Date(t0.getTime() + h * H);
      const engagement = { ...zero, likes: 30 * h };
      state = { heat: nextHeat(state, engagement, at).heat, at, engagement };
    }
    expect(state.heat).toBeCloseTo(30, 1);
  });

  it('counts a new post, fresh ones hotter than old ones with the same counters', () => {
    const now = new Date('2024-05-01T12:00:00Z');
    const fresh = firstHeat({ ...zero, likes: 90 }, now, now);
    const old = firstHeat({ ...zero, likes: 90 }, new Date(now.getTime() - 48 * H), now);
    expect(fresh.heat).toBeCloseTo(100 * (Math.LN2 / 6), 6);
    expect(old.heat).toBeLessThan(fresh.heat / 5);
    expect(fresh.contribution).toBe(fresh.heat);
  });

  it('adds nothing but decay when counters do not grow', () => {
    const t0 = new Date('2024-05-01T00:00:00Z');
    const next = nextHeat({ heat: 10, at: t0, engagement: { ...zero, likes: 5 } }, { ...zero, likes: 3 }, new Date(t0.getTime() + 6 * H));
    expect(next).toEqual({ heat: expect.closeTo(5, 6), contribution: 0 });
  });
});
