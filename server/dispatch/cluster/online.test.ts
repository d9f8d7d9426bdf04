import { describe, expect, it } from 'vitest';
import { cleanTitle } from './label';
import { OnlineClusterer } from './online';
import { FIXTURE_GROUPS, FIXTURE_ITEMS } from './testFixtures';

const inTimeOrder = [...FIXTURE_ITEMS].sort((a, b) => a.at - b.at);
const groupsOf = (c: OnlineClusterer): string[][] => c.all().map((i) => [...i.memberIds].sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string, 'en', { numeric: true }));

describe('online clustering', () => {
  it('groups the same problem at the same place and keeps unrelated appeals apart', () => {
    const c = new OnlineClusterer();
    for (const item of inTimeOrder) c.add(item);
    expect(groupsOf(c)).toEqual(FIXTURE_GROUPS);
  });

  it('gives each issue a readable label, keywords, places, size, likes, dates and a trend', () => {
    const c = new OnlineClusterer();
    for (const item of inTimeOrder) c.add(item);
    const [top] = c.hottest(inTimeOrder[inTimeOrder.length - 1]!.at, 1);
    const s = top!.issue.state;
    expect(top!.issue.memberIds.sort()).toEqual(['m1', 'm2', 'm3']);
    expect(s.label).toContain('清河花园');
    expect(s.keywords).toContain('搅拌站');
    expect(s.places[0]?.name).toBe('清河花园');
    expect(s.size).toBe(3);
    expect(s.likes).toBe(43);
    expect(s.days).toEqual({ '2024-05-01': 2, '2024-05-03': 1 });
    expect(new Date(s.firstAt).toISOString()).toBe('2024-05-01T01:00:00.000Z');
  });

  it('ranks by heat: likes count, with diminishing returns', () => {
    const c = new OnlineClusterer({ options: { heat: { halfLifeDays: 0 } } });
    for (const item of inTimeOrder) c.add(item);
    const ranked = c.hottest(0, 3).map((h) => h.issue.memberIds.length);
    expect(ranked).toEqual([3, 3, 2]);
    expect(c.hottest(0, 1)[0]!.heat).toBeGreaterThan(c.hottest(0, 2)[1]!.heat);
  });

  it('starts a new issue when the old one has been quiet for longer than the gap', () => {
    const c = new OnlineClusterer({ options: { maxGapDays: 1 } });
    const [a, b] = [FIXTURE_ITEMS[0]!, FIXTURE_ITEMS[2]!];
    expect(c.add(a).isNew).toBe(true);
    expect(c.add(b).isNew).toBe(true);
  });

  it('continues from its JSON exactly as it would have without the round trip', () => {
    const half = Math.floor(inTimeOrder.length / 2);
    const straight = new OnlineClusterer();
    const first = new OnlineClusterer();
    inTimeOrder.forEach((item, i) => {
      straight.add(item);
      if (i < half) first.add(item);
    });
    const restored = OnlineClusterer.fromJSON(JSON.parse(JSON.stringify(first.toJSON())));
    for (const item of inTimeOrder.slice(half)) restored.add(item);
    expect(groupsOf(restored)).toEqual(groupsOf(straight));
  });

  it('merges issues whose centroids converge', () => {
    const c = new OnlineClusterer({ options: { threshold: 0.99, mergeThreshold: 0.3 } });
    const [m4, m5, m6] = ['m4', 'm5', 'm6'].map((id) => FIXTURE_ITEMS.find((i) => i.id === id)!);
    c.add(m4!);
    c.add({ ...m4!, id: 'm4-again', at: m4!.at + 60_000 });
    c.add(m5!);
    c.add(m6!);
    expect(c.all().length).toBe(3);
    expect(c.mergePass(m6!.at)).toBe(2);
    expect(groupsOf(c)).toEqual([['m4', 'm4-again', 'm5', 'm6']]);
  });
});

describe('labels', () => {
  it.each([
    ['关于A市伊景园滨河苑捆绑销售车位的问题', '伊景园滨河苑捆绑销售车位'],
    ['请问A市经开区泉星公园何时开工？', '经开区泉星公园何时开工'],
    ['丽发新城小区附近搅拌站的一些问题', '丽发新城小区附近搅拌站'],
  ])('%s → %s', (title, label) => {
    expect(cleanTitle(title)).toBe(label);
  });
});
