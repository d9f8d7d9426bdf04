import { afterAll, describe, expect, it } from 'vitest';
import { closeTestPool, testContext } from '../test/helpers';
import { jsonLiteral } from './monitor-batch';

const ctx = testContext();
afterAll(closeTestPool);

describe('jsonLiteral', () => {
  it('round-trips any text through PostgreSQL unchanged', async () => {
    const value = { s: ["'; drop table posts; --", '$$', '$j0a1b2c3d$', 'a\\b"c', '换行\n制表\t', '😀𠀀', ''], n: [1, -2.5, null], nested: { ok: true } };
    const res = await ctx.pool.query(`select ${jsonLiteral(value)} as j`);
    expect(res.rows[0].j).toEqual(value);
  });

  it('never uses a tag that occurs in the text', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `$j${i.toString(16).padStart(8, '0')}$`).join('');
    const lit = jsonLiteral(text);
    const tag = lit.slice(0, lit.indexOf('"'));
    expect(JSON.stringify(text).includes(tag)).toBe(false);
    expect(lit.endsWith(`${tag}::json`)).toBe(true);
  });
});
