import { describe, expect, it } from 'vitest';
import { chineseDate, reportFigures, reportSummary, trendWords } from './report';

const at = (s: string) => new Date(`${s}+08:00`);
const appeals = [
  { status: 'closed', unitName: '市生态环境局', createdAt: at('2024-05-01T09:00:00'), closedAt: at('2024-05-03T09:00:00'), supportCount: 3 },
  { status: 'in_progress', unitName: '市生态环境局', createdAt: at('2024-05-01T20:00:00'), closedAt: null, supportCount: 0 },
  { status: 'submitted', unitName: null, createdAt: at('2024-05-03T08:00:00'), closedAt: null, supportCount: 40 },
];

describe('special report', () => {
  it('counts per unit, status and Shanghai day', () => {
    const f = reportFigures(appeals);
    expect(f).toMatchObject({ count: 3, closed: 1, open: 2, bucket: 'day', firstDate: '2024-05-01', lastDate: '2024-05-03' });
    expect(f.units).toEqual([
      { name: '市生态环境局', count: 2 },
      { name: '尚未交办', count: 1 },
    ]);
    expect(f.statuses.map((s) => s.name).sort()).toEqual(['办理中', '已办结', '待受理'].sort());
    expect(f.trend.map((p) => p.count)).toEqual([2, 0, 1]);
  });

  it('writes the summary from the data', () => {
    const text = reportSummary({ label: '清河花园附近搅拌站噪音', keywords: ['清河', '搅拌站', '噪音'], places: ['清河花园'], likes: 43, appeals });
    expect(text).toBe(
      '2024年5月1日至2024年5月3日，共收到「清河花园附近搅拌站噪音」相关诉求3件，群众点赞（附议）43次。主要涉及清河花园。' +
        '诉求集中反映搅拌站、噪音等问题。承办单位为市生态环境局（2件）。目前已办结1件，在办2件，办结率33%；' +
        '状态分布：已办结（1件）、办理中（1件）、待受理（1件）。诉求最多的一天（2024年5月1日）收到2件。最近一日新增1件，较前一日（0件）上升。',
    );
    expect(reportSummary({ label: 'x', keywords: [], places: [], likes: 0, appeals: [] })).toBe('「x」暂无可查看的诉求。');
  });

  it('says whether the trend rises, falls or holds', () => {
    expect(chineseDate('2024-05-01')).toBe('2024年5月1日');
    expect(trendWords([{ period: 'a', count: 3 }, { period: 'b', count: 1 }], 'week')).toBe('最近一周新增1件，较前一周（3件）回落');
    expect(trendWords([{ period: 'a', count: 2 }, { period: 'b', count: 2 }], 'day')).toBe('最近两日各新增2件，基本持平');
    expect(trendWords([{ period: 'a', count: 2 }], 'day')).toBe('');
  });
});
