import { describe, expect, it } from 'vitest';
import { comparePlaces, compareRegions, extractPlaces, placeKey, samePlaceKey } from './places';

const names = (text: string) => extractPlaces(text).map((p) => `${p.name}/${p.kind}`);

describe('extractPlaces', () => {
  it.each([
    ['A市A3区中海国际社区三期夜间施工噪音扰民', ['A市/county', 'A3区/county', '中海国际/community']],
    ['反映A7县春华镇金鼎村水泥路的问题', ['A7县/county', '春华镇/town', '金鼎村/community', '水泥路/road']],
    ['颍州区清河花园附近搅拌站噪音扰民', ['颍州区/county', '清河花园/community']],
    ['太和县某公司拖欠工资', ['太和县/county']],
    ['本人系春华镇村民', ['春华镇/town']],
    ['A5区劳动东路魅力之城小区油烟扰民', ['A5区/county', '劳动东路/road', '魅力之城/community']],
    ['建议增加公交线路', []],
    ['咨询新生儿医保办理流程', []],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('does not take common nouns ending in 区 for counties', () => {
    expect(names('小区内停车难，城区交通拥堵').filter((n) => n.endsWith('/county'))).toEqual([]);
  });
});

describe('place keys and comparison', () => {
  it('drops generic suffixes for the key', () => {
    expect(placeKey('丽发新城小区')).toBe('丽发');
    expect(placeKey('伊景园滨河苑')).toBe('伊景园滨河');
  });

  it('matches a fuller spelling containing a distinctive short one', () => {
    expect(samePlaceKey('伊景园滨河', '滨河')).toBe(false);
    expect(samePlaceKey('伊景园滨河', '伊景园')).toBe(true);
  });

  it('finds shared places, most specific first, and conflicts between different communities', () => {
    const a = extractPlaces('颍州区清河花园附近搅拌站噪音扰民');
    const b = extractPlaces('清河花园旁搅拌站粉尘污染严重');
    const c = extractPlaces('颍州区文峰家园附近搅拌站噪音');
    expect(comparePlaces(a, b)).toEqual({ shared: [expect.objectContaining({ name: '清河花园' })], isConflict: false });
    const ac = comparePlaces(a, c);
    expect(ac.isConflict).toBe(true);
    expect(ac.shared.map((p) => p.name)).toEqual(['颍州区']);
  });

  it('sees two different counties as a conflict', () => {
    expect(comparePlaces(extractPlaces('A3区路灯不亮'), extractPlaces('A5区路灯不亮')).isConflict).toBe(true);
  });

  it('compares gazetteer regions by path', () => {
    const county = { code: '341202', path: '/34/341200/341202/' };
    const town = { code: '341202001', path: '/34/341200/341202/341202001/' };
    const other = { code: '341221', path: '/34/341200/341221/' };
    expect(compareRegions(county, county)).toBe('same');
    expect(compareRegions(county, town)).toBe('nested');
    expect(compareRegions(town, other)).toBe('different');
    expect(compareRegions(county, null)).toBe('unknown');
  });
});
