import { describe, expect, it } from 'vitest';
import { buildStaff } from '../factories/people';
import { call, useTestApp } from '../test/helpers';

const t = useTestApp();
const QINGHE = '341202003';

describe('the city’s place list (地名库)', () => {
  it('loads a CSV, lists and deletes places, and the place extractor reads them at once', async () => {
    const tag = `${Date.now() % 100000}`;
    const estate = `景苑${tag}小区`;
    const admin = await buildStaff(t.ctx, 'admin');
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const suggest = async () =>
      (await call(t.app, 'POST', '/api/dispatch/suggest', { token: dispatcher.token, body: { title: '门口垃圾无人清运', text: `${estate}门口垃圾堆了三天无人清运，气味很大` } })).body.data.place;
    expect((await suggest()).level).toBe('city');

    const csv = `名称,类型,区域\n${estate},小区,清河街道\n幸福${tag}路,道路,颍州区/清河街道\n`;
    const res = await call(t.app, 'POST', '/api/admin/places/import', { token: admin.token, body: { csv } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ received: 2, added: 2 });
    const again = await call(t.app, 'POST', '/api/admin/places/import', { token: admin.token, body: { csv } });
    expect(again.body.data).toMatchObject({ received: 2, added: 0 });

    const place = await suggest();
    expect(place).toMatchObject({ regionCode: QINGHE, countyCode: '341202' });
    expect(place.why.join('')).toContain(estate);

    const list = await call(t.app, 'GET', `/api/admin/places?q=${encodeURIComponent(tag)}`, { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { name: string; regionName: string; kind: string }) => [p.name, p.regionName, p.kind]).sort()).toEqual([
      [estate, '清河街道', 'community'],
      [`幸福${tag}路`, '清河街道', 'road'],
    ].sort());
    expect(list.body.page.total).toBe(2);

    const url = `/api/admin/places/${QINGHE}/${encodeURIComponent(estate)}`;
    expect((await call(t.app, 'DELETE', url, { token: admin.token })).status).toBe(200);
    expect((await call(t.app, 'DELETE', url, { token: admin.token })).status).toBe(404);
    expect((await suggest()).level).toBe('city');
  });

  it('rejects a bad file naming the line, and writes nothing', async () => {
    const tag = `${Date.now() % 100000}`;
    const admin = await buildStaff(t.ctx, 'admin');
    const csv = `名称,类型,区域\n好${tag}路,道路,清河街道\n坏${tag}路,河流,清河街道\n`;
    const res = await call(t.app, 'POST', '/api/admin/places/import', { token: admin.token, body: { csv } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('第3行：类型「河流」');
    const list = await call(t.app, 'GET', `/api/admin/places?q=${tag}`, { token: admin.token });
    expect(list.body.page.total).toBe(0);
    expect((await call(t.app, 'POST', '/api/admin/places/import', { token: admin.token, body: { csv: '' } })).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/admin/places?pageSize=1000', { token: admin.token })).status).toBe(400);
  });

  it('is for administrators only', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    expect((await call(t.app, 'GET', '/api/admin/places', { token: dispatcher.token })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/admin/places/import', { token: dispatcher.token, body: { csv: '名称,类型,区域\n清河路,道路,清河街道' } })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/admin/places')).status).toBe(401);
  });
});
