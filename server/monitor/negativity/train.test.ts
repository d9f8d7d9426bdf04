import { describe, expect, it } from 'vitest';
import type { LabelledPost } from './dataset';
import { NegativityModel, encodeModel } from './negativity-model';
import { DEFAULT_TRAIN_OPTIONS, trainLinear } from './train';

const config = { hashBits: 14, charNgramMax: 3, words: false, negationScope: 3 };
const info = { corpus: ['synthetic'], split: 'none', trainPosts: 0, heldBackPosts: 0, heldBackAccuracy: {}, options: {} };

/** A tiny synthetic corpus: enough for the learner to separate two vocabularies. */
function corpus(): LabelledPost[] {
  const bad = ['太慢了', '难吃', '服务差', '凉了', '退款'];
  const good = ['很快', '好吃', '服务好', '热乎', '推荐'];
  const posts: LabelledPost[] = [];
  for (let i = 0; i < 200; i++) {
    posts.push({ file: 's', text: `${bad[i % 5]}，${bad[(i * 3) % 5]}${i}`, negative: true });
    posts.push({ file: 's', text: `${good[i % 5]}，${good[(i * 7) % 5]}${i}`, negative: false });
  }
  return posts;
}

describe('trainLinear', () => {
  it('is deterministic: same data and options give identical weights', () => {
    const a = trainLinear(corpus(), config, DEFAULT_TRAIN_OPTIONS);
    const b = trainLinear(corpus(), config, DEFAULT_TRAIN_OPTIONS);
    expect(b.bias).toBe(a.bias);
    expect(Buffer.from(b.weights.buffer).equals(Buffer.from(a.weights.buffer))).toBe(true);
    expect(JSON.stringify(encodeModel(b, config, info))).toBe(JSON.stringify(encodeModel(a, config, info)));
  });

  it('learns the synthetic split and survives int16 quantisation', () => {
    const linear = trainLinear(corpus(), config, DEFAULT_TRAIN_OPTIONS);
    const model = new NegativityModel(encodeModel(linear, config, info));
    expect(model.modelLogit('服务差，太慢了')).toBeGreaterThan(0);
    expect(model.modelLogit('服务好，很快')).toBeLessThan(0);
  });

  it('also trains with jieba word features', () => {
    const cfg = { ...config, words: true };
    const model = new NegativityModel(encodeModel(trainLinear(corpus(), cfg, { ...DEFAULT_TRAIN_OPTIONS, epochs: 2 }), cfg, info));
    expect(model.modelLogit('难吃')).toBeGreaterThan(model.modelLogit('好吃'));
  });

  it('rejects a model file with the wrong format or size', () => {
    const file = encodeModel(trainLinear(corpus().slice(0, 20), config, DEFAULT_TRAIN_OPTIONS), config, info);
    expect(() => new NegativityModel({ ...file, version: 99 })).toThrow(/v1/);
    expect(() => new NegativityModel({ ...file, features: { ...config, hashBits: 15 } })).toThrow(/bytes/);
  });
});
