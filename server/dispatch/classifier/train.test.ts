import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { examplesFromTable } from './dataset';
import { evaluate, loadModel, MODEL_FORMAT_VERSION, readModelHeader, saveModel, trainClassifier, trainNaiveBayesBaseline, type LinearClassifier } from './index';
import { syntheticExamples } from './testFixtures';

const dir = mkdtempSync(join(tmpdir(), 'dispatch-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const small = { features: { hashBits: 16 } };
const train = syntheticExamples(30, 1);
const test = syntheticExamples(10, 99);

describe('trainClassifier', () => {
  const model = trainClassifier(train, small);

  it('separates a synthetic 3-class set', () => {
    expect(model.labels).toEqual(['交通运输', '教育文体', '环境保护']);
    expect(evaluate(model, test).accuracy).toBeGreaterThanOrEqual(0.95);
    const p = model.classify('', '公交车司机在站台不停车，线路拥堵');
    expect(p.label).toBe('交通运输');
    expect(p.top).toHaveLength(3);
    expect(p.top[0]!.p).toBeGreaterThanOrEqual(p.top[1]!.p);
    expect(p.top.reduce((s, t) => s + t.p, 0)).toBeCloseTo(1, 5);
    expect(p.confidence).toBe(p.top[0]!.p);
  });

  it('is deterministic', () => {
    const again = trainClassifier(train, small);
    expect(Array.from(again.heads[0]!.quantized!.q)).toEqual(Array.from(model.heads[0]!.quantized!.q));
    expect(Array.from(again.heads[0]!.quantized!.scale)).toEqual(Array.from(model.heads[0]!.quantized!.scale));
    expect(Array.from(again.heads[0]!.weights.b)).toEqual(Array.from(model.heads[0]!.weights.b));
  });

  it('save/load roundtrip gives identical predictions and keeps metadata', () => {
    const path = join(dir, 'm.bin');
    model.meta.dataFile = 'synthetic.csv';
    saveModel(model, path);
    const loaded = loadModel(path) as LinearClassifier;
    expect(loaded.kind).toBe('linear');
    loaded.warm();
    for (const e of test) expect(Array.from(loaded.probabilities(e.title!, e.text))).toEqual(Array.from(model.probabilities(e.title!, e.text)));
    const { header } = readModelHeader(path);
    expect(header).toMatchObject({ format: 'minsheng-dispatch-classifier', version: MODEL_FORMAT_VERSION, labels: model.labels, meta: { dataFile: 'synthetic.csv', rows: 90 } });
    expect(header.features.hashBits).toBe(16);
  });

  it('rejects files that are not models', () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'hello world, not a model');
    expect(() => loadModel(bad)).toThrow(/not a Minsheng dispatch model/);
  });

  it('trains on a different label column (routing to units)', () => {
    const unit: Record<string, string> = { 交通运输: '交通局', 教育文体: '教育局', 环境保护: '生态环境局' };
    const rows = train.map((e) => `"${e.title}","${e.text}",${e.label},${unit[e.label]}`);
    const table = parseCsv(`主题,详情,类别,承办单位\n${rows.join('\n')}\n`);
    const ex = examplesFromTable(table, ['主题', '详情'], '承办单位');
    const m = trainClassifier(ex, small);
    expect(m.labels).toEqual(['交通局', '教育局', '生态环境局']);
    expect(m.classify('', '工厂排放污水，空气污染严重，气味难闻').label).toBe('生态环境局');
    expect(m.classify('', '学校老师乱收学费').label).toBe('教育局');
  });
});

describe('naive Bayes baseline', () => {
  it('learns the synthetic set and survives a roundtrip', () => {
    const nb = trainNaiveBayesBaseline(train, { hashBits: 16 });
    expect(evaluate(nb, test).accuracy).toBeGreaterThanOrEqual(0.9);
    const path = join(dir, 'nb.bin');
    saveModel(nb, path);
    const loaded = loadModel(path);
    expect(loaded.kind).toBe('naive-bayes');
    for (const e of test.slice(0, 5)) expect(loaded.classify(e.title!, e.text)).toEqual(nb.classify(e.title!, e.text));
  });
});
