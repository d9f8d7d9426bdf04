/** Helpers of the browser tests: Chromium, phone and desktop contexts, logins, SMS codes, API calls. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const env = {
  baseUrl: inject('e2eBaseUrl'),
  apiUrl: inject('e2eApiUrl'),
  skipReason: inject('e2eSkipReason'),
  serverLog: inject('e2eServerLog'),
  chromium: inject('e2eChromium'),
};

export const DEMO_PASSWORD = 'minsheng-demo';
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Debian's Chromium, headless, with nothing phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

/** A phone-sized context (390×844, touch) as residents use. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  });
}

/** A desktop context for staff. */
export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Logs a staff user in through the login page and waits for the workbench. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/w\//);
}

/** A new desktop page logged in as `username`. */
export async function staffPage(browser: Browser, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await desktopContext(browser);
  const page = await context.newPage();
  await loginAs(page, username);
  return { context, page };
}

/** The newest one-time code the server "sent" to `phone` (read from its log), waiting for it. */
export async function readOtp(phone: string, notBefore = 0, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = fs.readFileSync(env.serverLog, 'utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      if (!line || !line.includes(phone)) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; time?: number };
        const m = entry.msg?.match(new RegExp(`SMS to ${phone}: .*验证码是(\\d{6})`));
        if (m?.[1] && (entry.time ?? 0) >= notBefore) return m[1];
      } catch {
        // Not a JSON line (the startup banner).
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no one-time code for ${phone} in the server log`);
}

/** A random mobile number for one test (the OTP endpoint allows one code a minute per phone). */
export function randomPhone(prefix = '139'): string {
  return prefix + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
}

/** Writes `test-results/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  if (!fullPage || !viewport) {
    await page.screenshot({ path: file });
    return;
  }
  // Grow the viewport to the whole page first, so sticky and fixed bars sit where a reader scrolling
  // to them would see them (a plain full-page capture leaves them in the middle of the image).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
  await page.waitForTimeout(150);
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
}

/** CRC-32 as PNG chunks need it. */
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A small valid PNG (a 64×48 gradient), made in the test rather than shipped as a fixture. */
export function makePng(width = 64, height = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = 200;
      raw[row + 2 + x * 3] = Math.round((x / width) * 255);
      raw[row + 3 + x * 3] = Math.round((y / height) * 255);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

interface Envelope<T> {
  data: T;
  page?: { total: number };
  error?: { code: string; message: string };
}

/** The API as a staff member (bearer token), for arranging data and checking the database did not change. */
export class StaffApi {
  private constructor(private readonly token: string) {}

  /** Logs in with the demo password. */
  static async login(username: string): Promise<StaffApi> {
    const res = await fetch(`${env.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    const body = (await res.json()) as Envelope<{ token: string }>;
    if (!res.ok) throw new Error(`login ${username}: ${body.error?.message}`);
    return new StaffApi(body.data.token);
  }

  /** Any call; returns status and parsed body. */
  async call<T>(method: string, p: string, body?: unknown): Promise<{ status: number; body: Envelope<T> }> {
    const res = await fetch(`${env.apiUrl}${p}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<T> };
  }

  /** A call that must succeed. */
  async ok<T>(method: string, p: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, p, body);
    if (r.status >= 300) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data;
  }
}

export interface ApiAppeal {
  id: string;
  trackingCode: string;
  status: string;
  version: number;
  title: string;
}

/** An appeal entered on the hotline, accepted, and assigned to the unit with `unitCode`. */
export async function arrangeAssignedAppeal(unitCode: string, text: { title: string; body: string; phone?: string }): Promise<ApiAppeal> {
  const operator = await StaffApi.login('operator');
  const dispatcher = await StaffApi.login('dispatcher');
  const units = await dispatcher.ok<{ id: string; code: string }[]>('GET', '/api/units');
  const unit = units.find((u) => u.code === unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const created = await operator.ok<ApiAppeal>('POST', '/api/appeals', { title: text.title, body: text.body, phone: text.phone ?? randomPhone('137'), channel: 'hotline', mayPublish: true });
  const accepted = await operator.ok<{ appeal: ApiAppeal }>('POST', `/api/appeals/${created.id}/actions/accept`, { version: created.version });
  const assigned = await dispatcher.ok<{ appeal: ApiAppeal }>('POST', `/api/appeals/${created.id}/actions/assign`, { leadUnitId: unit.id, coUnitIds: [], version: accepted.appeal.version });
  return assigned.appeal;
}

/** An appeal entered on the hotline and accepted (waiting for 交办). */
export async function arrangeAcceptedAppeal(text: { title: string; body: string }): Promise<ApiAppeal> {
  const operator = await StaffApi.login('operator');
  const created = await operator.ok<ApiAppeal>('POST', '/api/appeals', { title: text.title, body: text.body, phone: randomPhone('137'), channel: 'hotline' });
  return (await operator.ok<{ appeal: ApiAppeal }>('POST', `/api/appeals/${created.id}/actions/accept`, { version: created.version })).appeal;
}

/** Picks a unit in an antd TreeSelect (labelled `label` inside `scope`) by typing part of its name. */
export async function pickUnit(scope: Locator, label: string, name: string): Promise<void> {
  const page = scope.page();
  const input = scope.getByLabel(label, { exact: true });
  const selected = scope.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) }).locator('.ant-select-selection-item', { hasText: name });
  // On a loaded machine a click can land while the dropdown is still animating in and not take;
  // a person would click again, and so does this (three tries, then the last error stands).
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(name);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper', { hasText: name }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    try {
      await expect.poll(() => selected.count(), { timeout: 5_000 }).toBeGreaterThan(0);
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
  // Close a multi-select's dropdown without Escape (which would also close the modal), and wait
  // until no dropdown is left, so the next pick cannot hit this one's options.
  await page.locator('.ant-modal-title:visible').first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}
