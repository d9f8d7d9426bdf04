import { describe, expect, it } from 'vitest';
import { extractPlace } from './extract';
import { buildGazetteer } from './gazetteer';
import { FY, fuyangGazetteer, fuyangRegionRows } from './testFixtures';

const g = fuyangGazetteer({ places: [{ name: '清河路', regionCode: FY.qinghe, kind: 'road' }] });
const place = (text: string, opts = {}) => extractPlace(g, text, opts);

describe('extractPlace: county and town from the text', () => {
  it.each([
    ['颍州区文峰街道某小区门口垃圾成堆', FY.wenfeng, 'town'],
    ['太和县城关镇和平路积水严重', FY.taiheChengguan, 'town'],
    ['颍上县的路灯坏了一个月', FY.yingshang, 'county'],
    ['界首的农贸市场污水横流', FY.jieshou, 'county'],
    ['三十里铺附近的桥断了', '341202105', 'town'],
  ])('%s → %s (%s)', (text, code, level) => {
    const r = place(text);
    expect(r.regionCode).toBe(code);
    expect(r.level).toBe(level);
    expect(r.why.join('；')).toMatch(/提到/);
  });

  it('fills county and town codes and names the chain in the reasons', () => {
    const r = place('颍州区文峰街道清河路某小区门口垃圾成堆');
    expect(r).toMatchObject({ countyCode: FY.yingzhou, townCode: FY.wenfeng, regionName: '文峰街道', isOutside: false, source: 'text' });
    expect(r.why[0]).toBe('文中提到「颍州区文峰街道」');
  });

  it('prefers the longest name: 三塔集 is 颍州区三塔集镇, not 太和县三塔镇', () => {
    expect(place('三塔集的养猪场臭气熏天').townCode).toBe(FY.santajiZhen);
    expect(place('太和县三塔镇的养猪场臭气熏天').townCode).toBe(FY.taiheSanta);
  });

  it('prefers the longer of two names that contain each other: 王店孜 (阜南县) over 王店 (颍州区)', () => {
    expect(place('王店孜的路坑坑洼洼').townCode).toBe('341225200');
    expect(place('颍州区王店镇的路坑坑洼洼').townCode).toBe(FY.wangdian);
  });

  it('goes down to a village or community when the regions list one', () => {
    const g5 = buildGazetteer({
      city: { code: FY.city, name: '阜阳市' },
      regions: [...fuyangRegionRows(), { code: '341202103201', name: '大新村', level: 5, parentCode: FY.xihuZhen }],
    });
    const r = extractPlace(g5, '颍州区西湖镇大新村的路灯坏了');
    expect(r).toMatchObject({ level: 'village', regionCode: '341202103201', villageCode: '341202103201', townCode: FY.xihuZhen, countyCode: FY.yingzhou });
  });

  it('keeps an ambiguous short town name at city level, and resolves it by a county named nearby', () => {
    const alone = place('我家住在城关，路灯坏了');
    expect(alone.level).toBe('city');
    expect(alone.regionCode).toBe(FY.city);
    expect(place('临泉县城关的路灯坏了').townCode).toBe(FY.linquanChengguan);
    expect(place('阜南县的赵集有一个养猪场').townCode).toBe(FY.funanZhaoji);
    expect(place('赵集有一个养猪场').level).toBe('city');
  });

  it('does not read a weak short form (西湖, 王店) without its county, but does with it', () => {
    expect(place('西湖边上的垃圾没人清理').level).toBe('city');
    expect(place('颍州区西湖那边的垃圾没人清理').townCode).toBe(FY.xihuZhen);
  });

  it('treats a county or town name at the start of a road or estate name as part of that name', () => {
    const r = place('颍州中路的路灯不亮了');
    expect(r.level).toBe('city');
    expect(r.detail).toContain('颍州中路');
    expect(place('西湖大道上井盖丢失').level).toBe('city');
  });

  it('uses the city place list for roads and says where the entry comes from', () => {
    const r = place('清河路上有个大坑');
    expect(r.townCode).toBe(FY.qinghe);
    expect(r.why[0]).toContain('地名库记为颍州区清河街道');
  });

  it('handles empty text and a title alone', () => {
    expect(place('').level).toBe('city');
    expect(place('', { title: '颍上县路灯不亮' }).countyCode).toBe(FY.yingshang);
    expect(place('颍河北岸的垃圾没人清理').isOutside).toBe(false);
  });

  it('stays at city level when nothing of ours is named', () => {
    const r = place('小区门口的垃圾已经半个月没有清理了');
    expect(r).toMatchObject({ regionCode: FY.city, regionName: '阜阳市', level: 'city', countyCode: null, townCode: null, source: 'none' });
    expect(r.why).toContain('文中未找到本市的县区、乡镇或地名，归属市级');
  });
});

