import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { DEFAULT_SENTIMENT_DIR, isHeldBack, loadSentimentCorpus, splitCorpus, stableHash } from './dataset';
import { evaluateAccuracy } from './evaluate';
import { FeatureExtractor } from './features';
import { DEFAULT_MODEL_URL, loadNegativityModel } from './negativity-model';

const model = loadNegativityModel();

describe('shipped negativity model', () => {
  it('loads from the module-relative default path and from an explicit path', () => {
    expect(existsSync(DEFAULT_MODEL_URL)).toBe(true);
    expect(loadNegativityModel(fileURLToPath(DEFAULT_MODEL_URL)).score('噪音扰民')).toBe(model.score('噪音扰民'));
    expect(model.training.corpus).toEqual(['waimai_10k.csv', 'online_shopping_10_cats.csv']);
  });

  it.each([
    ['小区旁边工地天天夜间施工，噪音扰民，投诉了好几次都没人管', true],
    ['公司拖欠工资半年了，劳动监察大队互相推诿，投诉无门', true],
    ['外卖送了两个小时，饭都凉了，太难吃了', true],
    ['感谢社区工作人员的及时处理，点赞！', false],
    ['请问新生儿医保在哪里办理，需要哪些材料？', false],
    ['味道很好，送餐也快，下次还点', false],
  ])('%s → negative=%s', (text, negative) => {
    expect(model.score(text) >= 0.5).toBe(negative);
  });

  it('scores any string into [0,1], including empty, huge and odd input', () => {
    for (const text of ['', ' ', '？', '😀'.repeat(10), 'a'.repeat(100000), '\ud800\u0000', 'ＡＢＣ１２３']) {
      const s = model.score(text);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic and ignores full-width/half-width differences', () => {
    expect(model.score('ＫＴＶ噪音扰民！')).toBe(model.score('ktv噪音扰民!'));
    expect(model.score('小区垃圾站很臭')).toBe(model.score('小区垃圾站很臭'));
  });

  it('explains a score with the same number score() gives', () => {
    const text = '问题一直没有得到解决，物业推诿，垃圾站恶臭';
    const e = model.explain(text, 5);
    expect(e.negativity).toBe(model.score(text));
    expect(e.lexiconHits.map((h) => h.term)).toEqual(['没有得到解决', '推诿', '恶臭']);
    expect(e.topFeatures).toHaveLength(5);
    expect(e.topFeatures[0]!.feature).toMatch(/^c:/);
    expect(Math.abs(e.topFeatures[0]!.contribution)).toBeGreaterThanOrEqual(Math.abs(e.topFeatures[4]!.contribution));
  });

  it('caps the model for consultations without complaint cues', () => {
    const e = model.explain('本人社保卡不慎丢失，请问怎么补办？');
    expect(e.consultation).toBe(true);
    expect(e.negativity).toBeLessThan(0.5);
  });

  it('rejects files that are not negativity models', () => {
    const bad = new URL('./csv.ts', import.meta.url);
    expect(() => loadNegativityModel(bad)).toThrow();
  });

  it('scores well over 20,000 short posts per second (loose bound for shared CI)', () => {
    const posts = Array.from({ length: 5000 }, (_, i) => `第${i}条：外卖送得太慢了，饭都凉了，差评`);
    const start = performance.now();
    for (const p of posts) model.score(p);
    expect(posts.length / ((performance.now() - start) / 1000)).toBeGreaterThan(5000);
  });
});

describe('features', () => {
  it('yields unique indices within the hash space, stable across calls', () => {
    const fx = new FeatureExtractor({ hashBits: 10, charNgramMax: 3, words: false, negationScope: 3 });
    const a = [...fx.extract('噪音噪音扰民')];
    expect(new Set(a).size).toBe(a.length);
    expect(a.every((i) => i >= 0 && i < 1024)).toBe(true);
    expect([...fx.extract('噪音噪音扰民')]).toEqual(a);
    // 1-grams 噪 音 扰 民, 2-grams 噪音 音噪 音扰 扰民, 3-grams 噪音噪 音噪音 噪音扰 音扰民 (minus collisions).
    expect(a.length).toBeLessThanOrEqual(12);
  });

  it('folds digits and drops whitespace so "3 小时" and "5小时" share features', () => {
    const fx = new FeatureExtractor();
    expect([...fx.extract('3 小时')].sort()).toEqual([...fx.extract('5小时')].sort());
  });

  it('names features for explanations, including negated jieba words when enabled', () => {
    const fx = new FeatureExtractor({ hashBits: 16, charNgramMax: 2, words: true, negationScope: 2 });
    const names = [...fx.extractNamed('没有及时处理').values()].flat();
    expect(names).toContain('c:及时');
    expect(names.some((n) => n.startsWith('¬w:'))).toBe(true);
  });
});

describe('csv and split', () => {
  it('parses quoted fields with commas, doubled quotes, newlines and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\n1,"x, ""y""\nz"\r\n2,\n')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\nz'],
      ['2', ''],
    ]);
  });

  it('hashes stably (the split must never move)', () => {
    expect(stableHash('')).toBe(stableHash(''));
    expect(stableHash('很快，好吃，味道足，量大')).toBe(stableHash('很快，好吃，味道足，量大'));
    expect(isHeldBack('很快，好吃，味道足，量大')).toBe(stableHash('很快，好吃，味道足，量大') % 10 < 2);
    const share = Array.from({ length: 10000 }, (_, i) => isHeldBack(`review ${i}`)).filter(Boolean).length / 10000;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
  });
});

describe.skipIf(!existsSync(DEFAULT_SENTIMENT_DIR))('held-back accuracy (needs ../shared/data/sentiment-cn)', () => {
  it('reaches 0.88 overall and per file', () => {
    const { heldBack } = splitCorpus(loadSentimentCorpus());
    expect(heldBack.length).toBeGreaterThan(14000);
    const report = evaluateAccuracy(model, heldBack);
    for (const acc of Object.values(report.accuracy)) expect(acc).toBeGreaterThanOrEqual(0.88);
  }, 60_000);
});
