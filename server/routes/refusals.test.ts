import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, type AppealAction } from '../../shared/workflow';
import { openSession } from '../auth/session';
import type { AppContext } from '../context';
import { buildAcceptedAppeal, buildAssignedAppeal, buildClosedAppeal, buildInProgressAppeal, buildRepliedAppeal, buildSubmittedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit, randomPhone, type StaffFixture } from '../factories/people';
import { performTransition } from '../commands/transition';
import { call, closeTestPool, snapshotAppeal, testApp, testContext, validActionBody } from '../test/helpers';

let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  ctx = testContext();
  app = await testApp(ctx);
});
afterAll(async () => {
  await app.close();
  await closeTestPool();
});

const LONG = 'x'.repeat(1001);
const LONG_TEXT = '长'.repeat(5001);
const uuid = () => crypto.randomUUID();


/** Bad bodies per action, each with the field its 400 must name. */
function badBodies(action: AppealAction): [Record<string, unknown>, string][] {
  const reasonCases = (field: string): [Record<string, unknown>, string][] => [
    [{}, field],
    [{ [field]: 42 }, field],
    [{ [field]: '   ' }, field],
    [{ [field]: LONG }, field],
  ];
  const assignCases: [Record<string, unknown>, string][] = [
    [{}, 'leadUnitId'],
    [{ leadUnitId: 'not-a-uuid' }, 'leadUnitId'],
    [{ leadUnitId: 7 }, 'leadUnitId'],
    [{ leadUnitId: uuid(), coUnitIds: ['not-a-uuid'] }, 'coUnitIds'],
    [{ leadUnitId: uuid(), coUnitIds: uuid() }, 'coUnitIds'],
    [{ leadUnitId: uuid(), coUnitIds: Array.from({ length: 11 }, uuid) }, 'coUnitIds'],
    [{ leadUnitId: uuid(), timeLimitClass: 'someday' }, 'timeLimitClass'],
    [{ leadUnitId: uuid(), handleDays: 1.5 }, 'handleDays'],
    [{ leadUnitId: uuid(), handleDays: 0 }, 'handleDays'],
    [{ leadUnitId: uuid(), note: LONG }, 'note'],
  ];
  const specific: Record<AppealAction, [Record<string, unknown>, string][]> = {
    accept: [
      [{ categoryCode: 5 }, 'categoryCode'],
      [{ timeLimitClass: 'someday' }, 'timeLimitClass'],
      [{ note: LONG }, 'note'],
    ],
    reject: reasonCases('reason'),
    merge: [
      [{}, 'targetId'],
      [{ targetId: 'not-a-uuid' }, 'targetId'],
      [{ targetId: uuid(), reason: LONG }, 'reason'],
    ],
    assign: assignCases,
    reassign: assignCases,
    return: reasonCases('reason'),
    sign: [
      [{ note: LONG }, 'note'],
      [{ note: 1 }, 'note'],
    ],
    request_extension: [
      [{ reason: '需要协调' }, 'days'],
      [{ days: 0, reason: '需要协调' }, 'days'],
      [{ days: 31, reason: '需要协调' }, 'days'],
      [{ days: '3', reason: '需要协调' }, 'days'],
      [{ days: 2.5, reason: '需要协调' }, 'days'],
      [{ days: 3 }, 'reason'],
      [{ days: 3, reason: LONG }, 'reason'],
    ],
    grant_extension: [
      [{ days: 0 }, 'days'],
      [{ days: 'two' }, 'days'],
      [{ days: 31 }, 'days'],
      [{ note: LONG }, 'note'],
    ],
    refuse_extension: reasonCases('note'),
    reply: [
      [{ body: '已安排人员现场处理完毕。' }, 'resolution'],
      [{ resolution: 'done', body: '已安排人员现场处理完毕。' }, 'resolution'],
      [{ resolution: 'resolved' }, 'body'],
      [{ resolution: 'resolved', body: '好了' }, 'body'],
      [{ resolution: 'resolved', body: LONG_TEXT }, 'body'],
      [{ resolution: 'resolved', body: '已安排人员现场处理完毕。', attachmentIds: ['not-a-uuid'] }, 'attachmentIds'],
      [{ resolution: 'resolved', body: '已安排人员现场处理完毕。', attachmentIds: Array.from({ length: 10 }, uuid) }, 'attachmentIds'],
    ],
    approve_reply: [
      [{ note: LONG }, 'note'],
      [{ note: false }, 'note'],
    ],
    reject_reply: reasonCases('reason'),
    rate: [
      [{}, 'rating'],
      [{ rating: 'great' }, 'rating'],
      [{ rating: 'satisfied', comment: LONG }, 'comment'],
    ],
    close: reasonCases('note'),
    urge: reasonCases('message'),
    warn: [
      [{ reason: '拖延' }, 'level'],
      [{ level: 'green', reason: '拖延' }, 'level'],
      [{ level: 'red' }, 'reason'],
      [{ level: 'red', reason: LONG }, 'reason'],
    ],
    escalate: [...reasonCases('reason'), [{ reason: '久拖不决', toUnitId: 'not-a-uuid' }, 'toUnitId']],
    instruct: [
      [{}, 'text'],
      [{ text: '' }, 'text'],
      [{ text: LONG_TEXT }, 'text'],
    ],
    summon: [
      [{ note: '需要配合' }, 'unitIds'],
      [{ unitIds: [], note: '需要配合' }, 'unitIds'],
      [{ unitIds: ['not-a-uuid'], note: '需要配合' }, 'unitIds'],
      [{ unitIds: Array.from({ length: 21 }, uuid), note: '需要配合' }, 'unitIds'],
      [{ unitIds: [uuid()] }, 'note'],
    ],
    report: reasonCases('note'),
  };
  return [
    ...specific[action],
    [{ ...validActionBody(action), unexpectedField: 1 }, 'unexpectedField'],
    [{ ...validActionBody(action), version: 'three' }, 'version'],
    [{ ...validActionBody(action), version: 0 }, 'version'],
  ];
}

