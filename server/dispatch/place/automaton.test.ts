import { describe, expect, it } from 'vitest';
import { regionAliases } from './aliases';
import { Automaton } from './automaton';
import { foldText } from './fold';

describe('Automaton', () => {
  const a = new Automaton();
  const ids = ['he', 'she', 'his', 'hers', '颍州', '颍州区', '州区'].map((p) => a.add(p));
  a.build();
  const found = (text: string) => a.search(text).map((m) => `${text.slice(m.start, m.end)}@${m.start}`);

  it('finds every occurrence, overlapping ones included, in order of their end', () => {
    expect(found('ushers')).toEqual(['she@1', 'he@2', 'hers@2']);
    expect(found('颍州区文峰')).toEqual(['颍州@0', '颍州区@0', '州区@1']);
  });

  it('returns the same index for a pattern added twice and refuses changes after build', () => {
    const b = new Automaton();
    expect(b.add('颍州')).toBe(b.add('颍州'));
    expect(b.size).toBe(1);
    b.build();
    expect(() => b.add('太和')).toThrow(/after build/);
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('finds nothing in text without patterns, and handles characters outside the BMP', () => {
    expect(found('没有地名😀')).toEqual([]);
  });
});

describe('foldText', () => {
  it('folds full-width and upper-case ASCII without changing the length', () => {
    const s = 'Ａ３区　A3区Ｋ市';
    expect(foldText(s)).toBe('a3区 a3区k市');
    expect(foldText(s)).toHaveLength(s.length);
  });
});

describe('regionAliases', () => {
  const texts = (name: string, level: 3 | 4 | 5, opts = {}) => regionAliases(name, level, opts).map((a) => `${a.text}:${a.strength}`);

  it.each([
    ['颍州区', 3, ['颍州区:full', '颍州:short']],
    ['界首市', 3, ['界首市:full', '界首:short']],
    ['三十里铺镇', 4, ['三十里铺镇:full', '三十里铺:short']],
    ['文峰街道', 4, ['文峰街道:full', '文峰:weak']],
    ['城关镇', 4, ['城关镇:full', '城关:weak']],
    ['赛涧回族乡', 4, ['赛涧回族乡:full', '赛涧乡:full', '赛涧:weak']],
  ] as const)('%s → %j', (name, level, expected) => {
    expect(texts(name, level)).toEqual(expected);
  });

  it('gives zones no bare short form, and names an anonymous zone through its county', () => {
    expect(texts('安徽颍州经济开发区', 4, { provinceShort: '安徽' })).toEqual(['安徽颍州经济开发区:full', '颍州经济开发区:full', '颍州开发区:full']);
    expect(texts('开发区管理委员会', 4, { parentNames: ['太和县', '太和'] })).toEqual(['开发区管理委员会:weak', '太和县开发区:full', '太和开发区:full']);
  });

  it('keeps everyday words weak even for counties', () => {
    expect(texts('和平区', 3)).toEqual(['和平区:full', '和平:weak']);
  });
});
