import { describe, expect, it } from 'vitest';
import { duplicatePairs, formatPairs, samplePairs } from './batch';
import { duplicatesOf, prepare, scorePair } from './duplicates';
import type { ClusterItem } from './issue';
import { itemsFromTable, parseBoardTime } from './messages';
import { FIXTURE_ITEMS } from './testFixtures';
import { DocStats } from './tfidf';

const DAY = 86_400_000;
const byId = (id: string): ClusterItem => FIXTURE_ITEMS.find((i) => i.id === id) as ClusterItem;
const statsOf = (items: ClusterItem[]): DocStats => {
  const s = new DocStats();
  for (const i of items) s.add(prepare(i, s).features.terms.keys());
  return s;
};

describe('near-duplicates', () => {
  const stats = statsOf(FIXTURE_ITEMS);

  it('proposes the same problem at the same place, with Chinese reasons', () => {
    const pair = scorePair(prepare(byId('m5'), stats), prepare(byId('m4'), stats));
    expect(pair).toMatchObject({ laterId: 'm5', earlierId: 'm4' });
    expect(pair!.score).toBeGreaterThanOrEqual(0.6);
    expect(pair!.reasons[0]).toMatch(/^文本相似度0\.\d\d$/);
    expect(pair!.reasons).toContain('同一小区/村「文峰家园」');
    expect(pair!.reasons).toContain('相隔2天');
  });

  it('calls a repost a copy', () => {
    const repost = { ...byId('m1'), id: 'r1', at: byId('m1').at + 3600_000 };
    const pair = scorePair(prepare(repost, stats), prepare(byId('m1'), stats));
    expect(pair!.score).toBe(1);
    expect(pair!.reasons[0]).toMatch(/^内容几乎相同/);
    expect(pair!.reasons).toContain('同一天提交');
  });

  it('does not propose the same problem at another place, or outside the time window', () => {
    const elsewhere = { ...byId('m5'), id: 'x', title: '淮河小区买房强制捆绑车位', text: byId('m5').text.replace(/文峰家园/g, '淮河小区') };
    expect(scorePair(prepare(elsewhere, stats), prepare(byId('m4'), stats))).toBeNull();
    expect(scorePair(prepare({ ...byId('m5'), at: byId('m4').at + 45 * DAY }, stats), prepare(byId('m4'), stats))).toBeNull();
    expect(scorePair(prepare(byId('m10'), stats), prepare(byId('m9'), stats))).toBeNull();
  });

  it('lets a gazetteer region veto a pair in another county', () => {
    const a = { ...byId('m5'), region: { code: '341202', path: '/34/341200/341202/' } };
    const b = { ...byId('m4'), region: { code: '341221', path: '/34/341200/341221/' } };
    expect(scorePair(prepare(a, stats), prepare(b, stats))).toBeNull();
  });

  it('finds every pair of the fixture batch and nothing across problems', () => {
    const pairs = duplicatePairs(FIXTURE_ITEMS);
    const groupOf = (id: string) => ({ m1: 1, m2: 1, m3: 1, m4: 2, m5: 2, m6: 2, m7: 3, m8: 3 })[id];
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const p of pairs) expect(groupOf(p.laterId)).toBe(groupOf(p.earlierId));
    const best = duplicatesOf(prepare(byId('m6'), stats), [prepare(byId('m4'), stats), prepare(byId('m5'), stats), prepare(byId('m1'), stats)]);
    expect(best.map((p) => p.earlierId).sort()).toEqual(['m4', 'm5']);
  });

  it('samples reproducibly by seed and prints both texts', () => {
    const pairs = duplicatePairs(FIXTURE_ITEMS);
    expect(samplePairs(pairs, 3, 's1')).toEqual(samplePairs([...pairs].reverse(), 3, 's1'));
    expect(formatPairs(samplePairs(pairs, 1, 's1'), FIXTURE_ITEMS)).toMatch(/^#1 {2}m\d+ ↔ m\d+ {2}得分/);
  });
});

describe('reading message files', () => {
  it('parses board times as Asia/Shanghai', () => {
    expect(new Date(parseBoardTime('2019-08-19 11:48:23')).toISOString()).toBe('2019-08-19T03:48:23.000Z');
    expect(new Date(parseBoardTime('2020/1/6 12:09')).toISOString()).toBe('2020-01-06T04:09:00.000Z');
    expect(parseBoardTime('昨天')).toBeNaN();
  });

  it('trims scraped whitespace, sorts by time and names a bad row', () => {
    const header = ['留言编号', '留言主题', '留言时间', '留言详情', '点赞数'];
    const items = itemsFromTable({
      header,
      rows: [
        { 留言编号: '2', 留言主题: '乙', 留言时间: '2020-01-02 00:00:00', 留言详情: '\r\n\t\t乙的内容\t', 点赞数: '3' },
        { 留言编号: '1', 留言主题: '甲', 留言时间: '2020-01-01 00:00:00', 留言详情: '甲的内容', 点赞数: '' },
      ],
    });
    expect(items.map((i) => [i.id, i.text, i.likes])).toEqual([
      ['1', '甲的内容', 0],
      ['2', '乙的内容', 3],
    ]);
    expect(() => itemsFromTable({ header, rows: [{ 留言编号: '1', 留言主题: '甲', 留言时间: 'x', 留言详情: '' }] }, 'f.csv')).toThrow(/f\.csv: row 2: 留言时间 "x"/);
  });
});
