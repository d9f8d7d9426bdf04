import { describe, expect, it } from 'vitest';
import { contentWords, extractFeatures, shingleContainment, shingles } from './text';
import { DocStats, dot, tfidf } from './tfidf';

describe('text features', () => {
  it('keeps content words and drops petition phrases, single characters and numbers', () => {
    const words = contentWords('尊敬的领导您好，希望尽快解决A3区清河花园2019年的噪音问题！');
    expect(words).toContain('噪音');
    for (const w of ['尊敬', '领导', '希望', '尽快', '解决', '问题', '2019']) expect(words).not.toContain(w);
    expect(words.some((w) => w.includes('a3'))).toBe(false);
  });

  it('adds the places as terms and weighs title words above body words', () => {
    const f = extractFeatures({ title: '清河花园搅拌站噪音', text: '小区旁边有粉尘。' });
    expect(f.terms.has('@清河')).toBe(true);
    expect(f.terms.get('搅拌站') ?? 0).toBeGreaterThan(f.terms.get('粉尘') ?? 0);
  });

  it('finds a repost by shingle containment and ignores very short texts', () => {
    const body = '清河花园附近新建了一座混凝土搅拌站，每天夜里机器轰鸣，噪音很大，粉尘也多，居民无法休息。';
    expect(shingleContainment(shingles(body), shingles(`尊敬的领导：${body}谢谢！`))).toBe(1);
    expect(shingleContainment(shingles('垃圾没人清运'), shingles('垃圾没人清运'))).toBe(0);
  });
});

describe('TF-IDF', () => {
  it('learns document frequencies incrementally and round-trips through JSON', () => {
    const s = new DocStats();
    s.add(['噪音', '小区']);
    s.add(['小区', '停车']);
    expect(s.idf('小区')).toBeLessThan(s.idf('噪音'));
    expect(s.idf('从未见过')).toBeGreaterThan(s.idf('噪音'));
    const copy = DocStats.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(copy.idf('噪音')).toBe(s.idf('噪音'));
  });

  it('gives unit vectors whose dot product is a cosine', () => {
    const s = new DocStats();
    s.add(['a', 'b']);
    const v = tfidf(new Map([['a', 1], ['b', 2]]), s);
    expect(dot(v, v)).toBeCloseTo(1, 9);
  });
});
