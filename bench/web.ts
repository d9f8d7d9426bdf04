// Web UI bench: the real server (demo city, embedded database) and Debian's Chromium, timing what a
// dispatcher and a resident wait for — workbench list cold/warm, list → detail, menu → list, the
// resident H5 submit page on a phone — and the JavaScript each area downloads (the bundle split).
// Prints a table (median and p95 per measure, ms), then ends with one line of JSON for dashboards.
// Run: npx tsx bench/web.ts   (N=10 repetitions; about a minute with a fresh web/dist)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
// The e2e global setup builds web/dist when stale and starts `minsheng serve --demo` on a fresh data
// dir; it imports vitest only as types, so it runs here with a stand-in for vitest's `provide`.
import startE2eServer, { CHROMIUM_PATH } from '../e2e/global-setup';

const N = 10;
const STEP_TIMEOUT_MS = 20_000;
const BUDGET_MS = 150_000;
const GOAL = { interactiveMs: 1000 };
const USERNAME = 'dispatcher';
const PASSWORD = 'minsheng-demo';
// As e2e/support.ts's launchBrowser (which cannot be imported here: it calls vitest's inject at load).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

const log = (s = ''): void => void process.stdout.write(`${s}\n`);

// ---- in-page probes (strings, so this file needs no DOM typings) --------------------------------

/** An expression: `performance.now()` once `selector` is visible (and `also` holds), else 0. */
function visibleAt(selector: string, also = 'true'): string {
  return `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el || !(${also})) return 0;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' ? performance.now() : 0;
  })()`;
}

/** Remembers when the next click reaches the document (the event's own timestamp). */
const ARM_CLICK = `window.__benchClickAt = 0;
  document.addEventListener('click', (e) => { window.__benchClickAt = e.timeStamp; }, { capture: true, once: true });`;

/** An expression: ms from the armed click until `selector` is visible (and `also` holds), else 0. */
function sinceClickUntilVisible(selector: string, also = 'true'): string {
  return `(() => { const t = ${visibleAt(selector, also)}; return t && window.__benchClickAt ? Math.max(t - window.__benchClickAt, 0.001) : 0; })()`;
}

async function pageNumber(page: Page, expression: string): Promise<number> {
  const handle = await page.waitForFunction(expression, undefined, { polling: 'raf', timeout: STEP_TIMEOUT_MS });
  const value = (await handle.jsonValue()) as number;
  await handle.dispose();
  return value;
}

// ---- measures ---------------------------------------------------------------------------------

const LIST_ROW = '.ant-table-row';
const ON_LIST = `location.pathname === '/w/appeals'`;
const APPEAL_STATUS = '[data-testid="appeal-status"]';
const RESIDENT_SUBMIT = 'form button[type="submit"]';

interface ScriptBytes {
  files: string[];
  transferred: number;
  gzip: number;
}

/** Collects the scripts a page fetches (sizes as transferred; gzip as a what-if, the server sends none). */
function watchScripts(page: Page): () => Promise<ScriptBytes> {
  const pending: Promise<{ file: string; transferred: number; gzip: number }>[] = [];
  const onFinished = (req: Request) => {
    if (req.resourceType() !== 'script') return;
    const script = (async () => {
      const sizes = await req.sizes();
      const body = (await (await req.response())?.body()) ?? Buffer.alloc(0);
      return { file: new URL(req.url()).pathname, transferred: sizes.responseHeadersSize + sizes.responseBodySize, gzip: zlib.gzipSync(body).length };
    })();
    script.catch(() => undefined); // rejected when the page closes early; reported when collected
    pending.push(script);
  };
  page.on('requestfinished', onFinished);
  return async () => {
    page.off('requestfinished', onFinished);
    const all = await Promise.all(pending);
    return { files: all.map((s) => s.file).sort(), transferred: all.reduce((n, s) => n + s.transferred, 0), gzip: all.reduce((n, s) => n + s.gzip, 0) };
  };
}

