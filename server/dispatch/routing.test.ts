import { describe, expect, it } from 'vitest';
import { rankUnits, type RoutingInput, type RuleInput, type UnitInput } from './routing';

const units: UnitInput[] = [
  { id: 'u-env', code: 'sthjj', name: '生态环境局', kind: 'department', regionCode: '341200', isActive: true },
  { id: 'u-gas', code: 'rqgs', name: '燃气公司', kind: 'enterprise', regionCode: '341200', isActive: true },
  { id: 'u-cgj', code: 'cgj', name: '城管局', kind: 'department', regionCode: '341200', isActive: true },
  { id: 'u-county', code: '341202', name: '颍州区人民政府', kind: 'region', regionCode: '341202', isActive: true },
  { id: 'u-town', code: '341202002', name: '文峰街道', kind: 'region', regionCode: '341202002', isActive: true },
  { id: 'u-old', code: 'old', name: '已撤销单位', kind: 'department', regionCode: '341200', isActive: false },
];

const paths = new Map([
  ['341200', '/340000/341200/'],
  ['341202', '/340000/341200/341202/'],
  ['341202002', '/340000/341200/341202/341202002/'],
  ['341203', '/340000/341200/341203/'],
]);

const rule = (r: Partial<RuleInput>): RuleInput => ({ id: Math.random().toString(36), categoryCode: null, regionCode: null, keyword: null, target: 'unit', unitId: null, priority: 0, ...r });

const inTown = { regionCode: '341202002', regionName: '颍州区文峰街道', countyCode: '341202', townCode: '341202002', path: '/340000/341200/341202/341202002/' };
const atCity = { regionCode: '341200', regionName: '阜阳市', countyCode: null, townCode: null, path: '/340000/341200/' };

function input(over: Partial<RoutingInput>): RoutingInput {
  return { text: '', categories: [{ code: '04', name: '环境保护', p: 1 }], place: inTown, rules: [], units, history: [], regionPaths: paths, ...over };
}

describe('rankUnits', () => {
  it('sends a category to the unit its rule names, with the rule as the reason', () => {
    const [top] = rankUnits(input({ rules: [rule({ categoryCode: '04', unitId: 'u-env' })] }));
    expect(top?.unitId).toBe('u-env');
    expect(top?.p).toBeCloseTo(2 / 2.25, 5);
    expect(top?.why.join()).toContain('分类「环境保护」');
  });

  it('lets a keyword rule beat a category rule, whatever the category', () => {
    const ranked = rankUnits(input({ text: '楼下闻到燃气味', rules: [rule({ categoryCode: '04', unitId: 'u-env' }), rule({ keyword: '煤气|燃气', unitId: 'u-gas' })] }));
    expect(ranked[0]?.unitId).toBe('u-gas');
    expect(ranked[0]?.why[0]).toContain('关键词“燃气”');
    expect(ranked.map((u) => u.unitId)).not.toContain('u-env');
  });

  it('routes a territorial rule to the town where it happened, else its county, else nowhere', () => {
    const rules = [rule({ categoryCode: '01', target: 'territorial' })];
    const categories = [{ code: '01.02', name: '城市建设和市政管理', p: 1 }];
    expect(rankUnits(input({ rules, categories }))[0]?.unitId).toBe('u-town');
    const countyOnly = { ...inTown, regionCode: '341202', townCode: null, path: '/340000/341200/341202/' };
    expect(rankUnits(input({ rules, categories, place: countyOnly }))[0]?.unitId).toBe('u-county');
    expect(rankUnits(input({ rules, categories, place: atCity }))).toEqual([]);
  });

  it('applies a region rule only inside its region', () => {
    const rules = [rule({ categoryCode: '04', unitId: 'u-env' }), rule({ categoryCode: '04', regionCode: '341202', unitId: 'u-county' })];
    expect(rankUnits(input({ rules }))[0]?.unitId).toBe('u-county');
    const elsewhere = { regionCode: '341203', regionName: '颍东区', countyCode: '341203', townCode: null, path: '/340000/341200/341203/' };
    expect(rankUnits(input({ rules, place: elsewhere }))[0]?.unitId).toBe('u-env');
  });

  it('learns from history, preferring the same county, and weighs it by how much there is', () => {
    const history = [
      { category: '04', countyCode: '341202', unitId: 'u-cgj', n: 30 },
      { category: '04', countyCode: '341203', unitId: 'u-env', n: 100 },
    ];
    const [top] = rankUnits(input({ history }));
    expect(top?.unitId).toBe('u-cgj');
    expect(top?.why[0]).toContain('30件中30件');
    const [thin] = rankUnits(input({ history: [{ category: '04', countyCode: '341202', unitId: 'u-cgj', n: 1 }] }));
    expect(thin?.p).toBeLessThan(0.5);
    expect((top?.p ?? 0)).toBeGreaterThan(thin?.p ?? 1);
  });

  it('splits confidence across likely categories and never offers an inactive unit', () => {
    const ranked = rankUnits(
      input({
        categories: [
          { code: '04', name: '环境保护', p: 0.6 },
          { code: '01', name: '城乡建设', p: 0.4 },
        ],
        rules: [rule({ categoryCode: '04', unitId: 'u-env' }), rule({ categoryCode: '01', unitId: 'u-old' }), rule({ categoryCode: '01', keyword: '垃圾', unitId: 'u-cgj' })],
        text: '垃圾堆放发臭',
      }),
    );
    expect(ranked.map((u) => u.unitId)).toEqual(['u-env', 'u-cgj']);
    expect(ranked[0]?.p).toBeCloseTo((0.6 * 2) / 2.25, 5);
    expect(ranked[1]?.p).toBeCloseTo((0.4 * 2) / 2.25, 5);
  });

  it('mixes in a unit model trained on the city’s own assignments', () => {
    const ranked = rankUnits(input({ rules: [rule({ categoryCode: '04', unitId: 'u-env' })], unitModel: [{ code: 'cgj', p: 0.99 }, { code: 'sthjj', p: 0.01 }] }));
    expect(ranked[0]?.unitId).toBe('u-cgj');
    expect(ranked[0]?.why.join()).toContain('模型');
    expect(ranked.reduce((s, u) => s + u.p, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });
});

describe('rankUnits between equally specific keyword rules', () => {
  it('prefers the rule whose keywords the text repeats', () => {
    const text = '小区物业不管，楼道燃气泄漏，燃气味越来越浓，燃气管道老化';
    const rules = [rule({ keyword: '物业|房产证', unitId: 'u-cgj' }), rule({ keyword: '燃气|煤气', unitId: 'u-gas' })];
    const ranked = rankUnits(input({ text, rules }));
    expect(ranked.map((u) => u.unitId)).toEqual(['u-gas']);
  });
});
