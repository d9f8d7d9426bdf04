import { describe, expect, it } from 'vitest';
import { parsePlaceList, PlaceListError } from './placeList';
import { FY, fuyangRegionRows } from './testFixtures';

const regions = fuyangRegionRows();
const csv = (...lines: string[]) => ['名称,类型,区域', ...lines].join('\n');
const error = (text: string): string => {
  try {
    parsePlaceList(text, regions);
  } catch (e) {
    if (e instanceof PlaceListError) return e.message;
    throw e;
  }
  throw new Error('expected a PlaceListError');
};

describe('parsePlaceList', () => {
  it('reads names, kinds in Chinese or English and regions by code, unique name or 县区/乡镇', () => {
    const rows = parsePlaceList(csv('丽景苑小区,小区,清河街道', '清河路,道路,341202003', '阜阳市第二人民医院,地标,颍州区', '王店村,村,颍州区/王店镇', 'Lijing Park,landmark,341202'), regions);
    expect(rows).toEqual([
      { name: '丽景苑小区', kind: 'community', regionCode: FY.qinghe },
      { name: '清河路', kind: 'road', regionCode: FY.qinghe },
      { name: '阜阳市第二人民医院', kind: 'landmark', regionCode: FY.yingzhou },
      { name: '王店村', kind: 'village', regionCode: FY.wangdian },
      { name: 'Lijing Park', kind: 'landmark', regionCode: FY.yingzhou },
    ]);
  });

  it('accepts English headers, a BOM, CRLF, blank lines, and collapses repeated rows', () => {
    const rows = parsePlaceList('\uFEFFname,kind,region\r\n清河路,road,341202003\r\n\r\n清河路,road,341202003\r\n', regions);
    expect(rows).toEqual([{ name: '清河路', kind: 'road', regionCode: FY.qinghe }]);
  });

  it('names the first bad line and why', () => {
    expect(error('名称,区域\n清河路,清河街道')).toBe('第1行：缺少列 类型 / kind / 类别');
    expect(error(csv('清河路,道路,清河街道', '路,道路,清河街道'))).toBe('第3行：名称应为2–40个字，现为「路」');
    expect(error(csv('清河路,河流,清河街道'))).toContain('第2行：类型「河流」应为 道路、小区、地标、村、乡镇 之一');
    expect(error(csv('清河路,道路,999999'))).toBe('第2行：区域 999999 不是本市的区划代码');
    expect(error(csv('清河路,道路,341200'))).toBe('第2行：区域 341200（阜阳市）是全市或全省，请填到县区、乡镇街道或村');
    expect(error(csv('清河路,道路,月亮街道'))).toBe('第2行：区域 月亮街道 不是本市的县区、乡镇街道或村');
    expect(error(csv('清河路,道路,颍东区/清河街道'))).toBe('第2行：区域 颍东区/清河街道：颍东区没有清河街道');
    expect(error('名称,类型,区域\n')).toBe('第1行：文件中没有地名');
  });

  it('asks for the code when a town name repeats across counties', () => {
    const twin = [...regions, { code: '341221990', name: '星河街道', level: 4, parentCode: FY.linquan }, { code: '341222990', name: '星河街道', level: 4, parentCode: FY.taihe }];
    expect(() => parsePlaceList(csv('星河路,道路,星河街道'), twin)).toThrow('第2行：区域 星河街道 有重名（临泉县星河街道 341221990、太和县星河街道 341222990），请填区划代码或「县区/乡镇」');
    expect(parsePlaceList(csv('星河路,道路,太和县/星河街道'), twin)).toEqual([{ name: '星河路', kind: 'road', regionCode: '341222990' }]);
  });
});
