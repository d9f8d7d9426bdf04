import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cityGazetteer, parsePlaceLine, runPlace } from './cli';

async function place(city: string, lines: string[]): Promise<{ out: Record<string, unknown>[]; err: string; bad: number }> {
  const input = PassThrough.from(lines.map((l) => `${l}\n`));
  const output = new PassThrough();
  const errors = new PassThrough();
  const chunks: string[] = [];
  const errs: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  errors.on('data', (c: Buffer) => errs.push(c.toString()));
  const bad = await runPlace(cityGazetteer(city), input, output, errors);
  return { out: chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), err: errs.join(''), bad };
}

describe('minsheng place', () => {
  it('locates appeals in any city from the national division codes', async () => {
    const r = await place('长沙市', [
      JSON.stringify({ id: 1, title: '岳麓区含浦街道路灯不亮', text: '学士路路灯坏了很久' }),
      JSON.stringify({ id: 2, text: '浏阳市集里街道菜市场占道经营严重' }),
      JSON.stringify({ id: 3, text: '合肥市蜀山区的问题' }),
      JSON.stringify({ id: 4, text: '路灯不亮' }),
    ]);
    expect(r.bad).toBe(0);
    expect(r.out.map((o) => [o.id, o.regionCode, o.level])).toEqual([
      [1, '430104013', 'town'],
      [2, '430181002', 'town'],
      [3, '430100', 'city'],
      [4, '430100', 'city'],
    ]);
    expect(r.out[0]).toMatchObject({ county: { code: '430104', name: '岳麓区' }, town: { code: '430104013', name: '含浦街道' } });
    expect(r.out[2]).toMatchObject({ isOutside: true });
    expect((r.out[0]!.why as string[]).join('')).toContain('岳麓区含浦街道');
  });

  it('keeps a city’s own places apart from another city’s', async () => {
    const [fy, cs] = await Promise.all([place('341200', [JSON.stringify({ id: 'a', text: '颍州区文峰街道垃圾无人清运' })]), place('430100', [JSON.stringify({ id: 'a', text: '颍州区文峰街道垃圾无人清运' })])]);
    expect(fy.out[0]).toMatchObject({ regionCode: '341202002', level: 'town' });
    expect(cs.out[0]).toMatchObject({ regionCode: '430100', level: 'city' });
  });

  it('reports malformed lines with their number and goes on', async () => {
    const r = await place('长沙市', ['not json', JSON.stringify({ id: 1 }), JSON.stringify({ id: 2, text: '天心区', lat: 28.1 }), JSON.stringify({ id: 3, text: '开福区' })]);
    expect(r.bad).toBe(3);
    expect(r.err).toContain('place: line 1: invalid JSON');
    expect(r.err).toContain('place: line 2: "text" must be a string');
    expect(r.err).toContain('place: line 3: "lat" and "lng" come together');
    expect(r.out.map((o) => o.id)).toEqual([3]);
  });

  it('names an unknown city', () => {
    expect(() => cityGazetteer('幻想市')).toThrow(/unknown city "幻想市"/);
    expect(parsePlaceLine('[]')).toEqual({ error: 'expected a JSON object {"id","title","text"}' });
  });
});
