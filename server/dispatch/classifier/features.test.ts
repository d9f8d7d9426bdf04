import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, Featurizer, fitIdf } from './features';
import { Segmenter, isContentToken, normaliseText } from './text';

describe('text normalisation and segmentation', () => {
  it('folds full-width characters and collapses scraped whitespace', () => {
    expect(normaliseText('\r\n\t\t ＡＢＣ１２３　市民\n\t留言 ')).toBe('abc123 市民 留言');
  });

  it('segments with jieba and drops punctuation tokens', () => {
    const words = new Segmenter().words(normaliseText('小区垃圾无人清理，严重影响居民生活！'));
    expect(words).toContain('垃圾');
    expect(words).toContain('居民');
    expect(words.every(isContentToken)).toBe(true);
    expect(words).not.toContain('，');
  });

  it('keeps user-dictionary place and unit names whole', () => {
    const text = normaliseText('魏家坡小区的燕子山安置房漏水');
    const plain = new Segmenter().words(text);
    expect(plain).not.toContain('燕子山安置房');
    const withDict = new Segmenter(['燕子山安置房', '魏家坡小区']).words(text);
    expect(withDict).toContain('燕子山安置房');
    expect(withDict).toContain('魏家坡小区');
    // Without the HMM (the default for new models) dictionary names still stay whole.
    const noHmm = new Segmenter(['燕子山安置房', '魏家坡小区']).words(text, false);
    expect(noHmm).toContain('燕子山安置房');
    expect(noHmm).toContain('魏家坡小区');
  });
});

describe('hashed features', () => {
  const charsOnly = { ...DEFAULT_FEATURES, hashBits: 16, wordNgrams: 0, titleFeatures: false, minDf: 1 };

  it('emits character 1–3-grams that never span punctuation', () => {
    const fz = new Featurizer(charsOnly);
    // 民,生 | 民生,生民 | 民生民,生民生: 6 distinct grams, 9 occurrences.
    const a = fz.countVector('', '民生民生');
    expect(a.idx.length).toBe(6);
    expect(Array.from(a.val).reduce((s, v) => s + v, 0)).toBe(9);
    // 民,生 | 民生 on each side of the comma: 3 distinct, 6 occurrences, no 3-grams.
    const b = fz.countVector('', '民生，民生');
    expect(b.idx.length).toBe(3);
    expect(Array.from(b.val).reduce((s, v) => s + v, 0)).toBe(6);
  });

  it('combines words with character n-grams and is deterministic', () => {
    const fz = new Featurizer({ ...DEFAULT_FEATURES, hashBits: 16 });
    const x = fz.countVector('公交线路', '公交车晚点严重');
    const y = new Featurizer({ ...DEFAULT_FEATURES, hashBits: 16 }).countVector('公交线路', '公交车晚点严重');
    expect(Array.from(x.idx)).toEqual(Array.from(y.idx));
    const charOnly = new Featurizer(charsOnly).countVector('公交线路', '公交车晚点严重');
    expect(x.idx.length).toBeGreaterThan(charOnly.idx.length);
  });

  it('TF-IDF vectors are L2-normalised and drop buckets below minDf', () => {
    const fz = new Featurizer({ ...DEFAULT_FEATURES, hashBits: 16 });
    const docs = ['垃圾污染严重', '垃圾无人清理', '公交车晚点'].map((t) => fz.countVector('', t));
    const idf = fitIdf(docs, 16, 2);
    const v = fz.weight(docs[0]!, idf);
    expect(v.idx.length).toBeGreaterThan(0);
    expect(v.idx.length).toBeLessThan(docs[0]!.idx.length);
    expect(Array.from(v.val).reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
    expect(fz.weight(docs[2]!, idf).idx.length).toBe(0);
  });
});
