// Any Chinese prefecture-level city as an installation's regions: province, city, its counties and
// their towns/streets, from the national division codes shipped in data/divisions-cn.json (NBS 2023,
// see scripts/build-divisions.ts). `MINSHENG_CITY` picks the city a new database is set up for.
import { readFileSync } from 'node:fs';

/** A city's regions as the regions table is seeded from them. */
export interface CityRegions {
  source: string;
  province: { code: string; name: string };
  city: { code: string; name: string };
  counties: { code: string; name: string; towns: { code: string; name: string }[] }[];
}

interface Divisions {
  source: string;
  provinces: [string, string][];
  cities: [string, string, string][];
  counties: [string, string, string][];
  towns: [string, string, string][];
}

let divisions: Divisions | undefined;
/** The national table, read on first use (1.7 MB; most processes never need it). */
function load(): Divisions {
  divisions ??= JSON.parse(readFileSync(new URL('./data/divisions-cn.json', import.meta.url), 'utf8')) as Divisions;
  return divisions;
}

/** Municipalities' city level is the pseudo-city 市辖区, which takes the municipality's name. */
const MUNICIPALITY_CITY = '市辖区';
/** 省直辖县级行政区划 and the like group counties without a city: nothing to install. */
const PSEUDO_CITY = /直辖县级/;
/**
 * NBS statistical zones (经济技术开发区, 高新区, 新区 … county-level code xx7x) are not
 * administrative counties; their towns legally belong to a district. They are left out, as in the
 * demo city's curated list.
 */
const isStatisticalZone = (countyCode: string): boolean => countyCode[4] === '7';

/** The city's name as people write it (a municipality's 市辖区 becomes 北京市). */
function displayName(d: Divisions, city: [string, string, string]): string {
  if (city[1] !== MUNICIPALITY_CITY) return city[1];
  return d.provinces.find((p) => p[0] === city[2])?.[1] ?? city[1];
}

/**
 * Finds a city by its six-digit code (430100), four-digit NBS code (4301) or name (长沙市, 长沙,
 * 北京市). Throws a message naming what was asked for when it is unknown, ambiguous or not a city.
 */
export function findCity(query: string): CityRegions {
  const d = load();
  const q = query.trim();
  const byCode = /^\d{4}$/.test(q) ? `${q}00` : q;
  let matches = d.cities.filter((c) => c[0] === byCode);
  if (matches.length === 0 && !/^\d+$/.test(q)) {
    matches = d.cities.filter((c) => {
      const name = displayName(d, c);
      return name === q || name === `${q}市` || name.replace(/(市|地区|自治州|盟)$/, '') === q;
    });
  }
  if (matches.length === 0) throw new Error(`unknown city "${query}": give a six-digit division code such as 430100 or a name such as 长沙市`);
  if (matches.length > 1) throw new Error(`"${query}" names ${matches.length} cities (${matches.map((c) => `${displayName(d, c)} ${c[0]}`).join(', ')}): give the code`);
  const city = matches[0] as [string, string, string];
  if (PSEUDO_CITY.test(city[1])) throw new Error(`"${query}" (${city[1]}) is not a city: it groups counties directly under the province`);
  const province = d.provinces.find((p) => p[0] === city[2]);
  if (!province) throw new Error(`division table: no province ${city[2]} for city ${city[0]}`);
  const counties = d.counties
    .filter((c) => c[2] === city[0] && !isStatisticalZone(c[0]))
    .map((c) => ({ code: c[0], name: c[1], towns: d.towns.filter((t) => t[2] === c[0]).map((t) => ({ code: t[0], name: t[1] })) }));
  return {
    source: d.source,
    province: { code: province[0], name: province[1] },
    city: { code: city[0], name: displayName(d, city) },
    counties,
  };
}

/** The city's regions as rows of the regions table (province 1, city 2, county 3, town 4). */
export function cityRegionRows(c: CityRegions): { code: string; name: string; level: number; parentCode: string | null }[] {
  const rows = [
    { code: c.province.code, name: c.province.name, level: 1, parentCode: null },
    { code: c.city.code, name: c.city.name, level: 2, parentCode: c.province.code },
  ];
  for (const county of c.counties) {
    rows.push({ code: county.code, name: county.name, level: 3, parentCode: c.city.code });
    for (const t of county.towns) rows.push({ code: t.code, name: t.name, level: 4, parentCode: county.code });
  }
  return rows;
}
