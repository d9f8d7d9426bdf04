import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deserializeModel, encodeModel, LinearClassifier, serializeModel, trainClassifier, trainNaiveBayesBaseline } from './index';
import { dequantizeWeights } from './quantize';
import { syntheticExamples } from './testFixtures';

const train = syntheticExamples(30, 1);
const test = syntheticExamples(10, 99);

describe('serializeModel / deserializeModel (models kept in PostgreSQL)', () => {
  const model = trainClassifier(train, { features: { hashBits: 16 }, meta: { dataFile: 'synthetic.csv' } });

  it('round-trips a linear model through gzip bytes with identical probabilities and metadata', () => {
    const bytes = serializeModel(model);
    expect(bytes[0]).toBe(0x1f);
    expect(bytes[1]).toBe(0x8b);
    expect(bytes.length).toBeLessThan(encodeModel(model).length);
    const back = deserializeModel(bytes) as LinearClassifier;
    expect(back.kind).toBe('linear');
    expect(back.labels).toEqual(model.labels);
    expect(back.meta).toMatchObject({ dataFile: 'synthetic.csv', rows: 90 });
    expect(back.features).toEqual(model.features);
    for (const e of test) expect(Array.from(back.probabilities(e.title!, e.text))).toEqual(Array.from(model.probabilities(e.title!, e.text)));
  });

  it('is deterministic for the same model', () => {
    expect(serializeModel(model).equals(serializeModel(model))).toBe(true);
  });

  it('round-trips the naive Bayes baseline', () => {
    const nb = trainNaiveBayesBaseline(train, { hashBits: 16 });
    const back = deserializeModel(serializeModel(nb));
    expect(back.kind).toBe('naive-bayes');
    for (const e of test.slice(0, 5)) expect(back.classify(e.title!, e.text)).toEqual(nb.classify(e.title!, e.text));
  });

  it('also accepts an uncompressed model file', () => {
    const back = deserializeModel(encodeModel(model));
    expect(back.classify('', '学校老师乱收学费').label).toBe(model.classify('', '学校老师乱收学费').label);
  });

  it('stores 8-bit weights that load back bit for bit, close to the float32 model', () => {
    const plain = trainClassifier(train, { features: { hashBits: 16 }, quantize: false });
    const head = model.heads[0]!;
    expect(head.quantized).toBeDefined();
    expect(plain.heads[0]!.quantized).toBeUndefined();
    // Per column: bucket, IDF and scale (4 bytes each) + one byte per class, instead of 4 per class.
    expect(encodeModel(model).length).toBeLessThan(encodeModel(plain).length * 0.8);
    const back = deserializeModel(serializeModel(model)) as LinearClassifier;
    expect(Array.from(back.heads[0]!.quantized!.q)).toEqual(Array.from(head.quantized!.q));
    expect(Array.from(back.heads[0]!.quantized!.scale)).toEqual(Array.from(head.quantized!.scale));
    // Rounding moves each weight by at most half a step of its column's largest weight.
    const K = model.labels.length;
    const w = dequantizeWeights(head.quantized!, K);
    const exact = plain.heads[0]!.weights.w;
    expect(w.length).toBe(exact.length);
    for (let i = 0; i < w.length; i++) expect(Math.abs(w[i]! - exact[i]!)).toBeLessThanOrEqual(head.quantized!.scale[Math.floor(i / K)]! / 2 + 1e-7);
    // A mix of 8-bit and float heads is read through the float table with the same result.
    const mixed = new LinearClassifier(model.labels, model.features, model.buckets, model.idfCol, [head, { ...head, quantized: undefined, weights: { w, b: head.weights.b } }], model.meta);
    for (const e of test.slice(0, 5)) expect(mixed.classify(e.title!, e.text).label).toBe(model.classify(e.title!, e.text).label);
    for (const e of test) expect(model.classify(e.title!, e.text).label).toBe(plain.classify(e.title!, e.text).label);
  });

  it('still reads version 1 files (float32 weights)', () => {
    const plain = trainClassifier(train, { features: { hashBits: 16 }, quantize: false });
    const bytes = encodeModel(plain);
    const at = bytes.indexOf('"version":2');
    expect(at).toBeGreaterThan(0);
    bytes.write('"version":1', at, 'latin1');
    const back = deserializeModel(bytes);
    for (const e of test.slice(0, 5)) expect(back.classify(e.title!, e.text)).toEqual(plain.classify(e.title!, e.text));
    bytes.write('"version":9', at, 'latin1');
    expect(() => deserializeModel(bytes)).toThrow(/version 9 is not supported.*retrain/);
  });

  it('rejects bytes that are not a model, corrupt gzip and truncated models with a clear error', () => {
    expect(() => deserializeModel(Buffer.from('hello'))).toThrow(/not a Minsheng dispatch model/);
    expect(() => deserializeModel(gzipSync(Buffer.from('hello')))).toThrow(/not a Minsheng dispatch model/);
    expect(() => deserializeModel(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(/corrupt gzip/);
    const raw = encodeModel(model);
    expect(() => deserializeModel(gzipSync(raw.subarray(0, raw.length - 100)))).toThrow(/truncated/);
  });
});
