// `minsheng place`: where each appeal of a JSONL stream happened, for any Chinese city, without a
// database — so a third party can check place extraction on their own messages:
//   minsheng place --city 430100 < in.jsonl > out.jsonl
// in:  {"id","title"?,"text","address"?,"lat"?,"lng"?}
// out: {"id","regionCode","regionName","level","county","town","detail","why","isOutside"}
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { mapJsonl, parseIdRecord } from '../../cli/jsonl';
import { cityRegionRows, findCity } from '../../seed/cities';
import { buildGazetteer, extractPlace, type Gazetteer } from './index';
import { loadConfig } from '../../config';

interface PlaceLine {
  id: string | number;
  title: string;
  text: string;
  address: string | null;
  point: { lat: number; lng: number } | null;
}

/** Parses one input line; returns an error message instead of throwing. */
export function parsePlaceLine(line: string): PlaceLine | { error: string } {
  const r = parseIdRecord(line, '{"id","title","text"}');
  if ('error' in r) return r;
  const { o } = r;
  for (const k of ['title', 'address'] as const) if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return { error: `"${k}" must be a string` };
  if (typeof o.text !== 'string') return { error: '"text" must be a string' };
  const hasLat = o.lat !== undefined && o.lat !== null;
  const hasLng = o.lng !== undefined && o.lng !== null;
  if (hasLat !== hasLng) return { error: '"lat" and "lng" come together' };
  if (hasLat && (typeof o.lat !== 'number' || typeof o.lng !== 'number' || Math.abs(o.lat) > 90 || Math.abs(o.lng) > 180)) return { error: '"lat"/"lng" must be degrees' };
  return {
    id: r.id,
    title: typeof o.title === 'string' ? o.title : '',
    text: o.text,
    address: typeof o.address === 'string' ? o.address : null,
    point: hasLat ? { lat: o.lat as number, lng: o.lng as number } : null,
  };
}

/** The gazetteer of a city given by code or name (its counties and towns; no learned places). */
export function cityGazetteer(city: string): Gazetteer {
  const c = findCity(city);
  return buildGazetteer({ city: c.city, province: { name: c.province.name }, regions: cityRegionRows(c) });
}

/** Streams JSONL appeals through the extractor; malformed lines are reported and skipped. Returns their count. */
export async function runPlace(g: Gazetteer, input: Readable, output: Writable, errors: Writable): Promise<number> {
  const name = (code: string | null) => (code ? { code, name: g.regions.get(code)?.name ?? code } : null);
  const { bad } = await mapJsonl(
    input,
    output,
    (line) => {
      const p = parsePlaceLine(line);
      if ('error' in p) return p;
      const r = extractPlace(g, p.text, { title: p.title, address: p.address, point: p.point });
      return { id: p.id, regionCode: r.regionCode, regionName: r.regionName, level: r.level, county: name(r.countyCode), town: name(r.townCode), detail: r.detail, why: r.why, isOutside: r.isOutside };
    },
    { errors, name: 'place' },
  );
  return bad;
}

/** Registers `place` on the minsheng program. */
export function registerPlaceCommand(program: Command): void {
  const cmd: Command = program
    .command('place')
    .description('where appeals happened: JSONL {"id","title","text","address"?,"lat"?,"lng"?} on stdin → {"id","regionCode","regionName","level","county","town","detail","why"} on stdout')
    .option('--city <code|name>', 'the city (division code such as 430100 or a name such as 长沙市; default MINSHENG_CITY or 341200)')
    .action(async (opts: { city?: string }) => {
      let g: Gazetteer;
      try {
        g = cityGazetteer(opts.city ?? loadConfig().city);
      } catch (e) {
        cmd.error(`error: ${(e as Error).message}`, { exitCode: 1 });
      }
      const bad = await runPlace(g, process.stdin, process.stdout, process.stderr);
      if (bad > 0) {
        process.stderr.write(`place: ${bad} malformed line(s) skipped\n`);
        process.exitCode = 1;
      }
    });
}
