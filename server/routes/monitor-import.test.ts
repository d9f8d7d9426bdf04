import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStaff } from '../factories/people';
import { importFile } from '../monitor/cli';
import { buildPushSource, uniqueTag } from '../monitor/ingest/test-support';
import { useTestApp } from '../test/helpers';

const t = useTestApp();

async function importBody(token: string, query: string, body: string, contentType: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await t.app.inject({ method: 'POST', url: `/api/monitor/import?${query}`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: body });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function count(prefix: string): Promise<number> {
  return (await t.ctx.pool.query('select count(*)::int as n from posts where platform_post_id like $1', [`${prefix}%`])).rows[0].n;
}

const when = '2024-05-01T09:34:00+08:00';

describe('POST /api/monitor/import', () => {
  it('imports CSV, JSON and JSON Lines files for a source', async () => {
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const source = await buildPushSource(t.ctx, { kind: 'import', platform: 'toutiao' });
    const tag = uniqueTag();
    const csv = `platform_post_id,author_name,text,published_at,likes\n${tag}-c1,老李,"颍州区${tag}路灯不亮, 晚上很黑",${when},3\n${tag}-c2,老王,太和县${tag}菜场积水,${when},\n`;
    const r1 = await importBody(duty.token, `source=${source.code}`, csv, 'text/csv; charset=utf-8');
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body.data).toMatchObject({ received: 2, created: 2, updated: 0 });
    const row = (await t.ctx.pool.query('select platform, text, likes, region_code from posts where platform_post_id = $1', [`${tag}-c1`])).rows[0];
    expect(row).toMatchObject({ platform: 'toutiao', text: `颍州区${tag}路灯不亮, 晚上很黑`, likes: 3, region_code: '341202' });

    const json = JSON.stringify([{ platformPostId: `${tag}-j1`, text: '界首市公交车太少', publishedAt: when }]);
    expect((await importBody(duty.token, `source=${source.code}&format=json`, json, 'text/plain')).body.data.created).toBe(1);
    const jsonl = `{"platform":"weibo","platformPostId":"${tag}-l1","text":"颍上县停水三天","publishedAt":"${when}"}\n{"platform":"weibo","platformPostId":"${tag}-c1","text":"颍州区路灯还是不亮","publishedAt":"${when}","engagement":{"likes":9}}\n`;
    const r3 = await importBody(duty.token, `source=${source.code}`, jsonl, 'application/x-ndjson');
    expect(r3.body.data).toMatchObject({ received: 2, created: 2 });
    expect(await count(`${tag}-`)).toBe(5);
  });

  it('imports nothing when one line is bad, and names it', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const source = await buildPushSource(t.ctx, { kind: 'import', platform: 'forum' });
    const tag = uniqueTag();
    const csv = `platform_post_id,text,published_at\n${tag}-1,颍东区噪音扰民,${when}\n${tag}-2,颍东区又停电了,${when}\n${tag}-3,颍东区积水,2024-13-01 10:00\n`;
    const bad = await importBody(admin.token, `source=${source.code}&format=csv`, csv, 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^line 4, publishedAt: /);
    expect(bad.body.error.details[0].line).toBe(4);
    const jsonl = `{"platformPostId":"${tag}-4","text":"x","publishedAt":"${when}"}\n{"platformPostId":"${tag}-5","text":"y","publishedAt":"${when}"\n`;
    const badJsonl = await importBody(admin.token, `source=${source.code}&format=jsonl`, jsonl, 'text/plain');
    expect(badJsonl.body.error.message).toMatch(/^line 2: invalid JSON/);
    expect(await count(`${tag}-`)).toBe(0);
  });

  it('refuses callers without the role, unknown sources and an unknown format', async () => {
    const leader = await buildStaff(t.ctx, 'leader');
    const duty = await buildStaff(t.ctx, 'duty_officer');
    const source = await buildPushSource(t.ctx, { kind: 'import' });
    expect((await importBody(leader.token, `source=${source.code}&format=csv`, 'text\nx\n', 'text/csv')).status).toBe(403);
    expect((await importBody(duty.token, 'source=no-such&format=csv', 'text\nx\n', 'text/csv')).body.error.message).toContain('unknown source');
    expect((await importBody(duty.token, `source=${source.code}`, 'text\nx\n', 'text/plain')).body.error.message).toMatch(/^format: required/);
    expect((await importBody(duty.token, `source=${source.code}&format=xml`, 'x', 'text/plain')).status).toBe(400);
    const anon = await t.app.inject({ method: 'POST', url: `/api/monitor/import?source=${source.code}&format=csv`, payload: 'text\nx\n', headers: { 'content-type': 'text/csv' } });
    expect(anon.statusCode).toBe(401);
  });
});

describe('minsheng monitor import', () => {
  it('imports a file named on the command line, all or nothing', async () => {
    const source = await buildPushSource(t.ctx, { kind: 'import', platform: 'weibo' });
    const tag = uniqueTag();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-import-'));
    try {
      const good = path.join(dir, 'posts.jsonl');
      fs.writeFileSync(good, `{"platformPostId":"${tag}-1","text":"阜南县化肥厂排污","publishedAt":"${when}"}\n`);
      expect(await importFile(t.ctx, good, { source: source.code })).toMatchObject({ received: 1, created: 1 });
      const bad = path.join(dir, 'posts.csv');
      fs.writeFileSync(bad, `platform_post_id,text,published_at\n${tag}-2,ok,${when}\n${tag}-3,,${when}\n`);
      await expect(importFile(t.ctx, bad, { source: source.code })).rejects.toMatchObject({ status: 400, message: 'line 3, text: required' });
      await expect(importFile(t.ctx, bad, { source: source.code, format: 'xml' })).rejects.toThrow(/format: must be one of/);
      expect(await count(`${tag}-`)).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
