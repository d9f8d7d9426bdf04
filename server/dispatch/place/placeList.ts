// The city's own place list (地名库) from a CSV file: one place per row, columns 名称 (name), 类型
// (kind) and 区域 (region: a division code, or a county/town name that is unique in the city, or
// "县区/乡镇"). All or nothing: the first bad row is named with its line (in Chinese: admins read it)
// and nothing is returned.
import { parseCsvRecords } from '../classifier/csv';
import type { PlaceKind } from './gazetteer';

/** A place as the city configures it. */
export interface PlaceInput {
  name: string;
  regionCode: string;
  kind: PlaceKind;
}

/** The city's regions as the parser needs them (province 1, city 2, county 3, town 4, village 5). */
export interface RegionRef {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** A rejected file, naming the line (1 = the header) and what is wrong. */
export class PlaceListError extends Error {
  constructor(
    readonly line: number,
    readonly why: string,
  ) {
    super(`第${line}行：${why}`);
  }
}

const KINDS: Record<string, PlaceKind> = {
  road: 'road', 道路: 'road', 路: 'road', 街道路: 'road', 街巷: 'road',
  community: 'community', 小区: 'community', 社区: 'community', 楼盘: 'community', 小区社区: 'community',
  landmark: 'landmark', 地标: 'landmark', 单位: 'landmark', 场所: 'landmark', 学校: 'landmark', 医院: 'landmark', 市场: 'landmark', 公园: 'landmark',
  village: 'village', 村: 'village', 村庄: 'village', 行政村: 'village', 自然村: 'village',
  town: 'town', 乡镇: 'town', 乡镇街道: 'town', 片区: 'town',
};
const COLUMNS = { name: ['名称', 'name', '地名'], kind: ['类型', 'kind', '类别'], region: ['区域', 'region', '所属区域', '区划'] } as const;
/** More than a city's appeals could use; keeps one upload bounded. */
export const MAX_PLACES = 50_000;

/** Finds a region by code or name; an ambiguous or unknown one is an error naming the choices. */
function regionResolver(regions: readonly RegionRef[]): (value: string) => string | { error: string } {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, RegionRef[]>();
  for (const r of regions) if (r.level >= 3) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return (value) => {
    const v = value.trim().replace(/\s+/g, '');
    if (/^\d+$/.test(v)) {
      const r = byCode.get(v);
      if (!r) return { error: `区域 ${v} 不是本市的区划代码` };
      if (r.level < 3) return { error: `区域 ${v}（${r.name}）是全市或全省，请填到县区、乡镇街道或村` };
      return r.code;
    }
    const [a, b] = v.split('/');
    if (b !== undefined) {
      const town = (byName.get(b) ?? []).filter((t) => byCode.get(t.parentCode ?? '')?.name === a);
      if (town.length !== 1) return { error: `区域 ${v}：${a}没有${b}` };
      return (town[0] as RegionRef).code;
    }
    const found = byName.get(v) ?? [];
    if (found.length === 1) return (found[0] as RegionRef).code;
    if (found.length === 0) return { error: `区域 ${v} 不是本市的县区、乡镇街道或村` };
    return { error: `区域 ${v} 有重名（${found.map((r) => `${byCode.get(r.parentCode ?? '')?.name ?? ''}${r.name} ${r.code}`).join('、')}），请填区划代码或「县区/乡镇」` };
  };
}

/** Parses a place list; throws PlaceListError naming the first bad line. Duplicate rows collapse. */
export function parsePlaceList(csv: string, regions: readonly RegionRef[]): PlaceInput[] {
  const records = parseCsvRecords(csv);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const at = { name: col(COLUMNS.name), kind: col(COLUMNS.kind), region: col(COLUMNS.region) };
  for (const [k, i] of Object.entries(at)) if (i < 0) throw new PlaceListError(1, `缺少列 ${COLUMNS[k as keyof typeof COLUMNS].join(' / ')}`);
  const resolve = regionResolver(regions);
  const out = new Map<string, PlaceInput>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    if (rec.every((f) => f.trim() === '')) return;
    const name = (rec[at.name] ?? '').trim();
    const kindText = (rec[at.kind] ?? '').trim();
    if (name.length < 2 || name.length > 40) throw new PlaceListError(line, `名称应为2–40个字，现为「${name}」`);
    const kind = KINDS[kindText.toLowerCase()];
    if (!kind) throw new PlaceListError(line, `类型「${kindText}」应为 道路、小区、地标、村、乡镇 之一（或 road、community、landmark、village、town）`);
    const region = resolve(rec[at.region] ?? '');
    if (typeof region !== 'string') throw new PlaceListError(line, region.error);
    out.set(`${name}\u0000${region}`, { name, regionCode: region, kind });
    if (out.size > MAX_PLACES) throw new PlaceListError(line, `一个文件最多${MAX_PLACES}条地名`);
  });
  if (out.size === 0) throw new PlaceListError(1, '文件中没有地名');
  return [...out.values()];
}
