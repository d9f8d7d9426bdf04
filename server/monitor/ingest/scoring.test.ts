import { describe, expect, it } from 'vitest';
import { loadNegativityModel } from '../negativity';
import { normalizeText } from '../schemes/normalize';
import { bandKeys, minhash } from '../stories/minhash';
import { analyzeInline } from './analyze';
import { analyzeTexts } from './scoring';

describe('analyzeTexts', () => {
  it('scores and signs on the worker thread exactly as inline, in order', async () => {
    const texts = ['工地拖欠农民工工资半年了，讨薪无门，太过分了', '这家店味道不错，服务也好', '！！！', '小区电梯三天两头坏，物业不管不问'].map(normalizeText);
    const fallbacks = ['a', 'b', 'c', 'd'];
    const model = loadNegativityModel();
    const [a, b] = await Promise.all([analyzeTexts(texts, fallbacks), analyzeTexts(texts.slice().reverse(), fallbacks.slice().reverse())]);
    expect(Array.from(a.negativity)).toEqual(texts.map((t) => model.scoreNormalized(t)));
    expect(Array.from(b.negativity).reverse()).toEqual(Array.from(a.negativity));
    expect(Array.from(a.signatures.subarray(24, 48))).toEqual(Array.from(minhash(texts[1]!, 'b')));
    expect(Array.from(a.bandKeys.subarray(8, 16))).toEqual(bandKeys(minhash(texts[1]!, 'b')));
    expect(a).toEqual(analyzeInline(texts, fallbacks));
    expect((await analyzeTexts([], [])).negativity).toHaveLength(0);
  });
});
