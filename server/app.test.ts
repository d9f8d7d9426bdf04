import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, isCompressible } from './app';
import { closeTestPool, testContext } from './test/helpers';

// A stand-in for web/dist: an index page and one hashed asset with the .br/.gz siblings the build writes.
const ASSET = 'assets/app-Ab12Cd34.js';
const ASSET_TEXT = `export const words = ${JSON.stringify('民声'.repeat(800))};\n`;
let webDist: string;
let app: FastifyInstance;

/** A response's body as text, decoded as its Content-Encoding says. */
function bodyText(res: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(res.rawPayload).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(res.rawPayload).toString();
  return res.rawPayload.toString();
}

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-webdist-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(webDist, ASSET), ASSET_TEXT);
  fs.writeFileSync(path.join(webDist, `${ASSET}.br`), zlib.brotliCompressSync(ASSET_TEXT));
  fs.writeFileSync(path.join(webDist, `${ASSET}.gz`), zlib.gzipSync(ASSET_TEXT));
  app = await buildApp(testContext(), { webDist });
  // What a live stream (the duty console's alerts) looks like: event-stream, sent as a stream.
  app.get('/api/test/stream', async (_req, reply) => {
    reply.type('text/event-stream');
    return reply.send(Readable.from([`data: ${'x'.repeat(4096)}\n\n`]));
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await closeTestPool();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('response compression', () => {
  it('compresses JSON over 1 KB as the client accepts, and nothing for clients that accept none', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/categories' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await app.inject({ method: 'GET', url: '/api/categories', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);

    const gz = await app.inject({ method: 'GET', url: '/api/categories', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });

  it('leaves small answers and error envelopes as they are', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toEqual({ status: 'ok' });
    const missing = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('never compresses a Server-Sent Events stream', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/stream', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(`data: ${'x'.repeat(4096)}\n\n`);
  });

  it('knows which content types are worth compressing', () => {
    for (const type of ['application/json; charset=utf-8', 'text/html', 'text/javascript; charset=utf-8', 'application/javascript', 'image/svg+xml', 'application/problem+json', 'text/csv']) {
      expect(isCompressible(type), type).toBe(true);
    }
    for (const type of ['text/event-stream', 'Text/Event-Stream; charset=utf-8', 'image/jpeg', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '']) {
      expect(isCompressible(type), type).toBe(false);
    }
  });
});

describe('the web UI', () => {
  it('serves hashed assets precompressed and cached for good', async () => {
    const br = await app.inject({ method: 'GET', url: `/${ASSET}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(ASSET_TEXT);

    const gz = await app.inject({ method: 'GET', url: `/${ASSET}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(ASSET_TEXT);

    const plain = await app.inject({ method: 'GET', url: `/${ASSET}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET_TEXT);
  });

  it('answers page URLs with index.html, revalidated on every load', async () => {
    for (const url of ['/', '/w/appeals', '/m/submit']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(bodyText(res), url).toContain('id="root"');
    }
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone-00000000.js' });
    expect(missingAsset.statusCode).toBe(404);
  });

  it('serves pages without a session lookup, even with a stale session cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/w/appeals', cookies: { ms_session: 'no-such-session' } });
    expect(res.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { ms_session: 'no-such-session' } });
    expect(me.statusCode).toBe(401);
  });
});
