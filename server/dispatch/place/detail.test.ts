import { describe, expect, it } from 'vitest';
import { findDetails } from './detail';

const names = (text: string, blocked: { start: number; end: number }[] = []) => findDetails(text, text, blocked).map((d) => `${d.name}/${d.kind}`);

describe('findDetails', () => {
  it.each([
    ['我家住在清河路附近', ['清河路/road']],
    ['西湖大道上井盖丢失', ['西湖大道/road']],
    ['幸福里小区门口乱停车', ['幸福里小区/community']],
    ['阜阳市第一人民医院门口', ['第一人民医院/landmark']],
    ['春华镇金鼎村七里组', ['春华镇/town', '金鼎村/village']],
    ['在和平路和人民路交叉口', ['和平路/road', '人民路/road']],
    ['清河路社区的居民', ['清河路社区/community']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each(['我们小区的路灯坏了', '道路两边全是垃圾', '农村的马路太窄', '这条街上全是摊贩', '本村村民反映', '城乡结合部', '这一段路灯不亮', '路面坑洼很多', '晚高峰路况很差'])('finds no name in everyday words: %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('never walks into a known name on the left', () => {
    // "合肥市" is a known name: the road starts after it.
    expect(names('合肥市长江西路', [{ start: 0, end: 3 }])).toEqual(['长江西路/road']);
    expect(names('蜀山区长江西路')).toEqual(['长江西路/road']);
  });

  it('reports offsets into the original text', () => {
    const [d] = findDetails('住在清河路', '住在清河路', []);
    expect(d).toMatchObject({ start: 2, end: 5 });
  });
});
