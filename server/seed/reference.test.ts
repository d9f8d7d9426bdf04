import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '../db/embedded';
import { migrate } from '../db/migrate';
import { createPool, type Pool } from '../db/pool';
import { seedMonitorDefaults } from '../monitor/seed';
import { seedReferenceData } from './reference';

// Another city needs a database of its own: the shared test database is set up for 阜阳.
const name = `minsheng_city_${process.pid}_${Date.now().toString(36)}`;
let pool: Pool | undefined;

afterAll(async () => {
  await pool?.end();
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe('seedReferenceData for a city other than the demo city', () => {
  it('loads 长沙市 with its counties and towns, names the example schemes after it, and refuses to become another city', async () => {
    pool = createPool(await ensureDatabase(inject('databaseUrl'), name), 2);
    await migrate(pool);
    await seedReferenceData(pool, { city: '长沙市' });
    await seedReferenceData(pool, { city: '430100' }); // idempotent
    const levels = await pool.query<{ level: number; n: number }>('select level, count(*)::int as n from regions group by level order by level');
    expect(levels.rows).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 1 },
      { level: 3, n: 9 },
      { level: 4, n: 172 },
    ]);
    const town = await pool.query('select name, path from regions where code = $1', ['430104013']);
    expect(town.rows[0]).toEqual({ name: '含浦街道', path: '/430000/430100/430104/430104013/' });
    await seedMonitorDefaults(pool);
    const schemes = await pool.query<{ name: string; region_code: string }>('select name, region_code from keyword_schemes order by name');
    expect(schemes.rows).toEqual([
      { name: '欠薪讨薪（长沙）', region_code: '430100' },
      { name: '环境污染（长沙）', region_code: '430100' },
    ]);
    await expect(seedReferenceData(pool, { city: '341200' })).rejects.toThrow('this database is set up for 长沙市 (430100), not 阜阳市 (341200)');
    const after = await pool.query('select count(*)::int as n from regions');
    expect(after.rows[0].n).toBe(183);
  });
});
