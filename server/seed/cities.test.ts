import { describe, expect, it } from 'vitest';
import fuyang from './data/regions-341200.json';
import { findCity } from './cities';

describe('findCity', () => {
  it('gives the demo city exactly as its curated list', () => {
    const c = findCity('341200');
    expect(c.province).toEqual(fuyang.province);
    expect(c.city).toEqual(fuyang.city);
    expect(c.counties).toEqual(fuyang.counties);
  });

  it('finds a city by code, NBS code or name, and leaves statistical zones out', () => {
    const cs = findCity('长沙市');
    expect(findCity('4301').city).toEqual(cs.city);
    expect(findCity('长沙').city).toEqual({ code: '430100', name: '长沙市' });
    expect(cs.province).toEqual({ code: '430000', name: '湖南省' });
    expect(cs.counties.map((c) => c.name)).toEqual(['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市', '宁乡市']);
    expect(cs.counties.reduce((n, c) => n + c.towns.length, 0)).toBe(172);
    expect(findCity('阜阳').counties.some((c) => c.name.includes('开发区'))).toBe(false);
  });

  it('names a municipality after itself rather than 市辖区', () => {
    const bj = findCity('北京市');
    expect(bj.city).toEqual({ code: '110100', name: '北京市' });
    expect(bj.counties.map((c) => c.name)).toContain('朝阳区');
  });

  it('refuses unknown places and county groups that are not cities, naming them', () => {
    expect(() => findCity('999900')).toThrow(/unknown city "999900"/);
    expect(() => findCity('幻想市')).toThrow(/unknown city "幻想市"/);
    expect(() => findCity('419000')).toThrow(/is not a city/);
  });
});
