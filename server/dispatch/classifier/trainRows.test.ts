// Training from plain {title, text, label} rows, as the server does with closed appeals and
// dispatchers' corrections: small, lopsided or degenerate data must give a usable model or a clear error.
import { describe, expect, it } from 'vitest';
import { trainWithHoldout, type LabelledExample } from './index';
import { syntheticExamples } from './testFixtures';

const small = { features: { hashBits: 16 } };

describe('trainWithHoldout on plain rows', () => {
  it('trains and records a hold-out estimate when there are enough rows', () => {
    const { model, holdout } = trainWithHoldout(syntheticExamples(40), small);
    expect(holdout).toBeDefined();
    expect(holdout!.n).toBeGreaterThan(0);
    expect(model.meta.metrics).toMatchObject({ macroF1: holdout!.macroF1 });
    expect(model.meta.rows).toBe(120);
    expect(model.classify('', '公交车司机在站台不停车').label).toBe('交通运输');
  });

  it('gives a usable model from a handful of rows (no hold-out estimate)', () => {
    const rows: LabelledExample[] = [
      { title: '公交线路', text: '公交车司机不停站', label: '交通' },
      { title: '', text: '出租车拒载，司机态度差', label: '交通' },
      { title: '学校收费', text: '学校老师乱收学费', label: '教育' },
      { text: '学生课程太多，考试频繁', label: '教育' },
    ];
    const { model, holdout } = trainWithHoldout(rows, small);
    expect(holdout).toBeUndefined();
    expect(model.meta.metrics).toBeUndefined();
    expect(model.labels).toEqual(['交通', '教育']);
    expect(model.classify('', '出租车司机拒载').label).toBe('交通');
    expect(model.classify('', '学校乱收学费').label).toBe('教育');
    const top = model.classify('', '学校乱收学费').top;
    expect(top.reduce((s, t) => s + t.p, 0)).toBeCloseTo(1, 6);
  });

  it('refuses a single class, no rows, empty labels and text-less data with a clear error', () => {
    const one = syntheticExamples(5).map((e) => ({ ...e, label: '城乡建设' }));
    expect(() => trainWithHoldout(one, small)).toThrow('need at least 2 distinct labels to train a classifier, got 1 ("城乡建设")');
    expect(() => trainWithHoldout([], small)).toThrow('no training rows');
    expect(() => trainWithHoldout([{ text: 'a', label: 'x' }, { text: 'b', label: ' ' }], small)).toThrow('training row 2: empty label');
    expect(() => trainWithHoldout([{ title: '', text: '  ', label: 'x' }, { text: '', label: 'y' }], small)).toThrow('no training row has any text');
  });

  it('skips rows without text and says how many', () => {
    const rows = [...syntheticExamples(3), { title: '', text: ' ', label: '交通运输' }];
    const { model } = trainWithHoldout(rows, small);
    expect(model.meta.rows).toBe(9);
    expect(model.meta.skippedEmptyRows).toBe(1);
  });

  it('still recognises a class with very few rows among many (class-balanced costs)', () => {
    const big = syntheticExamples(80).filter((e) => e.label !== '环境保护');
    const rare = syntheticExamples(3, 5).filter((e) => e.label === '环境保护');
    const { model, holdout } = trainWithHoldout([...big, ...rare], small);
    expect(model.labels).toContain('环境保护');
    expect(holdout).toBeDefined();
    expect(model.classify('', '工厂排放污水，空气污染，噪音扰民').label).toBe('环境保护');
    expect(model.classify('', '公交车线路拥堵，司机不停站').label).toBe('交通运输');
  });
});
