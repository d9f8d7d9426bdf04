// Test fixtures: the shipped 阜阳 regions (server/seed/data/regions-341200.json) as gazetteer input.
import regions from '../../seed/data/regions-341200.json';
import { cityRegionRows, findCity } from '../../seed/cities';
import { buildGazetteer, type Gazetteer, type GazetteerInput, type RegionRow } from './gazetteer';

/** The 阜阳 region rows as the regions table holds them (province, city, counties, towns). */
export function fuyangRegionRows(): RegionRow[] {
  return cityRegionRows(findCity(regions.city.code));
}

/** A 阜阳 gazetteer; `extra` adds places, boundaries, seats … */
export function fuyangGazetteer(extra: Partial<GazetteerInput> = {}): Gazetteer {
  return buildGazetteer({ city: regions.city, regions: fuyangRegionRows(), ...extra });
}

/** Codes used across the tests. */
export const FY = {
  city: '341200',
  yingzhou: '341202',
  yingdong: '341203',
  yingquan: '341204',
  linquan: '341221',
  taihe: '341222',
  funan: '341225',
  yingshang: '341226',
  jieshou: '341282',
  wenfeng: '341202002',
  qinghe: '341202003',
  xihuZhen: '341202103',
  santajiZhen: '341202106',
  wangdian: '341202100',
  linquanChengguan: '341221001',
  taiheChengguan: '341222100',
  taiheSanta: '341222110',
  taiheZhaoji: '341222201',
  funanZhaoji: '341225108',
  hedong: '341203001',
} as const;
