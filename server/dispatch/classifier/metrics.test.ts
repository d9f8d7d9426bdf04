import { describe, expect, it } from 'vitest';
import { computeMetrics, formatReport } from './metrics';

describe('metrics', () => {
  it('matches a hand-computed confusion matrix', () => {
    // gold \ pred   a  b  c
    //   a           3  1  0
    //   b           1  2  1
    //   c           0  0  2
    const gold = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c'];
    const pred = ['a', 'a', 'a', 'b', 'a', 'b', 'b', 'c', 'c', 'c'];
    const r = computeMetrics(gold, pred);
    expect(r.confusion).toEqual([
      [3, 1, 0],
      [1, 2, 1],
      [0, 0, 2],
    ]);
    expect(r.accuracy).toBeCloseTo(7 / 10);
    const [a, b, c] = r.perClass;
    // a: P = 3/4, R = 3/4, F1 = 0.75
    expect(a).toMatchObject({ label: 'a', support: 4 });
    expect(a!.precision).toBeCloseTo(0.75);
    expect(a!.recall).toBeCloseTo(0.75);
    expect(a!.f1).toBeCloseTo(0.75);
    // b: P = 2/3, R = 2/4, F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7
    expect(b!.precision).toBeCloseTo(2 / 3);
    expect(b!.recall).toBeCloseTo(0.5);
    expect(b!.f1).toBeCloseTo(4 / 7);
    // c: P = 2/3, R = 1, F1 = 0.8
    expect(c!.f1).toBeCloseTo(0.8);
    expect(r.macroF1).toBeCloseTo((0.75 + 4 / 7 + 0.8) / 3);
    expect(formatReport(r)).toContain('macro-F1 0.7071');
  });

  it('ignores predicted-only labels in the macro average but shows them', () => {
    const r = computeMetrics(['a', 'a'], ['a', 'z']);
    expect(r.labels).toEqual(['a', 'z']);
    expect(r.perClass[1]).toMatchObject({ label: 'z', support: 0, f1: 0 });
    expect(r.macroF1).toBeCloseTo(2 / 3); // only class a: P = 1, R = 1/2
  });
});
