// Regenerates server/seed/data/divisions-cn.json, the national division codes a new city's regions
// are loaded from (`MINSHENG_CITY`), from ../shared/data/admin-divisions-cn (see its SOURCE.md:
// modood/Administrative-divisions-of-China, WTFPL, NBS 2023 统计用区划代码).
//   npx tsx scripts/build-divisions.ts [--data DIR]
// Codes become GB/T 2260 six-digit codes for provinces, cities and counties (43 → 430000,
// 4301 → 430100); towns keep the nine-digit NBS code. Kept compact: arrays, not objects.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';

const opts = new Command('build-divisions')
  .option('--data <dir>', 'the admin-divisions-cn folder', fileURLToPath(new URL('../../shared/data/admin-divisions-cn', import.meta.url)))
  .parse()
  .opts<{ data: string }>();

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}
const read = (file: string): Row[] => JSON.parse(readFileSync(join(opts.data, file), 'utf8')) as Row[];
const pad = (code: string): string => code.padEnd(6, '0');

const out = {
  source: 'NBS 2023 统计用区划代码 via modood/Administrative-divisions-of-China@57a0aa9 (WTFPL); built by scripts/build-divisions.ts',
  provinces: read('provinces.json').map((p) => [pad(p.code), p.name]),
  cities: read('cities.json').map((c) => [pad(c.code), c.name, pad(c.provinceCode ?? '')]),
  counties: read('areas.json').map((a) => [a.code, a.name, pad(a.cityCode ?? '')]),
  towns: read('streets.json').map((s) => [s.code, s.name, s.areaCode ?? '']),
};
const file = fileURLToPath(new URL('../server/seed/data/divisions-cn.json', import.meta.url));
const text = `{"source":${JSON.stringify(out.source)},\n${(['provinces', 'cities', 'counties', 'towns'] as const).map((k) => `"${k}":[\n${out[k].map((r) => JSON.stringify(r)).join(',\n')}\n]`).join(',\n')}}\n`;
writeFileSync(file, text);
process.stdout.write(`${JSON.stringify({ file, bytes: Buffer.byteLength(text), provinces: out.provinces.length, cities: out.cities.length, counties: out.counties.length, towns: out.towns.length })}\n`);