/** Milestones of a load, from the page's resource timings: when the session check and the list query went out. */
interface Waterfall {
  meAt: number;
  appealsAt: number;
  appealsDoneAt: number;
}
const WATERFALL = `(() => {
  const find = (p) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === p);
  const me = find('/api/auth/me'), appeals = find('/api/appeals');
  return { meAt: me ? me.startTime : NaN, appealsAt: appeals ? appeals.startTime : NaN, appealsDoneAt: appeals ? appeals.responseEnd : NaN };
})()`;

/**
 * Opens `url` in a new page of `context` and returns ms from navigation start until `selector` is
 * visible. The first load (`cold`) runs with the HTTP cache disabled and also reports its scripts.
 */
async function timeLoad(context: BrowserContext, url: string, selector: string, cold: boolean): Promise<{ ms: number; waterfall: Waterfall; scripts?: ScriptBytes }> {
  const page = await context.newPage();
  try {
    if (cold) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const scripts = cold ? watchScripts(page) : undefined;
    await page.goto(url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
    const ms = await pageNumber(page, visibleAt(selector));
    const waterfall = (await page.evaluate(WATERFALL)) as Waterfall;
    if (!scripts) return { ms, waterfall };
    await page.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
    return { ms, waterfall, scripts: await scripts() };
  } finally {
    await page.close();
  }
}

/** Clicks `target` and returns ms from the click until `selector` is visible (and `also` holds). */
async function timeClick(page: Page, target: ReturnType<Page['locator']>, selector: string, also?: string): Promise<number> {
  await target.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.evaluate(ARM_CLICK);
  await target.click({ timeout: STEP_TIMEOUT_MS });
  return pageNumber(page, sinceClickUntilVisible(selector, also));
}

// ---- statistics and output --------------------------------------------------------------------

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN; // nearest rank
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const round = (x: number) => Math.round(x);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Columns a string takes in a terminal (CJK characters take two). */
const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

function table(rows: { name: string; xs: number[] }[]): void {
  const head = ['measure', 'n', 'median', 'p95', 'min', 'max', 'first'];
  const body = rows.map((r) => [r.name, String(r.xs.length), ...[median(r.xs), quantile(r.xs, 0.95), Math.min(...r.xs), Math.max(...r.xs), r.xs[0] ?? NaN].map((x) => String(round(x)))]);
  const widths = head.map((h, i) => Math.max(columns(h), ...body.map((b) => columns(b[i] ?? ''))));
  const pad = (c: string, w: number, left: boolean) => (left ? c + ' '.repeat(w - columns(c)) : ' '.repeat(w - columns(c)) + c);
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0, i === 0)).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) log(line(b));
}

// ---- lifecycle: everything started is stopped and removed on every exit path -------------------
//
// The measuring runs in a child process (the "worker") that this script starts and waits for. Under
// `npx tsx`, a Ctrl-C reaches the script several times (from the terminal, npm and tsx's relay), and
// tsx's CLI SIGKILLs its child when a relayed signal is not acknowledged within 30 ms — too soon to
// close a browser and stop a database (and Playwright's own SIGINT handler would exit(130) first). The worker runs in its own process group, so only this
// process signals it, and it cleans up as well when this process disappears (its IPC channel closes).

const WORKER_ENV = 'MINSHENG_BENCH_WEB_WORKER';
const SIGNALS = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const;

/** All temporary files (the server's data dir included) live in here, removed at the end. */
let scratch: string | undefined;
let serverStarted: Promise<(() => Promise<void>) | void> | undefined;
let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;
let stopping = false;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch((e: unknown) => log(`closing Chromium: ${String(e)}`));
    const stopServer = await serverStarted?.catch(() => undefined); // a failed start stops its own server
    await stopServer?.().catch((e: unknown) => log(`stopping the server: ${String(e)}`));
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  })();
  return cleaning;
}

