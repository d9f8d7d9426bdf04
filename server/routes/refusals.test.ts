import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type AppealAction } from '../../shared/workflow';
import { buildAcceptedAppeal, buildAssignedAppeal, buildClosedAppeal, buildInProgressAppeal, buildRepliedAppeal } from '../factories/appeals';
import { buildStaff, buildUnit, randomPhone, type StaffFixture } from '../factories/people';
import { performTransition } from '../commands/transition';
import { call, expectValidation, residentSession, snapshotAppeal, useTestApp, validActionBody } from '../test/helpers';

const t = useTestApp();

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



/** An appeal in progress with a dispatcher, supervisor and leader who would all see it. */
async function inProgress() {
  const dispatcher = await buildStaff(t.ctx, 'dispatcher');
  const leadUnit = await buildUnit(t.ctx.pool);
  const handler = await buildStaff(t.ctx, 'handler', leadUnit);
  const { appeal } = await buildInProgressAppeal(t.ctx, { cast: { dispatcher, handler, leadUnit } });
  return { appeal, dispatcher, handler, leadUnit };
}

function actionUrl(id: string, action: string): string {
  return `/api/appeals/${id}/actions/${action}`;
}

describe('every action endpoint refuses bad bodies with 400 naming the field, writing nothing', () => {
  it.each(ACTIONS)('%s', async (action) => {
    const { appeal, dispatcher } = await inProgress();
    const before = await snapshotAppeal(t.ctx.pool, appeal.id);
    for (const [body, field] of badBodies(action)) {
      const res = await call(t.app, 'POST', actionUrl(appeal.id, action), { token: dispatcher.token, body });
      expectValidation(res, field, `${action} ${JSON.stringify(body).slice(0, 120)}`);
    }
    // A path id that is not a uuid.
    const badId = await call(t.app, 'POST', actionUrl('not-a-uuid', action), { token: dispatcher.token, body: validActionBody(action) });
    expectValidation(badId, 'id', `${action} with a bad path id`);
    // A non-numeric If-Match.
    const badIfMatch = await call(t.app, 'POST', actionUrl(appeal.id, action), { token: dispatcher.token, body: validActionBody(action), headers: { 'if-match': 'soon' } });
    expectValidation(badIfMatch, 'if-match', `${action} with a bad If-Match`);
    expect(await snapshotAppeal(t.ctx.pool, appeal.id)).toBe(before);
  });
});

