import { describe, expect, it } from 'vitest';
import { addHeat, appealWeight, decay, heatAt, heatOf, shanghaiDay, trendBucket, trendSeries, weekOf } from './heat';

const DAY = 86_400_000;

describe('heat', () => {
  it.each([
    [0, 0, 1],
    [4, 0, 2],
    [100, 0, 6],
    [0, 8, 2],
  ])('an appeal with %i likes and %i against weighs %d', (likes, against, w) => {
    expect(appealWeight(likes, against)).toBeCloseTo(w, 9);
  });

  it('halves every half-life and does not decay with half-life 0', () => {
    expect(decay(30 * DAY, { halfLifeDays: 30 })).toBeCloseTo(0.5, 9);
    expect(decay(-5 * DAY, { halfLifeDays: 30 })).toBe(1);
    expect(decay(300 * DAY, { halfLifeDays: 0 })).toBe(1);
  });

  it('accumulates incrementally exactly as computed from scratch', () => {
    const members = [
      { at: 0, likes: 4 },
      { at: 3 * DAY, likes: 0 },
      { at: 10 * DAY, likes: 100, against: 2 },
    ];
    let s = { heat: 0, heatAt: 0 };
    for (const m of members) s = addHeat(s, appealWeight(m.likes, m.against), m.at);
    const ref = 40 * DAY;
    expect(heatAt(s, ref)).toBeCloseTo(heatOf(members, ref), 9);
  });
});

describe('trend', () => {
  it('uses Asia/Shanghai days', () => {
    expect(shanghaiDay(Date.parse('2024-05-01T17:00:00Z'))).toBe('2024-05-02');
    expect(weekOf('2024-05-05')).toBe('2024-04-29');
  });

  it('fills empty days and sums weeks', () => {
    expect(trendSeries({ '2024-05-01': 2, '2024-05-03': 1 }, 'day')).toEqual([
      { period: '2024-05-01', count: 2 },
      { period: '2024-05-02', count: 0 },
      { period: '2024-05-03', count: 1 },
    ]);
    expect(trendSeries({ '2024-04-29': 1, '2024-05-05': 2, '2024-05-14': 1 }, 'week')).toEqual([
      { period: '2024-04-29', count: 3 },
      { period: '2024-05-06', count: 0 },
      { period: '2024-05-13', count: 1 },
    ]);
    expect(trendSeries({}, 'day')).toEqual([]);
    expect(trendBucket(0, 90 * DAY)).toBe('week');
  });
});
