import { describe, expect, it } from 'vitest';
import { RegionIndex } from './place';

const index = new RegionIndex([
  { code: '341200', name: '阜阳市', level: 2, path: '/340000/341200/' },
  { code: '341202', name: '颍州区', level: 3, path: '/340000/341200/341202/' },
  { code: '341202003', name: '清河街道', level: 4, path: '/340000/341200/341202/341202003/' },
  { code: '341221', name: '临泉县', level: 3, path: '/340000/341200/341221/' },
  { code: '341221100', name: '城关镇', level: 4, path: '/340000/341200/341221/341221100/' },
  { code: '341222100', name: '城关镇', level: 4, path: '/340000/341200/341222/341222100/' },
]);

describe('RegionIndex', () => {
  it.each([
    ['颍州区清河街道某小区', '341202003'],
    ['清河街道和颍州交界处', '341202003'],
    ['临泉这边的工地', '341221'],
    ['阜阳市区', '341200'],
    ['阜阳的朋友', '341200'],
    ['城关镇的菜市场', null],
    ['上海浦东', null],
  ])('%s → %s', (text, code) => {
    expect(index.find(text)).toBe(code);
  });

  it('treats places within one another as compatible', () => {
    expect(index.compatible('341202003', '341202')).toBe(true);
    expect(index.compatible('341202', '341202003')).toBe(true);
    expect(index.compatible('341202', null)).toBe(true);
    expect(index.compatible('341202', '341221')).toBe(false);
    expect(index.within('341202003', '341200')).toBe(true);
    expect(index.within('341200', '341202')).toBe(false);
  });
});