describe('extractPlace: several places named', () => {
  it('takes the county the appeal is about, not where the writer comes from', () => {
    const r = place('我是颍东区人，在颍州区西湖镇打工，老板拖欠工资');
    expect(r.townCode).toBe(FY.xihuZhen);
    expect(r.why.join('；')).toContain('颍东区');
  });

  it('weighs the title and the address field above the text', () => {
    expect(place('颍东区的朋友说这里也一样', { title: '颍泉区路灯不亮' }).countyCode).toBe(FY.yingquan);
    expect(place('颍东区的朋友说这里也一样', { title: '路灯不亮' }).countyCode).toBe(FY.yingdong);
    expect(place('颍东区的朋友说这里也一样', { address: '太和县城关镇人民路12号' }).townCode).toBe(FY.taiheChengguan);
  });

  it('takes the county named first when two are named alike, and says so', () => {
    const r = place('颍州区和颍东区交界处的桥坏了');
    expect(r.countyCode).toBe(FY.yingzhou);
    expect(r.why).toContain('文中也提到颍东区，以提到更早、更多的颍州区为准');
  });

  it('leaves two equally weighted counties undecided when the first-mention bonus is turned off', () => {
    const r = extractPlace(fuyangGazetteer({ scoring: { firstMention: 0 } }), '颍州区和颍东区交界处的桥坏了');
    expect(r.level).toBe('city');
    expect(r.why.join('；')).toMatch(/同时提到颍州区、颍东区，无法确定/);
  });

  it('treats many counties with no clear leader as a city-wide matter', () => {
    const r = place('颍州区、颍东区、颍泉区的公交车都太少了');
    expect(r.level).toBe('city');
    expect(r.why[0]).toMatch(/^文中提到多个县区（颍州区、颍东区、颍泉区），没有哪一个明显为主/);
    expect(place('颍州区的公交车太少，颍州区比颍东区、颍泉区差远了，颍州区要加油').countyCode).toBe(FY.yingzhou);
  });

  it('lists the counties with evidence as candidates, best first', () => {
    const r = place('颍州区的问题，颍州区一直不管，颍东区也一样');
    expect(r.candidates.map((c) => c.code)).toEqual([FY.yingzhou, FY.yingdong]);
  });
});

describe('extractPlace: places outside the city', () => {
  it('does not map another city’s district into ours', () => {
    const r = place('合肥市蜀山区长江西路噪音扰民');
    expect(r).toMatchObject({ level: 'city', isOutside: true, countyCode: null });
    expect(r.detail).toContain('长江西路');
    expect(r.why[0]).toContain('合肥市');
  });

  it('does not take our town name inside another county’s address', () => {
    expect(place('亳州市利辛县城关镇有人违建').countyCode).toBeNull();
    expect(place('利辛县城关镇有人违建').countyCode).toBeNull();
    expect(place('太和县城关镇有人违建').townCode).toBe(FY.taiheChengguan);
  });

  it('reads a short form with another admin suffix as a place elsewhere (西湖区 is in 杭州)', () => {
    expect(place('杭州西湖区的景点收费太贵').isOutside).toBe(true);
  });

  it('still places the appeal in our county when elsewhere is only mentioned in passing', () => {
    expect(place('我从合肥回来，发现颍州区文峰街道的路灯坏了').townCode).toBe(FY.wenfeng);
    expect(place('我是河南人，在颍泉区打工被拖欠工资').countyCode).toBe(FY.yingquan);
  });

  it('understands a county name with one wrong character before one of its towns', () => {
    const r = place('颖州区王店镇马路破损严重');
    expect(r.townCode).toBe(FY.wangdian);
    expect(r.why[0]).toContain('按「颍州区」理解');
  });
});
