import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppealAction } from '../../shared/workflow';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { buildApp } from '../app';
import { openSession } from '../auth/session';
import { CalendarStore } from '../calendar/store';
import type { AppContext } from '../context';
import { createPool, type Pool } from '../db/pool';
import { outboxSmsSender } from '../sms/sender';
import { fileAttachmentStore } from '../storage/attachments';

let pool: Pool | undefined;
let attachmentsDir: string | undefined;

/** A context on the suite's migrated test database (one pool per test file). */
export function testContext(overrides: Partial<AppContext> = {}): AppContext {
  pool ??= createPool(inject('databaseUrl'), 5);
  return {
    pool,
    calendar: new CalendarStore(),
    sms: outboxSmsSender(() => undefined),
    attachments: fileAttachmentStore((attachmentsDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-att-')))),
    now: () => new Date(),
    secureCookies: false,
    ...overrides,
  };
}

/** The HTTP app over a test context. */
export async function testApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await buildApp(ctx);
  await app.ready();
  return app;
}

/** Sends a JSON request with an optional bearer token; returns status and parsed body. */
export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await app.inject({
    method,
    url,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}

/**
 * Every row that belongs to one appeal, across all tables it touches: compared before and after a
 * refused request to prove nothing was written.
 */
export async function snapshotAppeal(p: Pool, appealId: string): Promise<string> {
  const tables = ['appeals:id', 'appeal_events:appeal_id', 'appeal_units:appeal_id', 'replies:appeal_id', 'ratings:appeal_id', 'extensions:appeal_id', 'notifications:appeal_id', 'attachments:appeal_id'];
  const parts: string[] = [];
  for (const t of tables) {
    const [table, col] = t.split(':');
    const res = await p.query(`select coalesce(json_agg(x order by x::text), '[]')::text as j from ${table} x where ${col} = $1`, [appealId]);
    parts.push(`${table}=${res.rows[0].j}`);
  }
  const jobs = await p.query(`select count(*)::int as n from graphile_worker.jobs where key like '%' || $1`, [appealId]);
  parts.push(`jobs=${jobs.rows[0].n}`);
  return parts.join('\n');
}

/** Closes the test file's pool. */
export async function closeTestPool(): Promise<void> {
  await pool?.end();
  pool = undefined;
  if (attachmentsDir) fs.rmSync(attachmentsDir, { recursive: true, force: true });
  attachmentsDir = undefined;
}

/** A body that passes validation for each action (the command itself may still refuse it). */
export function validActionBody(action: AppealAction, unitId: string = crypto.randomUUID()): Record<string, unknown> {
  const bodies: Record<AppealAction, Record<string, unknown>> = {
    accept: {},
    reject: { reason: '不属于受理范围' },
    merge: { targetId: crypto.randomUUID() },
    assign: { leadUnitId: unitId },
    reassign: { leadUnitId: unitId },
    return: { reason: '非本单位职责' },
    sign: {},
    request_extension: { days: 2, reason: '需要协调' },
    grant_extension: {},
    refuse_extension: { note: '理由不充分' },
    reply: { resolution: 'resolved', body: '已安排人员现场处理完毕。' },
    approve_reply: {},
    reject_reply: { reason: '答复不完整' },
    rate: { rating: 'satisfied' },
    close: { note: '群众无法联系' },
    urge: { message: '请加快办理' },
    warn: { level: 'yellow', reason: '拖延' },
    escalate: { reason: '久拖不决' },
    instruct: { text: '请尽快解决' },
    summon: { unitIds: [unitId], note: '需要配合' },
    report: { note: '已到场' },
  };
  return bodies[action];
}

/**
 * Registers the usual lifecycle for an HTTP test file: a context and app before all tests, closed
 * after. Read `t.ctx` / `t.app` inside tests (they exist once beforeAll has run).
 */
export function useTestApp(overrides: Partial<AppContext> = {}): { readonly ctx: AppContext; readonly app: FastifyInstance } {
  let ctx: AppContext | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    ctx = testContext(overrides);
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await closeTestPool();
  });
  return {
    get ctx() {
      if (!ctx) throw new Error('useTestApp: read ctx inside a test');
      return ctx;
    },
    get app() {
      if (!app) throw new Error('useTestApp: read app inside a test');
      return app;
    },
  };
}

/** A resident session token for a phone, as if the one-time code had been verified. */
export async function residentSession(ctx: AppContext, phone: string): Promise<string> {
  return (await openSession(ctx, { residentPhone: phone })).token;
}

/** Asserts a 400 VALIDATION_FAILED whose message names the field. */
export function expectValidation(res: { status: number; body: { error?: { code?: string; message?: string } } }, field: string, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error?.code, what).toBe('VALIDATION_FAILED');
  expect(res.body.error?.message, what).toContain(field);
}