describe('every action endpoint refuses anonymous callers with 401', () => {
  it.each(ACTIONS)('%s', async (action) => {
    const { appeal } = await inProgress();
    const before = await snapshotAppeal(t.ctx.pool, appeal.id);
    const res = await call(t.app, 'POST', actionUrl(appeal.id, action), { body: validActionBody(action) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await call(t.app, 'POST', actionUrl(appeal.id, action), { token: 'forged-token', body: validActionBody(action) });
    expect(forged.status).toBe(401);
    expect(await snapshotAppeal(t.ctx.pool, appeal.id)).toBe(before);
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
    const before = await Promise.all(ids.map((x) => snapshotAppeal(t.ctx.pool, x)));
    const res = await call(t.app, 'POST', actionUrl(id, action), { token: who.token, body, ...(extra.headers ? { headers: extra.headers } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await Promise.all(ids.map((x) => snapshotAppeal(t.ctx.pool, x)))).toEqual(before);
    return res;
  }

  it('an action in the wrong state → 409 INVALID_TRANSITION', async () => {
    const { appeal, dispatcher, handler } = await inProgress();
    const resident = { token: await residentSession(t.ctx, appeal.phone) };
    await expectRefused(dispatcher, appeal.id, 'accept', {}, 409, 'INVALID_TRANSITION');
    await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: uuid() }, 409, 'INVALID_TRANSITION');
    await expectRefused(handler, appeal.id, 'sign', {}, 409, 'INVALID_TRANSITION');
    await expectRefused(resident, appeal.id, 'rate', { rating: 'satisfied' }, 409, 'INVALID_TRANSITION');
    const otherUnit = await buildUnit(t.ctx.pool);
    const otherHandler = await buildStaff(t.ctx, 'handler', otherUnit);
    const assigned = await buildAssignedAppeal(t.ctx, { cast: { dispatcher, handler: otherHandler, leadUnit: otherUnit } });
    await expectRefused(otherHandler, assigned.appeal.id, 'reply', validActionBody('reply'), 409, 'INVALID_TRANSITION');
    const closed = await buildClosedAppeal(t.ctx, { cast: { dispatcher } });
    await expectRefused(dispatcher, closed.appeal.id, 'close', { note: '再办结一次' }, 409, 'INVALID_TRANSITION');
  });

  it('a stale version (body or If-Match) → 409 VERSION_CONFLICT', async () => {
    const { appeal } = await inProgress();
    const supervisor = await buildStaff(t.ctx, 'supervisor');
    const res = await expectRefused(supervisor, appeal.id, 'urge', { message: '请加快', version: appeal.version - 1 }, 409, 'VERSION_CONFLICT');
    expect(res.body.error.details).toEqual({ expected: appeal.version - 1, actual: appeal.version });
    await expectRefused(supervisor, appeal.id, 'urge', { message: '请加快' }, 409, 'VERSION_CONFLICT', { headers: { 'if-match': `"${appeal.version + 1}"` } });
    // The current version passes.
    const ok = await call(t.app, 'POST', actionUrl(appeal.id, 'urge'), { token: supervisor.token, body: { message: '请加快', version: appeal.version } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.appeal.version).toBe(appeal.version + 1);
  });

  it('a co-unit handler may see but not sign → 403 FORBIDDEN', async () => {
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const leadUnit = await buildUnit(t.ctx.pool);
    const coUnit = await buildUnit(t.ctx.pool);
    const coHandler = await buildStaff(t.ctx, 'handler', coUnit);
    const { appeal: accepted } = await buildAcceptedAppeal(t.ctx, { cast: { dispatcher, leadUnit } });
    await performTransition(t.ctx, dispatcher.principal, accepted.id, 'assign', { leadUnitId: leadUnit.id, coUnitIds: [coUnit.id] });
    expect((await call(t.app, 'GET', `/api/appeals/${accepted.id}`, { token: coHandler.token })).status).toBe(200);
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
    const first = await call(t.app, 'POST', actionUrl(appeal.id, 'request_extension'), { token: handler.token, body: { days: 2, reason: '需要协调' } });
    expect(first.status).toBe(200);
    await expectRefused(handler, appeal.id, 'request_extension', { days: 3, reason: '再延一次' }, 403, 'FORBIDDEN');
  });

  it('merge into itself, into a later appeal, into a closed appeal or an unknown one → 400, both appeals unchanged', async () => {
    const operator = await buildStaff(t.ctx, 'operator');
    const closedTarget = await buildClosedAppeal(t.ctx, { cast: { operator } });
    const { appeal: source } = await buildAcceptedAppeal(t.ctx, { cast: { operator } });
    const { appeal: later } = await buildAcceptedAppeal(t.ctx, { cast: { operator } });
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
    const dispatcher = await buildStaff(t.ctx, 'dispatcher');
    const unit = await buildUnit(t.ctx.pool);
    const { appeal } = await buildAcceptedAppeal(t.ctx, { cast: { dispatcher } });
    const unknownLead = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: uuid() }, 400, 'VALIDATION_FAILED');
    expect(unknownLead.body.error.message).toContain('leadUnitId');
    const unknownCo = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [uuid()] }, 400, 'VALIDATION_FAILED');
    expect(unknownCo.body.error.message).toContain('coUnitIds');
    const leadAsCo = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [unit.id] }, 400, 'VALIDATION_FAILED');
    expect(leadAsCo.body.error.message).toContain('coUnitIds');
    const twice = await expectRefused(dispatcher, appeal.id, 'assign', { leadUnitId: unit.id, coUnitIds: [(await buildUnit(t.ctx.pool)).id, (await buildUnit(t.ctx.pool)).id].flatMap((x) => [x, x]) }, 400, 'VALIDATION_FAILED');
    expect(twice.body.error.message).toContain('coUnitIds');
  });

  it('reply with someone else’s attachment → 400, the attachment stays unlinked', async () => {
    const { appeal, handler, leadUnit } = await inProgress();
    const colleague = await buildStaff(t.ctx, 'handler', leadUnit);
    const upload = await uploadPng(colleague.token);
    expect(upload.statusCode).toBe(201);
    const attachmentId: string = JSON.parse(upload.body).data.id;
    const res = await expectRefused(handler, appeal.id, 'reply', { ...validActionBody('reply'), attachmentIds: [attachmentId] }, 400, 'VALIDATION_FAILED');
    expect(res.body.error.message).toContain('attachmentIds');
    const row = await t.ctx.pool.query('select appeal_id, reply_id from attachments where id = $1', [attachmentId]);
    expect(row.rows[0]).toEqual({ appeal_id: null, reply_id: null });
  });

  it('rate by a resident with another phone → 404 (not theirs), unchanged', async () => {
    const { appeal } = await buildRepliedAppeal(t.ctx);
    const stranger = { token: await residentSession(t.ctx, randomPhone()) };
    await expectRefused(stranger, appeal.id, 'rate', { rating: 'unsatisfied' }, 404, 'NOT_FOUND');
  });
});

describe('submitting appeals', () => {
  it('a resident may not submit under a phone other than the verified one', async () => {
    const verified = randomPhone();
    const other = randomPhone();
    const res = await call(t.app, 'POST', '/api/appeals', { token: await residentSession(t.ctx, verified), body: { body: '小区门口路灯不亮已经一周了', phone: other } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('phone');
    const rows = await t.ctx.pool.query('select count(*)::int as n from appeals where phone = any($1)', [[verified, other]]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('a repeated channelRef returns the same appeal with 200 (idempotent import, one row)', async () => {
    const operator = await buildStaff(t.ctx, 'operator');
    const ref = `hotline-${uuid()}`;
    const body = { body: '来电反映：清河路井盖缺失，夜间行人易摔倒。', phone: randomPhone(), channel: 'hotline', channelRef: ref };
    const first = await call(t.app, 'POST', '/api/appeals', { token: operator.token, body });
    expect(first.status).toBe(201);
    expect(first.body.data.isNew).toBe(true);
    const before = await snapshotAppeal(t.ctx.pool, first.body.data.id);
    const again = await call(t.app, 'POST', '/api/appeals', { token: operator.token, body });
    expect(again.status).toBe(200);
    expect(again.body.data.isNew).toBe(false);
    expect(again.body.data.id).toBe(first.body.data.id);
    const rows = await t.ctx.pool.query('select count(*)::int as n from appeals where channel_ref = $1', [ref]);
    expect(rows.rows[0].n).toBe(1);
    expect(await snapshotAppeal(t.ctx.pool, first.body.data.id)).toBe(before);
  });

  it('anonymous callers get 401 on submit and list', async () => {
    const phone = randomPhone();
    expect((await call(t.app, 'POST', '/api/appeals', { body: { body: '小区门口路灯不亮已经一周了', phone } })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/appeals')).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/appeals/${uuid()}`)).status).toBe(401);
    const rows = await t.ctx.pool.query('select count(*)::int as n from appeals where phone = $1', [phone]);
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
  return t.app.inject({ method: 'POST', url: '/api/attachments', payload, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
