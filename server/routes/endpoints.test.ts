import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTIONS, STATUSES } from '../../shared/workflow';
import { buildAssignedAppeal, buildInProgressAppeal, buildOverdueAppeal, buildSubmittedAppeal } from '../factories/appeals';
import { DEMO_PASSWORD, buildStaff, buildUnit, randomPhone } from '../factories/people';
import { call, residentSession, useTestApp } from '../test/helpers';

const t = useTestApp();

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A multipart/form-data body with one file field, built by hand. */
function multipart(filename: string, mimeType: string, bytes: Buffer, field = 'file') {
  const boundary = `----minsheng${crypto.randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mimeType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(token: string | null, filename: string, mimeType: string, bytes: Buffer) {
  const { payload, contentType } = multipart(filename, mimeType, bytes);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    payload,
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}


async function listIds(token: string, query: string): Promise<string[]> {
  const res = await call(t.app, 'GET', `/api/appeals?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.map((a: { id: string }) => a.id);
}

describe('system and documentation', () => {
  it('GET /api/health answers ok', async () => {
    const res = await call(t.app, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/openapi.json documents every action endpoint', async () => {
    const res = await call(t.app, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const action of ACTIONS) {
      const path = `/api/appeals/{id}/actions/${action}`;
      expect(paths, path).toContain(path);
      expect(res.body.paths[path].post, path).toBeDefined();
    }
    for (const p of ['/api/appeals', '/api/appeals/{id}', '/api/auth/login', '/api/resident/otp', '/api/attachments', '/api/track/{trackingCode}']) expect(paths).toContain(p);
  });

  it('GET /api/docs answers 200 or redirects to the UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 301, 302, 303, 307, 308]).toContain(res.statusCode);
    if (res.statusCode !== 200) expect(res.headers.location).toBeTruthy();
  });

  it('an unknown route is a 404 in the error envelope', async () => {
    const res = await call(t.app, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('staff authentication', () => {
  it('logs in with the right password; a wrong password and an unknown user get the same 401', async () => {
    const staff = await buildStaff(t.ctx, 'dispatcher');
    const ok = await call(t.app, 'POST', '/api/auth/login', { body: { username: staff.principal.username, password: DEMO_PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.token).toBeTruthy();
    expect(ok.body.data.user).toMatchObject({ id: staff.principal.userId, username: staff.principal.username, role: 'dispatcher' });
    expect(JSON.stringify(ok.body)).not.toContain('passwordHash');

    const me = await call(t.app, 'GET', '/api/auth/me', { token: ok.body.data.token });
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ kind: 'staff', userId: staff.principal.userId, role: 'dispatcher', unit: null });

    const wrong = await call(t.app, 'POST', '/api/auth/login', { body: { username: staff.principal.username, password: 'not-the-password' } });
    const unknown = await call(t.app, 'POST', '/api/auth/login', { body: { username: `nobody-${crypto.randomUUID().slice(0, 8)}`, password: DEMO_PASSWORD } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('the login sets an HttpOnly session cookie that authenticates', async () => {
    const staff = await buildStaff(t.ctx, 'operator');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.principal.username, password: DEMO_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'ms_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { ms_session: cookie?.value ?? '' } });
    expect(me.statusCode).toBe(200);
  });

  it('after logout the token no longer works', async () => {
    const staff = await buildStaff(t.ctx, 'supervisor');
    expect((await call(t.app, 'GET', '/api/auth/me', { token: staff.token })).status).toBe(200);
    const out = await call(t.app, 'POST', '/api/auth/logout', { token: staff.token });
    expect(out.status).toBe(200);
    const me = await call(t.app, 'GET', '/api/auth/me', { token: staff.token });
    expect(me.status).toBe(401);
    expect((await call(t.app, 'GET', '/api/units', { token: staff.token })).status).toBe(401);
  });

  it('/api/auth/me tells a resident who they are, and refuses anonymous callers', async () => {
    const phone = randomPhone();
    const me = await call(t.app, 'GET', '/api/auth/me', { token: await residentSession(t.ctx, phone) });
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({ kind: 'resident', phone });
    expect((await call(t.app, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('the resident OTP flow yields a session for that phone', async () => {
    const phone = randomPhone();
    expect((await call(t.app, 'POST', '/api/resident/otp', { body: { phone } })).status).toBe(202);
    const sms = await t.ctx.pool.query('select body from sms_outbox where phone = $1 order by id desc limit 1', [phone]);
    const code = /(\d{6})/.exec(sms.rows[0].body)?.[1];
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect((await call(t.app, 'POST', '/api/resident/session', { body: { phone, code: wrongCode } })).status).toBe(400);
    const res = await call(t.app, 'POST', '/api/resident/session', { body: { phone, code } });
    expect(res.status).toBe(200);
    expect((await call(t.app, 'GET', '/api/auth/me', { token: res.body.data.token })).body.data).toEqual({ kind: 'resident', phone });
    // A code is used once.
    expect((await call(t.app, 'POST', '/api/resident/session', { body: { phone, code } })).status).toBe(400);
  });
});

describe('reference data', () => {
  it('units require a staff session: 401 for anonymous callers and residents', async () => {
    expect((await call(t.app, 'GET', '/api/units')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/units', { token: await residentSession(t.ctx, randomPhone()) })).status).toBe(401);
    const unit = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    const res = await call(t.app, 'GET', '/api/units', { token: handler.token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { id: string }) => u.id)).toContain(unit.id);
  });

  it('categories, regions, time-limit classes and the workflow are public', async () => {
    const categories = await call(t.app, 'GET', '/api/categories');
    expect(categories.status).toBe(200);
    expect(categories.body.data.length).toBeGreaterThan(0);
    const regions = await call(t.app, 'GET', '/api/regions');
    expect(regions.status).toBe(200);
    const codes = regions.body.data.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['341200', '341221', '341221001', '341202002']));
    const classes = await call(t.app, 'GET', '/api/time-limit-classes');
    expect(classes.status).toBe(200);
    expect(classes.body.data.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['urgent', 'general', 'complex']));
    const workflow = await call(t.app, 'GET', '/api/workflow');
    expect(workflow.status).toBe(200);
    expect(workflow.body.data.transitions.map((t: { action: string }) => t.action).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(workflow.body.data.statusLabels).sort()).toEqual([...STATUSES].sort());
  });
});

describe('attachments', () => {
  it('upload 201 → link to a new appeal → download by visible users with the same bytes, 404 for outsiders', async () => {
    const phone = randomPhone();
    const token = await residentSession(t.ctx, phone);
    const up = await upload(token, '路灯.png', 'image/png', PNG);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.data).toMatchObject({ filename: '路灯.png', mimeType: 'image/png', byteSize: PNG.length });
    const attachmentId: string = up.body.data.id;

    // Before it is linked to an appeal nobody can download it.
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${attachmentId}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404);

    const created = await call(t.app, 'POST', '/api/appeals', { token, body: { body: '小区门口路灯不亮已经一周了，见照片。', phone, attachmentIds: [attachmentId] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.attachments.map((a: { id: string }) => a.id)).toEqual([attachmentId]);

    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    for (const bearer of [token, dispatcher.token]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/attachments/${attachmentId}`, headers: { authorization: `Bearer ${bearer}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.rawPayload, PNG)).toBe(0);
    }
    const outsiders = [await residentSession(t.ctx, randomPhone()), (await buildStaff(t.ctx, 'handler', await buildUnit(t.ctx.pool))).token];
    for (const bearer of outsiders) {
      const res = await call(t.app, 'GET', `/api/attachments/${attachmentId}`, { token: bearer });
      expect(res.status).toBe(404);
    }
    expect((await call(t.app, 'GET', `/api/attachments/${attachmentId}`)).status).toBe(401);

    // An attachment is used once: a second appeal cannot claim it.
    const again = await call(t.app, 'POST', '/api/appeals', { token, body: { body: '再提交一次同一张照片试试。', phone, attachmentIds: [attachmentId] } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('attachmentIds');
  });

  it('refuses a type that is not accepted, a missing file, and anonymous uploads', async () => {
    const token = await residentSession(t.ctx, randomPhone());
    const text = await upload(token, 'notes.txt', 'text/plain', Buffer.from('hello'));
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('VALIDATION_FAILED');
    expect(text.body.error.message).toContain('file');
    const html = await upload(token, 'x.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    expect(html.status).toBe(400);
    const empty = await upload(token, 'empty.png', 'image/png', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const json = await call(t.app, 'POST', '/api/attachments', { token, body: { file: 'not multipart' } });
    expect(json.status).toBe(400);
    expect((await upload(null, 'a.png', 'image/png', PNG)).status).toBe(401);
  });
});

describe('administration', () => {
  it('admin routes answer 401 to anonymous callers and residents, 403 to other staff', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const resident = await residentSession(t.ctx, randomPhone());
    const username = `made-${crypto.randomUUID().slice(0, 8)}`;
    const requests: ['GET' | 'POST' | 'PUT', string, unknown][] = [
      ['GET', '/api/admin/calendar', undefined],
      ['POST', '/api/admin/calendar/years', { year: 2999, days: [] }],
      ['PUT', '/api/admin/calendar/overrides/2999-01-01', { isOffDay: true, name: '不应写入' }],
      ['POST', '/api/admin/users', { username, password: 'long-enough-pw', displayName: '新人', role: 'operator' }],
    ];
    for (const [method, url, body] of requests) {
      const opts = body === undefined ? {} : { body };
      expect((await call(t.app, method, url, opts)).status, url).toBe(401);
      expect((await call(t.app, method, url, { ...opts, token: resident })).status, url).toBe(401);
      const staff = await call(t.app, method, url, { ...opts, token: dispatcher.token });
      expect(staff.status, url).toBe(403);
      expect(staff.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.ctx.pool.query('select count(*)::int as n from calendar_years where year = 2999')).rows[0].n).toBe(0);
    expect((await t.ctx.pool.query(`select count(*)::int as n from calendar_overrides where date = '2999-01-01'`)).rows[0].n).toBe(0);
    expect((await t.ctx.pool.query('select count(*)::int as n from users where username = $1', [username])).rows[0].n).toBe(0);
  });

  it('an admin creates a staff account that can then log in', async () => {
    const admin = await buildStaff(t.ctx, 'admin');
    const unit = await buildUnit(t.ctx.pool);
    const username = `made-${crypto.randomUUID().slice(0, 8)}`;
    const created = await call(t.app, 'POST', '/api/admin/users', {
      token: admin.token,
      body: { username, password: 'long-enough-pw', displayName: '新承办人', role: 'handler', unitCode: unit.code },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const login = await call(t.app, 'POST', '/api/auth/login', { body: { username, password: 'long-enough-pw' } });
    expect(login.status).toBe(200);
    const me = await call(t.app, 'GET', '/api/auth/me', { token: login.body.data.token });
    expect(me.body.data).toMatchObject({ kind: 'staff', role: 'handler', unit: { id: unit.id } });
    const taken = await call(t.app, 'POST', '/api/admin/users', { token: admin.token, body: { username, password: 'long-enough-pw', displayName: '重复', role: 'operator' } });
    expect(taken.status).toBe(409);
  });
});

describe('list filters', () => {
  it('status and unit', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const unit = await buildUnit(t.ctx.pool);
    const other = await buildUnit(t.ctx.pool);
    const handler = await buildStaff(t.ctx, 'handler', unit);
    const { appeal: assigned } = await buildAssignedAppeal(t.ctx, { cast: { dispatcher, leadUnit: unit, handler } });
    const { appeal: inProgress } = await buildInProgressAppeal(t.ctx, { cast: { dispatcher, leadUnit: unit, handler } });
    const { appeal: elsewhere } = await buildInProgressAppeal(t.ctx, { cast: { dispatcher, leadUnit: other } });

    expect((await listIds(dispatcher.token, `unit=${unit.id}&pageSize=100`)).sort()).toEqual([assigned.id, inProgress.id].sort());
    expect(await listIds(dispatcher.token, `unit=${unit.id}&status=in_progress`)).toEqual([inProgress.id]);
    expect(await listIds(dispatcher.token, `unit=${unit.id}&status=assigned`)).toEqual([assigned.id]);
    expect((await listIds(dispatcher.token, `unit=${unit.id}&status=assigned,in_progress`)).sort()).toEqual([assigned.id, inProgress.id].sort());
    expect(await listIds(dispatcher.token, `unit=${unit.id}&status=closed`)).toEqual([]);
    expect(await listIds(dispatcher.token, `unit=${other.id}`)).toEqual([elsewhere.id]);
    // The handler's own list filters the same way.
    expect(await listIds(handler.token, `status=assigned&unit=${unit.id}`)).toEqual([assigned.id]);
  });

  it('overdue=true finds the overdue appeal and overdue=false the one on time', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const unit = await buildUnit(t.ctx.pool);
    const { appeal: late } = await buildOverdueAppeal(t.ctx, { cast: { dispatcher, leadUnit: unit } });
    const { appeal: onTime } = await buildInProgressAppeal(t.ctx, { cast: { dispatcher, leadUnit: unit } });
    expect(late.dueAt?.getTime()).toBeLessThan(Date.now());
    expect(await listIds(dispatcher.token, `unit=${unit.id}&overdue=true`)).toEqual([late.id]);
    expect(await listIds(dispatcher.token, `unit=${unit.id}&overdue=false`)).toEqual([onTime.id]);
    const row = (await call(t.app, 'GET', `/api/appeals?unit=${unit.id}&overdue=true`, { token: dispatcher.token })).body.data[0];
    expect(row.deadlines.state).toBe('overdue');
  });

  it('q finds an appeal by Chinese words of its body, in any order', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const phone = randomPhone();
    const hit = await buildSubmittedAppeal(t.ctx, { phone, title: '反映问题', body: '泉河大道与颍州路交叉口的窨井盖缺失，晚上路灯也不亮，非常危险。' });
    const miss = await buildSubmittedAppeal(t.ctx, { phone, title: '反映问题', body: '楼上住户每天深夜装修，噪音很大，影响休息。' });
    const q = async (text: string) => listIds(dispatcher.token, `phone=${phone}&q=${encodeURIComponent(text)}`);
    expect(await q('窨井盖')).toEqual([hit.id]);
    // Not a substring of the body: only full-text search over the segmented words finds it.
    expect(await q('路灯窨井盖')).toEqual([hit.id]);
    expect(await q('噪音')).toEqual([miss.id]);
    expect(await q('垃圾')).toEqual([]);
    expect(await q(hit.trackingCode.toLowerCase())).toEqual([hit.id]);
  });

  it('page, pageSize and page.total', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const phone = randomPhone();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await buildSubmittedAppeal(t.ctx, { phone })).id);
    const page = async (n: number) => (await call(t.app, 'GET', `/api/appeals?phone=${phone}&pageSize=2&page=${n}`, { token: dispatcher.token })).body;
    const [p1, p2, p3, p4] = [await page(1), await page(2), await page(3), await page(4)];
    expect(p1.page).toEqual({ page: 1, pageSize: 2, total: 5 });
    expect(p3.page.total).toBe(5);
    expect([p1, p2, p3, p4].map((p) => p.data.length)).toEqual([2, 2, 1, 0]);
    const seen = [p1, p2, p3].flatMap((p) => p.data.map((a: { id: string }) => a.id));
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first.
    expect(seen[0]).toBe(ids[4]);
  });

  it('lists never carry the full phone', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const appeal = await buildSubmittedAppeal(t.ctx);
    const res = await call(t.app, 'GET', `/api/appeals?phone=${appeal.phone}`, { token: dispatcher.token });
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].phone).not.toBe(appeal.phone);
    expect(res.body.data[0].phone).toContain('****');
    // The detail shows it to the intake desk.
    expect((await call(t.app, 'GET', `/api/appeals/${appeal.id}`, { token: dispatcher.token })).body.data.phone).toBe(appeal.phone);
  });
});
