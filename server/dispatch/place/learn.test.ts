import { describe, expect, it } from 'vitest';
import { extractPlace } from './extract';
import { learnPlaces } from './learn';
import { FY, fuyangGazetteer } from './testFixtures';

const base = fuyangGazetteer();

/** Past appeals with dispatcher-confirmed regions. */
const history = [
  { text: '幸福里小区门口的垃圾没人清理', regionCode: FY.wenfeng },
  { text: '幸福里小区停车难', regionCode: FY.wenfeng },
  { text: '幸福里小区的路灯坏了', regionCode: FY.yingzhou },
  { text: '人民路上的井盖丢失', regionCode: FY.yingzhou },
  { text: '人民路积水严重', regionCode: FY.taihe },
  { text: '人民路的红绿灯坏了', regionCode: FY.jieshou },
  { text: '镜湖苑物业乱收费', regionCode: FY.yingdong },
];

describe('learnPlaces', () => {
  const learned = learnPlaces(history, { gazetteer: base });
  const byName = new Map(learned.map((p) => [p.name, p]));

  it('learns a name consistently seen in one county, down to the town when that is consistent too', () => {
    expect(byName.get('幸福里小区')).toMatchObject({ kind: 'community', regionCode: FY.yingzhou, support: 3, purity: 1, source: 'learned' });
    expect(byName.get('镜湖苑')).toMatchObject({ kind: 'community', regionCode: FY.yingdong, support: 1 });
  });

  it('drops a name seen all over the city', () => {
    expect(byName.has('人民路')).toBe(false);
  });

  it('also learns the short form people use alone (幸福里 of 幸福里小区), counted wherever it occurs', () => {
    expect(byName.get('幸福里')).toMatchObject({ regionCode: FY.yingzhou, support: 3 });
    const more = [...history, { text: '幸福里的噪音扰民', regionCode: FY.wenfeng }];
    // Now three of its four appeals lie in 文峰街道: consistent enough to learn the town.
    expect(learnPlaces(more, { gazetteer: base }).find((p) => p.name === '幸福里')).toMatchObject({ regionCode: FY.wenfeng, support: 4, purity: 1 });
  });

  it('respects the thresholds', () => {
    expect(learnPlaces(history, { gazetteer: base, minSupport: 2 }).map((p) => p.name)).toEqual(['幸福里', '幸福里小区']);
    expect(learnPlaces(history, { gazetteer: base, minSupport: 4 })).toEqual([]);
    expect(learnPlaces(history, { gazetteer: base, maxPlaces: 1 })).toHaveLength(1);
  });

  it('skips appeals whose region is unknown or only the city', () => {
    expect(learnPlaces([{ text: '幸福里小区停车难', regionCode: FY.city }], { gazetteer: base })).toEqual([]);
  });

  it('makes the extractor place a text that names no county', () => {
    const text = '幸福里小区的垃圾又堆满了';
    expect(extractPlace(base, text).level).toBe('city');
    const r = extractPlace(fuyangGazetteer({ places: learned }), text);
    expect(r.countyCode).toBe(FY.yingzhou);
    expect(r.why[0]).toBe('文中提到「幸福里小区」，历史工单中多属颍州区');
  });

  it('works without a gazetteer, taking the codes as given', () => {
    const anon = learnPlaces([
      { text: '星沙街道的路灯坏了', regionCode: 'A7' },
      { text: '星沙街道积水', regionCode: 'A7' },
    ]);
    expect(anon).toEqual([expect.objectContaining({ name: '星沙街道', regionCode: 'A7', kind: 'town', support: 2 })]);
  });
});