/** Stops early (signal, lost parent, over budget): cleans up, then exits with `code`. */
function stop(reason: string, code: number): void {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\nbench:web: ${reason}; stopping the browser and the server\n`);
  void cleanup().finally(() => process.exit(code));
}

async function startServer(tmp: string): Promise<{ baseUrl: string; dataDir: string }> {
  const provided: Record<string, string> = {};
  const project = { provide: (key: string, value: string) => void (provided[key] = value) } as unknown as Parameters<typeof startE2eServer>[0];
  // The setup makes its data dir with mkdtemp(os.tmpdir()) before its first await: point TMPDIR at
  // `tmp` for that synchronous part only (the server itself keeps the caller's TMPDIR).
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    serverStarted = startE2eServer(project);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  if (!(await serverStarted)) throw new Error(`the e2e setup did not start the server: ${provided.e2eSkipReason || 'no reason given'}`);
  const baseUrl = provided.e2eBaseUrl;
  if (!baseUrl) throw new Error('the e2e setup provided no base URL');
  return { baseUrl, dataDir: path.dirname(provided.e2eServerLog ?? '') };
}

async function main(tmp: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium fonts-noto-cjk, or set MINSHENG_CHROMIUM_PATH)`);
  }
  let t = performance.now();
  const { baseUrl, dataDir } = await startServer(tmp);
  log(`server up at ${baseUrl} in ${((performance.now() - t) / 1000).toFixed(1)} s (data ${dataDir})`);

  t = performance.now();
  // Playwright's own signal handlers would exit the process (130) before our cleanup has run.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  log(`Chromium ${browser.version()} launched in ${round(performance.now() - t)} ms`);

  // Staff: one desktop context, logged in through the API (the session cookie lands in the context).
  const staff = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const login = await staff.request.post('/api/auth/login', { data: { username: USERNAME, password: PASSWORD } });
  if (!login.ok()) throw new Error(`login as ${USERNAME}: HTTP ${login.status()} ${await login.text()}`);
  // Warm the server (first queries, JIT) without touching the browser's cache, so "cold" is the browser's.
  for (const p of ['/api/auth/me', '/api/queues', '/api/appeals', '/api/appeals']) await staff.request.get(p);

  // (a) the workbench list: cold (cache disabled) once, then warm, a new page each time.
  const wbCold = await timeLoad(staff, '/w/appeals', LIST_ROW, true);
  const wbWarm: number[] = [];
  const wbWaterfalls: Waterfall[] = [];
  for (let i = 0; i < N; i++) {
    const { ms, waterfall } = await timeLoad(staff, '/w/appeals', LIST_ROW, false);
    wbWarm.push(ms);
    wbWaterfalls.push(waterfall);
  }

  // (b) list → detail and (c) menu → list, in-app, alternating over the rows of the first page.
  const listToDetail: number[] = [];
  const menuToList: number[] = [];
  const page = await staff.newPage();
  await page.goto('/w/appeals');
  await page.locator(LIST_ROW).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const rows = await page.locator(LIST_ROW).count();
  const menuLink = page.locator('nav[aria-label="工作台菜单"] a[href="/w/appeals"]');
  for (let i = 0; i < N; i++) {
    const link = page.locator(LIST_ROW).nth(i % rows).locator('a[href^="/w/appeals/"]').first();
    listToDetail.push(await timeClick(page, link, APPEAL_STATUS));
    menuToList.push(await timeClick(page, menuLink, LIST_ROW, ON_LIST));
  }
  await page.close();
  await staff.close();

  // (d) the resident H5 submit page on a phone: cold once, then warm.
  const phone = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  });
  const resCold = await timeLoad(phone, '/m', RESIDENT_SUBMIT, true);
  const resWarm: number[] = [];
  for (let i = 0; i < N; i++) resWarm.push((await timeLoad(phone, '/m', RESIDENT_SUBMIT, false)).ms);
  await phone.close();

  const wbJs = wbCold.scripts ?? { files: [], transferred: 0, gzip: 0 };
  const resJs = resCold.scripts ?? { files: [], transferred: 0, gzip: 0 };
  log('');
  log(`Web UI, ms (navigation start or click → element visible; N=${N}, p95 by nearest rank; goal ${GOAL.interactiveMs} ms)`);
  table([
    { name: 'workbench /w/appeals, cold (cache disabled)', xs: [wbCold.ms] },
    { name: 'workbench /w/appeals, warm (new page)', xs: wbWarm },
    { name: 'list → appeal detail (in-app)', xs: listToDetail },
    { name: 'menu 全部诉求 → list (in-app)', xs: menuToList },
    { name: 'resident /m on 390×844, cold', xs: [resCold.ms] },
    { name: 'resident /m on 390×844, warm (new page)', xs: resWarm },
  ]);
  const at = (k: keyof Waterfall) => round(median(wbWaterfalls.map((w) => w[k])));
  log(`  warm workbench load, medians: /api/auth/me sent at ${at('meAt')} ms, /api/appeals sent at ${at('appealsAt')} ms and answered at ${at('appealsDoneAt')} ms, first row visible at ${round(median(wbWarm))} ms`);
  log('');
  log('JavaScript fetched on a cold load (as transferred; the server does not compress — gzip for reference):');
  log(`  workbench /w/appeals: ${wbJs.files.length} scripts, ${kb(wbJs.transferred)} KB (gzip ${kb(wbJs.gzip)} KB)`);
  log(`  resident  /m        : ${resJs.files.length} scripts, ${kb(resJs.transferred)} KB (gzip ${kb(resJs.gzip)} KB): ${resJs.files.map((f) => path.basename(f)).join(', ')}`);
  const shared = resJs.files.filter((f) => wbJs.files.includes(f)).length;
  log(`  scripts shared by both: ${shared}; only the workbench: ${wbJs.files.length - shared}`);
  log('');
  log(
    JSON.stringify({
      bench: 'web',
      n: N,
      workbenchColdMs: round(wbCold.ms),
      workbenchWarmMedianMs: round(median(wbWarm)),
      workbenchWarmP95Ms: round(quantile(wbWarm, 0.95)),
      listToDetailMedianMs: round(median(listToDetail)),
      listToDetailP95Ms: round(quantile(listToDetail, 0.95)),
      menuToListMedianMs: round(median(menuToList)),
      menuToListP95Ms: round(quantile(menuToList, 0.95)),
      residentColdMs: round(resCold.ms),
      residentLoadMedianMs: round(median(resWarm)),
      residentLoadP95Ms: round(quantile(resWarm, 0.95)),
      residentJsKB: kb(resJs.transferred),
      workbenchJsKB: kb(wbJs.transferred),
      residentJsGzipKB: kb(resJs.gzip),
      workbenchJsGzipKB: kb(wbJs.gzip),
      goal: GOAL,
    }),
  );
}