function expectValidation(res: { status: number; body: { error?: { code?: string; message?: string } } }, field: string, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error?.code, what).toBe('VALIDATION_FAILED');
  expect(res.body.error?.message, what).toContain(field);
}

async function residentToken(phone: string): Promise<string> {
  return (await openSession(ctx, { residentPhone: phone })).token;
}

/** An appeal in progress with a dispatcher, supervisor and leader who would all see it. */
async function inProgress() {
  const dispatcher = await buildStaff(ctx, 'dispatcher');
  const leadUnit = await buildUnit(ctx.pool);
  const handler = await buildStaff(ctx, 'handler', leadUnit);
  const { appeal } = await buildInProgressAppeal(ctx, { cast: { dispatcher, handler, leadUnit } });
  return { appeal, dispatcher, handler, leadUnit };
}

function actionUrl(id: string, action: string): string {
  return `/api/appeals/${id}/actions/${action}`;
}

describe('every action endpoint refuses bad bodies with 400 naming the field, writing nothing', () => {
  it.each(ACTIONS)('%s', async (action) => {
    const { appeal, dispatcher } = await inProgress();
    const before = await snapshotAppeal(ctx.pool, appeal.id);
    for (const [body, field] of badBodies(action)) {
      const res = await call(app, 'POST', actionUrl(appeal.id, action), { token: dispatcher.token, body });
      expectValidation(res, field, `${action} ${JSON.stringify(body).slice(0, 120)}`);
    }
    // A path id that is not a uuid.
    const badId = await call(app, 'POST', actionUrl('not-a-uuid', action), { token: dispatcher.token, body: validActionBody(action) });
    expectValidation(badId, 'id', `${action} with a bad path id`);
    // A non-numeric If-Match.
    const badIfMatch = await call(app, 'POST', actionUrl(appeal.id, action), { token: dispatcher.token, body: validActionBody(action), headers: { 'if-match': 'soon' } });
    expectValidation(badIfMatch, 'if-match', `${action} with a bad If-Match`);
    expect(await snapshotAppeal(ctx.pool, appeal.id)).toBe(before);
  });
});

