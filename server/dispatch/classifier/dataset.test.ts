import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { examplesFromTable, groupNearDuplicates, stratifiedHashSplit, type LabelledExample } from './dataset';
import { syntheticExamples } from './testFixtures';

describe('dataset helpers', () => {
  it('builds title + body examples from any text and label columns', () => {
    const t = parseCsv('主题,详情,单位,类别\n路灯不亮,"\n\t\t小区路灯坏了\n",城管局,城乡建设\n空行,,,\n');
    expect(examplesFromTable(t, ['主题', '详情'], '单位')).toEqual([{ title: '路灯不亮', text: '小区路灯坏了', label: '城管局' }]);
    expect(examplesFromTable(t, ['详情'], '类别')).toEqual([{ title: '', text: '小区路灯坏了', label: '城乡建设' }]);
    expect(() => examplesFromTable(t, ['留言详情'], '类别', 'x.csv')).toThrow(/column "留言详情" not found; columns present: 主题, 详情, 单位, 类别/);
  });

  it('groups reworded re-submissions of the same appeal', () => {
    const base = '我父亲杨江河现年74岁，中共党员，17岁开始做基层工作，先后连续担任团支部书记、生产队长、大队秘书，至今没有享受任何待遇，请领导关心。';
    const texts = [`胡厅长您好！${base}`, `王局长您好！${base.replace('至今', '到现在')}`, '小区门口垃圾堆积如山，臭气熏天，已经半个月没有人清理了，请环卫部门尽快处理。'];
    const g = groupNearDuplicates(texts);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).not.toBe(g[0]);
  });

  it('splits stratified, stably, and never across a near-duplicate group', () => {
    const ex: LabelledExample[] = syntheticExamples(40);
    const dup = { ...ex[0]!, text: `${ex[0]!.text}！` };
    const all = [...ex, dup];
    const s1 = stratifiedHashSplit(all, { testFraction: 0.25, salt: 's' });
    const s2 = stratifiedHashSplit([...all].reverse(), { testFraction: 0.25, salt: 's' });
    expect(s1.test.map((e) => e.text).sort()).toEqual(s2.test.map((e) => e.text).sort());
    for (const label of ['交通运输', '教育文体', '环境保护']) {
      expect(s1.test.filter((e) => e.label === label).length).toBeGreaterThanOrEqual(9);
      expect(s1.test.filter((e) => e.label === label).length).toBeLessThanOrEqual(11);
    }
    const inTest = s1.test.some((e) => e.text === ex[0]!.text);
    expect(s1.test.some((e) => e.text === dup.text)).toBe(inTest);
    expect(stratifiedHashSplit(all, { testFraction: 0.25, salt: 'other' }).test).not.toEqual(s1.test);
  });
});