async function runWorker(): Promise<void> {
  for (const [signal, code] of SIGNALS) process.on(signal, () => stop(signal, code));
  process.on('disconnect', () => stop('the parent process is gone', 1));
  process.on('uncaughtException', (e) => stop(`unexpected error: ${e.message}`, 1));
  process.on('unhandledRejection', (e) => stop(`unexpected error: ${e instanceof Error ? e.message : String(e)}`, 1));
  const watchdog = setTimeout(() => stop(`over the ${BUDGET_MS / 1000} s budget`, 1), BUDGET_MS);
  let exitCode = 0;
  try {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-web-'));
    // Embedded Postgres runs as an unprivileged user when we are root: it must be able to traverse this.
    fs.chmodSync(scratch, 0o755);
    await main(scratch);
  } catch (e) {
    exitCode = 1;
    if (!stopping) process.stderr.write(`bench:web failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  if (stopping) return; // stop() exits once it has cleaned up
  await cleanup();
  clearTimeout(watchdog);
  process.exit(exitCode);
}

/** Runs this file again as the worker (same Node flags, so tsx's loader too) and exits as it does. */
async function supervise(): Promise<void> {
  const worker = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [WORKER_ENV]: '1' },
  });
  for (const [signal] of SIGNALS) process.on(signal, () => void worker.kill(signal));
  const code = await new Promise<number>((resolve) => {
    worker.once('error', (e) => {
      process.stderr.write(`bench:web: cannot start the worker: ${e.message}\n`);
      resolve(1);
    });
    worker.once('exit', (c, signal) => resolve(c ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
  process.exit(code);
}

await (process.env[WORKER_ENV] === '1' ? runWorker() : supervise());