describe('every action endpoint refuses anonymous callers with 401', () => {
  it.each(ACTIONS)('%s', async (action) => {
    const { appeal } = await inProgress();
    const before = await snapshotAppeal(ctx.pool, appeal.id);
    const res = await call(app, 'POST', actionUrl(appeal.id, action), { body: validActionBody(action) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await call(app, 'POST', actionUrl(appeal.id, action), { token: 'forged-token', body: validActionBody(action) });
    expect(forged.status).toBe(401);
    expect(await snapshotAppeal(ctx.pool, appeal.id)).toBe(before);
  });
});

describe('other endpoints refuse bad input with 400 naming the field', () => {
  it('POST /api/appeals', async () => {
    const phone = randomPhone();
    const token = await residentToken(phone);
    const ok = { body: '小区门口路灯不亮已经一周了', phone };
    const cases: [Record<string, unknown>, string][] = [
      [{ phone }, 'body'],
      [{ ...ok, body: 12345 }, 'body'],
      [{ ...ok, body: '太短' }, 'body'],
      [{ ...ok, body: '长'.repeat(5001) }, 'body'],
      [{ ...ok, title: 't'.repeat(101) }, 'title'],
      [{ ...ok, phone: '12345' }, 'phone'],
      [{ body: ok.body }, 'phone'],
      [{ ...ok, channel: 'pigeon' }, 'channel'],
      [{ ...ok, isConfidential: 'yes' }, 'isConfidential'],
      [{ ...ok, attachmentIds: ['not-a-uuid'] }, 'attachmentIds'],
      [{ ...ok, regionCode: 'abc' }, 'regionCode'],
      [{ ...ok, latitude: 91, longitude: 100 }, 'latitude'],
      [{ ...ok, channelRef: 'r'.repeat(201) }, 'channelRef'],
      [{ ...ok, unexpectedField: true }, 'unexpectedField'],
      // Refused by the command, not the schema: still a 400 naming the field.
      [{ ...ok, categoryCode: 'no-such-category' }, 'categoryCode'],
      [{ ...ok, regionCode: '999999' }, 'regionCode'],
      [{ ...ok, longitude: 115.8 }, 'latitude'],
      [{ ...ok, channel: 'hotline' }, 'channel'],
      [{ ...ok, attachmentIds: [uuid()] }, 'attachmentIds'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/appeals', { token, body }), field, JSON.stringify(body).slice(0, 100));
    const rows = await ctx.pool.query('select count(*)::int as n from appeals where phone = $1', [phone]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('POST /api/auth/login', async () => {
    const cases: [unknown, string][] = [
      [{ password: 'minsheng-demo' }, 'username'],
      [{ username: 'someone' }, 'password'],
      [{ username: 42, password: 'minsheng-demo' }, 'username'],
      [{ username: '', password: 'minsheng-demo' }, 'username'],
      [{ username: 'u'.repeat(101), password: 'minsheng-demo' }, 'username'],
      [{ username: 'someone', password: 'p'.repeat(201) }, 'password'],
      [{ username: 'someone', password: 'minsheng-demo', remember: true }, 'remember'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/auth/login', { body }), field, JSON.stringify(body));
  });

  it('POST /api/resident/otp', async () => {
    const phone = randomPhone();
    const cases: [unknown, string][] = [
      [{}, 'phone'],
      [{ phone: 13900000000 }, 'phone'],
      [{ phone: '139000' }, 'phone'],
      [{ phone, channel: 'sms' }, 'channel'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/resident/otp', { body }), field, JSON.stringify(body));
    const sent = await ctx.pool.query('select count(*)::int as n from sms_outbox where phone = $1', [phone]);
    expect(sent.rows[0].n).toBe(0);
    const otps = await ctx.pool.query('select count(*)::int as n from resident_otps where phone = $1', [phone]);
    expect(otps.rows[0].n).toBe(0);
  });

  it('POST /api/resident/session', async () => {
    const phone = randomPhone();
    const cases: [unknown, string][] = [
      [{ phone }, 'code'],
      [{ phone, code: '12345' }, 'code'],
      [{ phone, code: 123456 }, 'code'],
      [{ code: '123456' }, 'phone'],
      [{ phone: 'abc', code: '123456' }, 'phone'],
      [{ phone, code: '123456', trust: true }, 'trust'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/resident/session', { body }), field, JSON.stringify(body));
    const sessions = await ctx.pool.query('select count(*)::int as n from sessions where resident_phone = $1', [phone]);
    expect(sessions.rows[0].n).toBe(0);
  });

  it('GET /api/track/:code', async () => {
    const phone = randomPhone();
    const appeal = await buildSubmittedAppeal(ctx, { phone });
    const cases: [string, string][] = [
      [`/api/track/${appeal.trackingCode}`, 'phone'],
      [`/api/track/${appeal.trackingCode}?phone=123`, 'phone'],
      [`/api/track/${appeal.trackingCode}?phone=${phone}&extra=1`, 'extra'],
      [`/api/track/ab!?phone=${phone}`, 'trackingCode'],
      [`/api/track/${'A'.repeat(21)}?phone=${phone}`, 'trackingCode'],
    ];
    const before = await snapshotAppeal(ctx.pool, appeal.id);
    for (const [url, field] of cases) expectValidation(await call(app, 'GET', url), field, url);
    expect(await snapshotAppeal(ctx.pool, appeal.id)).toBe(before);
  });

  it('GET /api/appeals', async () => {
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    const cases: [string, string][] = [
      ['status=flying', 'status'],
      ['status=submitted,flying', 'status'],
      ['unit=not-a-uuid', 'unit'],
      ['overdue=yes', 'overdue'],
      ['dueSoon=1', 'dueSoon'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['channel=pigeon', 'channel'],
      ['region=abc', 'region'],
      ['from=yesterday', 'from'],
      ['phone=12', 'phone'],
      [`q=${encodeURIComponent('查'.repeat(101))}`, 'q'],
      ['sort=desc', 'sort'],
    ];
    for (const [qs, field] of cases) expectValidation(await call(app, 'GET', `/api/appeals?${qs}`, { token: dispatcher.token }), field, qs);
  });

  it('POST /api/admin/calendar/years', async () => {
    const admin = await buildStaff(ctx, 'admin');
    const year = 2150 + crypto.randomInt(0, 500);
    const cases: [unknown, string][] = [
      [{ days: [] }, 'year'],
      [{ year: String(year), days: [] }, 'year'],
      [{ year: year + 0.5, days: [] }, 'year'],
      [{ year }, 'days'],
      [{ year, days: 'none' }, 'days'],
      // Passes the route schema, refused by the year parser with the exact path.
      [{ year, days: [{ date: `${year}-13-01`, isOffDay: true, name: '测试' }] }, 'days[0].date'],
      [{ year, days: [{ date: `${year}-05-01`, isOffDay: 'yes', name: '测试' }] }, 'days[0].isOffDay'],
      [{ year, days: [{ date: `${year}-05-01`, isOffDay: true, name: '' }] }, 'days[0].name'],
      [{ year: 12, days: [] }, 'year'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/admin/calendar/years', { token: admin.token, body }), field, JSON.stringify(body));
    const stored = await ctx.pool.query('select count(*)::int as n from calendar_years where year = $1', [year]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('PUT /api/admin/calendar/overrides/:date', async () => {
    const admin = await buildStaff(ctx, 'admin');
    const date = '2199-05-05';
    const cases: [string, unknown, string][] = [
      ['2199-13-45', { isOffDay: true, name: '测试' }, 'date'],
      ['tomorrow', { isOffDay: true, name: '测试' }, 'date'],
      [date, { name: '测试' }, 'isOffDay'],
      [date, { isOffDay: 'yes', name: '测试' }, 'isOffDay'],
      [date, { isOffDay: true }, 'name'],
      [date, { isOffDay: true, name: '  ' }, 'name'],
      [date, { isOffDay: true, name: '名'.repeat(51) }, 'name'],
      [date, { isOffDay: true, name: '测试', scope: 'city' }, 'scope'],
    ];
    for (const [d, body, field] of cases) {
      expectValidation(await call(app, 'PUT', `/api/admin/calendar/overrides/${d}`, { token: admin.token, body }), field, `${d} ${JSON.stringify(body)}`);
    }
    const stored = await ctx.pool.query(`select count(*)::int as n from calendar_overrides where date >= '2199-01-01'`);
    expect(stored.rows[0].n).toBe(0);
  });

  it('POST /api/admin/users', async () => {
    const admin = await buildStaff(ctx, 'admin');
    const username = `new-${crypto.randomUUID().slice(0, 8)}`;
    const ok = { username, password: 'long-enough-pw', displayName: '新用户', role: 'operator' };
    const cases: [unknown, string][] = [
      [{ ...ok, password: 'short' }, 'password'],
      [{ ...ok, password: undefined }, 'password'],
      [{ ...ok, role: 'king' }, 'role'],
      [{ ...ok, displayName: '' }, 'displayName'],
      [{ ...ok, displayName: undefined }, 'displayName'],
      [{ ...ok, username: 7 }, 'username'],
      [{ ...ok, isActive: false }, 'isActive'],
      // Refused by the command.
      [{ ...ok, username: 'Bad Name' }, 'username'],
      [{ ...ok, role: 'handler' }, 'unitCode'],
      [{ ...ok, role: 'handler', unitCode: 'no-such-unit' }, 'unitCode'],
    ];
    for (const [body, field] of cases) expectValidation(await call(app, 'POST', '/api/admin/users', { token: admin.token, body }), field, JSON.stringify(body));
    const users = await ctx.pool.query('select count(*)::int as n from users where username = $1', [username]);
    expect(users.rows[0].n).toBe(0);
  });
});

describe('refusals by the workflow, the lock and the policy write nothing', () => {
  async function expectRefused(
    who: StaffFixture | { token: string },
    id: string,
    action: AppealAction,
    body: Record<string, unknown>,
    status: number,
    code: string,
    extra: { headers?: Record<string, string>; alsoUnchanged?: string[] } = {},
  ) {
    const ids = [id, ...(extra.alsoUnchanged ?? [])];
    const before = await Promise.all(ids.map((x) => snapshotAppeal(ctx.pool, x)));
    const res = await call(app, 'POST', actionUrl(id, action), { token: who.token, body, ...(extra.headers ? { headers: extra.headers } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await Promise.all(ids.map((x) => snapshotAppeal(ctx.pool, x)))).toEqual(before);
    return res;
  }

  it('an action in the wrong state → 409 INVALID_TRANSITION', async () => {
    const { appeal, dispatcher, handler } = await inProgress();
    const resident = { token: await residentToken(appeal.phone) };
    await expectRefused(dispatcher, appeal.id, 'accept', {}, 409, 'INVALID_TRANSITION');
    await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: uuid() }, 409, 'INVALID_TRANSITION');
    await expectRefused(handler, appeal.id, 'sign', {}, 409, 'INVALID_TRANSITION');
    await expectRefused(resident, appeal.id, 'rate', { rating: 'satisfied' }, 409, 'INVALID_TRANSITION');
    const otherUnit = await buildUnit(ctx.pool);
    const otherHandler = await buildStaff(ctx, 'handler', otherUnit);
    const assigned = await buildAssignedAppeal(ctx, { cast: { dispatcher, handler: otherHandler, leadUnit: otherUnit } });
    await expectRefused(otherHandler, assigned.appeal.id, 'reply', validActionBody('reply'), 409, 'INVALID_TRANSITION');
    const closed = await buildClosedAppeal(ctx, { cast: { dispatcher } });
    await expectRefused(dispatcher, closed.appeal.id, 'close', { note: '再办结一次' }, 409, 'INVALID_TRANSITION');
  });

  it('a stale version (body or If-Match) → 409 VERSION_CONFLICT', async () => {
    const { appeal } = await inProgress();
    const supervisor = await buildStaff(ctx, 'supervisor');
    const res = await expectRefused(supervisor, appeal.id, 'urge', { message: '请加快', version: appeal.version - 1 }, 409, 'VERSION_CONFLICT');
    expect(res.body.error.details).toEqual({ expected: appeal.version - 1, actual: appeal.version });
    await expectRefused(supervisor, appeal.id, 'urge', { message: '请加快' }, 409, 'VERSION_CONFLICT', { headers: { 'if-match': `"${appeal.version + 1}"` } });
    // The current version passes.
    const ok = await call(app, 'POST', actionUrl(appeal.id, 'urge'), { token: supervisor.token, body: { message: '请加快', version: appeal.version } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.appeal.version).toBe(appeal.version + 1);
  });

  it('a co-unit handler may see but not sign → 403 FORBIDDEN', async () => {
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    const leadUnit = await buildUnit(ctx.pool);
    const coUnit = await buildUnit(ctx.pool);
    const coHandler = await buildStaff(ctx, 'handler', coUnit);
    const { appeal: accepted } = await buildAcceptedAppeal(ctx, { cast: { dispatcher, leadUnit } });
    await performTransition(ctx, dispatcher.principal, accepted.id, 'assign', { leadUnitId: leadUnit.id, coUnitIds: [coUnit.id] });
    expect((await call(app, 'GET', `/api/appeals/${accepted.id}`, { token: coHandler.token })).status).toBe(200);
    await expectRefused(coHandler, accepted.id, 'sign', {}, 403, 'FORBIDDEN');
    await expectRefused(coHandler, accepted.id, 'return', { reason: '不是我们的' }, 403, 'FORBIDDEN');
  });

  it('grant_extension or refuse_extension with no pending request is not allowed', async () => {
    const { appeal, dispatcher } = await inProgress();
    await expectRefused(dispatcher, appeal.id, 'grant_extension', {}, 403, 'FORBIDDEN');
    await expectRefused(dispatcher, appeal.id, 'refuse_extension', { note: '不同意' }, 403, 'FORBIDDEN');
  });

  it('a second extension request while one is pending is not allowed', async () => {
    const { appeal, handler } = await inProgress();
    const first = await call(app, 'POST', actionUrl(appeal.id, 'request_extension'), { token: handler.token, body: { days: 2, reason: '需要协调' } });
    expect(first.status).toBe(200);
    await expectRefused(handler, appeal.id, 'request_extension', { days: 3, reason: '再延一次' }, 403, 'FORBIDDEN');
  });

  it('merge into itself, into a later appeal, into a closed appeal or an unknown one → 400, both appeals unchanged', async () => {
    const operator = await buildStaff(ctx, 'operator');
    const closedTarget = await buildClosedAppeal(ctx, { cast: { operator } });
    const { appeal: source } = await buildAcceptedAppeal(ctx, { cast: { operator } });
    const { appeal: later } = await buildAcceptedAppeal(ctx, { cast: { operator } });
    expect(later.createdAt.getTime()).toBeGreaterThan(source.createdAt.getTime());

    const self = await expectRefused(operator, source.id, 'merge', { targetId: source.id }, 400, 'VALIDATION_FAILED');
    expect(self.body.error.message).toContain('targetId');
    const intoLater = await expectRefused(operator, source.id, 'merge', { targetId: later.id }, 400, 'VALIDATION_FAILED', { alsoUnchanged: [later.id] });
    expect(intoLater.body.error.message).toContain('targetId');
    const intoClosed = await expectRefused(operator, source.id, 'merge', { targetId: closedTarget.appeal.id }, 400, 'VALIDATION_FAILED', {
      alsoUnchanged: [closedTarget.appeal.id],
    });
    expect(intoClosed.body.error.message).toContain('targetId');
    const unknown = await expectRefused(operator, source.id, 'merge', { targetId: uuid() }, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.message).toContain('targetId');
  });

  it('assign with an unknown unit, or the lead also among the co-units → 400', async () => {
    const dispatcher = await buildStaff(ctx, 'dispatcher');
    const unit = await buildUnit(ctx.pool);
    const { appeal } = await buildAcceptedAppeal(ctx, { cast: { dispatcher } });
    const unknownLead = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: uuid() }, 400, 'VALIDATION_FAILED');
    expect(unknownLead.body.error.message).toContain('leadUnitId');
    const unknownCo = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [uuid()] }, 400, 'VALIDATION_FAILED');
    expect(unknownCo.body.error.message).toContain('coUnitIds');
    const leadAsCo = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [unit.id] }, 400, 'VALIDATION_FAILED');
    expect(leadAsCo.body.error.message).toContain('coUnitIds');
    const twice = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [(await buildUnit(ctx.pool)).id, (await buildUnit(ctx.pool)).id].flatMap((x) => [x, x]) }, 400, 'VALIDATION_FAILED');
    expect(twice.body.error.message).toContain('coUnitIds');
  });

  it('reply with someone else’s attachment → 400, the attachment stays unlinked', async () => {
    const { appeal, handler, leadUnit } = await inProgress();
    const colleague = await buildStaff(ctx, 'handler', leadUnit);
    const upload = await uploadPng(colleague.token);
    expect(upload.statusCode).toBe(201);
    const attachmentId: string = JSON.parse(upload.body).data.id;
    const res = await expectRefused(handler, appeal.id, 'reply', { ...validActionBody('reply'), attachmentIds: [attachmentId] }, 400, 'VALIDATION_FAILED');
    expect(res.body.error.message).toContain('attachmentIds');
    const row = await ctx.pool.query('select appeal_id, reply_id from attachments where id = $1', [attachmentId]);
    expect(row.rows[0]).toEqual({ appeal_id: null, reply_id: null });
  });

  it('rate by a resident with another phone → 404 (not theirs), unchanged', async () => {
    const { appeal } = await buildRepliedAppeal(ctx);
    const stranger = { token: await residentToken(randomPhone()) };
    await expectRefused(stranger, appeal.id, 'rate', { rating: 'unsatisfied' }, 404, 'NOT_FOUND');
  });
});

describe('submitting appeals', () => {
  it('a resident may not submit under a phone other than the verified one', async () => {
    const verified = randomPhone();
    const other = randomPhone();
    const res = await call(app, 'POST', '/api/appeals', { token: await residentToken(verified), body: { body: '小区门口路灯不亮已经一周了', phone: other } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('phone');
    const rows = await ctx.pool.query('select count(*)::int as n from appeals where phone = any($1)', [[verified, other]]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('a repeated channelRef returns the same appeal with 200 (idempotent import, one row)', async () => {
    const operator = await buildStaff(ctx, 'operator');
    const ref = `hotline-${uuid()}`;
    const body = { body: '来电反映：清河路井盖缺失，夜间行人易摔倒。', phone: randomPhone(), channel: 'hotline', channelRef: ref };
    const first = await call(app, 'POST', '/api/appeals', { token: operator.token, body });
    expect(first.status).toBe(201);
    expect(first.body.data.isNew).toBe(true);
    const before = await snapshotAppeal(ctx.pool, first.body.data.id);
    const again = await call(app, 'POST', '/api/appeals', { token: operator.token, body });
    expect(again.status).toBe(200);
    expect(again.body.data.isNew).toBe(false);
    expect(again.body.data.id).toBe(first.body.data.id);
    const rows = await ctx.pool.query('select count(*)::int as n from appeals where channel_ref = $1', [ref]);
    expect(rows.rows[0].n).toBe(1);
    expect(await snapshotAppeal(ctx.pool, first.body.data.id)).toBe(before);
  });

  it('anonymous callers get 401 on submit and list', async () => {
    const phone = randomPhone();
    expect((await call(app, 'POST', '/api/appeals', { body: { body: '小区门口路灯不亮已经一周了', phone } })).status).toBe(401);
    expect((await call(app, 'GET', '/api/appeals')).status).toBe(401);
    expect((await call(app, 'GET', `/api/appeals/${uuid()}`)).status).toBe(401);
    const rows = await ctx.pool.query('select count(*)::int as n from appeals where phone = $1', [phone]);
    expect(rows.rows[0].n).toBe(0);
  });
});

/** Uploads a 1×1 PNG as multipart/form-data built by hand. */
async function uploadPng(token: string) {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const boundary = `----minsheng${crypto.randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: '/api/attachments', payload, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
