// Web UI bench: the real server (demo city, embedded database) and Debian's Chromium, timing full loads
// of the workbench list and of an appeal page (cold cache and warm), list → detail and menu → list
// in-app, the resident H5 on a phone and the public echo wall, and the JavaScript each area downloads.
// "Interactive" is when a click on the content, sent the moment it shows up, would be handled — and
// the click must work (a row opens its appeal; an action button opens its form).
// Prints a table (median and p95 per measure, ms), then one line of JSON. Run: npx tsx bench/web.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
// The e2e global setup builds web/dist when stale and starts `minsheng serve --demo` on a fresh data
// dir; it imports vitest only as types, so it runs here with a stand-in for vitest's `provide`.
import startE2eServer, { CHROMIUM_PATH } from '../e2e/global-setup';

const [N, N_COLD, STEP_TIMEOUT_MS, BUDGET_MS] = [10, 5, 20_000, 300_000];
const GOAL = { interactiveMs: 1000 };
const [USERNAME, PASSWORD] = ['dispatcher', 'minsheng-demo'];
// As e2e/support.ts's launchBrowser (which cannot be imported here: it calls vitest's inject at load).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

const log = (s = ''): void => void process.stdout.write(`${s}\n`);

// ---- in-page probes (strings, so this file needs no DOM typings) --------------------------------

/** An expression: `performance.now()` once `selector` is visible (and `also` holds), else 0. */
const visibleAt = (selector: string, also = 'true') => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  const r = el && (${also}) ? el.getBoundingClientRect() : { width: 0, height: 0 };
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' ? performance.now() : 0;
})()`;

/**
 * For a load, run by the page itself from its first moment: the promise `__benchShown` of when
 * `selector` showed up (checked every frame) and where the first of `targets` is — Playwright's own
 * polling would first inject its ~0.3 MB helper script into the loading page (tens of ms of its time).
 */
const watchShown = (selector: string, targets: string) => `window.__benchShown = new Promise((resolve) => {
  const check = () => {
    const at = ${visibleAt(selector)}, target = at && document.querySelector(${JSON.stringify(targets)});
    const r = target ? target.getBoundingClientRect() : { width: 0 };
    if (r.width > 0) resolve({ at, x: r.x + r.width / 2, y: r.y + r.height / 2 }); else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
});`;

/** Evaluates `expression` (awaiting a promise) through CDP: nothing injected into the page. */
async function inPage<T>(cdp: CDPSession, expression: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${expression}`)), STEP_TIMEOUT_MS).unref());
  return ((await Promise.race([cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }), timeout])) as { result: { value: T } }).result.value;
}

/** For a load: the page's long tasks (≥ 50 ms: a click meanwhile waits for them) from the start. */
const WATCH_LONG_TASKS = `window.__benchLongTasks = [];
  window.__benchAddLong = (es) => { for (const e of es) window.__benchLongTasks.push([e.startTime, e.startTime + e.duration]); };
  window.__benchLongObserver = new PerformanceObserver((l) => window.__benchAddLong(l.getEntries()));
  window.__benchLongObserver.observe({ type: 'longtask' });`;
/** An expression: the long tasks so far, including those the observer has not delivered yet. */
const LONG_TASKS = '(window.__benchAddLong(window.__benchLongObserver.takeRecords()), window.__benchLongTasks)';

/** Remembers when the next click was sent (the event's own timestamp) and when the page got to handle it. */
const ARM_CLICK = `window.__benchClick = null;
  document.addEventListener('click', (e) => { window.__benchClick = { sentAt: e.timeStamp, handledAt: performance.now() }; }, { capture: true, once: true });`;

/** An expression: ms from sending the armed click until `selector` is visible (and `also` holds), else 0. */
const sinceClickUntilVisible = (selector: string, also = 'true') =>
  `(() => { const t = ${visibleAt(selector, also)}; return t && window.__benchClick ? Math.max(t - window.__benchClick.sentAt, 0.001) : 0; })()`;

/** Polls `expression` every frame until truthy (Playwright's helper, for pages that have loaded); its value. */
async function pageNumber(page: Page, expression: string): Promise<number> {
  const handle = await page.waitForFunction(expression, undefined, { polling: 'raf', timeout: STEP_TIMEOUT_MS });
  return handle.jsonValue().finally(() => handle.dispose()) as Promise<number>;
}

// ---- measures ---------------------------------------------------------------------------------

const [LIST_ROW, APPEAL_STATUS, RESIDENT_SUBMIT, WALL_ITEM] = ['.ant-table-row', '[data-testid="appeal-status"]', 'form button[type="submit"]', '[data-testid="wall-item"]'];
const ON_LIST = `location.pathname === '/w/appeals'`;

/** What a full load waits for (`visible`), what it then clicks (the first of `targets`) and what shows that the click worked. */
type Screen = { url: string; visible: string; click?: { targets: string; worked: string; what: string } };
const LIST_SCREEN: Screen = {
  url: '/w/appeals',
  visible: LIST_ROW,
  click: { targets: `${LIST_ROW} a[href^="/w/appeals/"]`, worked: visibleAt(APPEAL_STATUS, `location.pathname.startsWith('/w/appeals/')`), what: 'the first row opens its appeal' },
};
/** The appeal page: its first action button opens the action's form (or, with none, the breadcrumb goes back to the list). */
const appealScreen = (id: string): Screen => ({
  url: `/w/appeals/${id}`,
  visible: APPEAL_STATUS,
  click: { targets: '[data-testid="action-bar"] button, .ant-breadcrumb a[href="/w/appeals"]', worked: `(${visibleAt('.ant-modal-content')}) || (${visibleAt(LIST_ROW, ON_LIST)})`, what: 'an action button opens its form' },
});

type ScriptBytes = { files: string[]; transferred: number; decoded: number };

/** Collects the scripts a page fetches (bytes as transferred, compressed, and as decoded). */
function watchScripts(page: Page): () => Promise<ScriptBytes> {
  const pending: Promise<{ file: string; transferred: number; decoded: number }>[] = [];
  const onFinished = (req: Request) => {
    if (req.resourceType() !== 'script') return;
    const file = new URL(req.url()).pathname;
    const script = Promise.all([req.sizes(), req.response().then((r) => r?.body())]).then(([sizes, body]) => ({ file, transferred: sizes.responseHeadersSize + sizes.responseBodySize, decoded: body?.length ?? 0 }));
    script.catch(() => undefined); // rejected when the page closes early; reported when collected
    pending.push(script);
  };
  page.on('requestfinished', onFinished);
  return async () => {
    page.off('requestfinished', onFinished);
    const all = await Promise.all(pending);
    return { files: all.map((s) => s.file).sort(), transferred: all.reduce((n, s) => n + s.transferred, 0), decoded: all.reduce((n, s) => n + s.decoded, 0) };
  };
}

/** Milestones of a load, from the page's resource timings: when the session check and the list query went out. */
type Waterfall = { meAt: number; appealsAt: number; appealsDoneAt: number };
const WATERFALL = `(() => {
  const find = (p) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === p);
  const me = find('/api/auth/me'), appeals = find('/api/appeals');
  return { meAt: me ? me.startTime : NaN, appealsAt: appeals ? appeals.startTime : NaN, appealsDoneAt: appeals ? appeals.responseEnd : NaN };
})()`;

/** Ms from navigation start until the content is visible and until a click on it was handled (NaN without a click). */
type Load = { visibleMs: number; interactiveMs: number; waterfall: Waterfall; scripts?: ScriptBytes };

/** When a click sent at `visibleMs` would have been handled: after the input delay of a real click sent a moment later, and after every long task between the two. */
const handledIfSentAt = (visibleMs: number, click: { sentAt: number; handledAt: number }, longTasks: [number, number][]) =>
  Math.max(visibleMs + (click.handledAt - click.sentAt), ...longTasks.filter(([start, end]) => start <= click.sentAt && end > visibleMs).map(([, end]) => end));

/**
 * Opens `screen` in a new page of `context`: ms until its content is visible and, if it has a click,
 * until a click sent right then would have been handled (handledIfSentAt) — checking that the click
 * worked. `cold` runs with the HTTP cache disabled; `scripts` also reports the scripts fetched.
 */
async function timeLoad(context: BrowserContext, screen: Screen, opts: { cold: boolean; scripts?: boolean }): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    if (opts.cold) await cdp.send('Network.enable').then(() => cdp.send('Network.setCacheDisabled', { cacheDisabled: true }));
    const click = screen.click;
    await page.addInitScript(`${ARM_CLICK}\n${WATCH_LONG_TASKS}\n${watchShown(screen.visible, click?.targets ?? screen.visible)}`);
    const scripts = opts.scripts ? watchScripts(page) : undefined;
    await page.goto(screen.url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
    const shown = await inPage<{ at: number; x: number; y: number }>(cdp, 'window.__benchShown');
    const visibleMs = shown.at;
    let interactiveMs = NaN;
    if (click) {
      await page.mouse.click(shown.x, shown.y); // one input event, no actionability round trips
      const sent = await inPage<{ sentAt: number; handledAt: number }>(cdp, `new Promise((r) => { const f = () => (window.__benchClick ? r(window.__benchClick) : setTimeout(f, 5)); f(); })`);
      interactiveMs = handledIfSentAt(visibleMs, sent, await inPage<[number, number][]>(cdp, LONG_TASKS));
      await pageNumber(page, click.worked).catch(() => Promise.reject(new Error(`${screen.url}: the click on the page did not work (${click.what})`)));
    }
    const waterfall = (await page.evaluate(WATERFALL)) as Waterfall;
    if (!scripts) return { visibleMs, interactiveMs, waterfall };
    await page.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
    return { visibleMs, interactiveMs, waterfall, scripts: await scripts() };
  } finally {
    await page.close();
  }
}

/** `cold` loads with the cache disabled (the first also counts its scripts), then `warm` loads. */
async function timeLoads(context: BrowserContext, screen: Screen, cold: number, warm: number): Promise<{ cold: Load[]; warm: Load[] }> {
  const out: { cold: Load[]; warm: Load[] } = { cold: [], warm: [] };
  for (let i = 0; i < cold; i++) out.cold.push(await timeLoad(context, screen, { cold: true, scripts: i === 0 }));
  for (let i = 0; i < warm; i++) out.warm.push(await timeLoad(context, screen, { cold: false }));
  return out;
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
  const [s, m] = [[...xs].sort((a, b) => a - b), xs.length >> 1];
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const [round, kb] = [(x: number) => Math.round(x), (bytes: number) => Math.round((bytes / 1024) * 10) / 10];

/** Columns a string takes in a terminal (CJK characters take two). */
const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);

function table(rows: { name: string; xs: number[] }[]): void {
  const head = ['measure', 'n', 'median', 'p95', 'min', 'max', 'first'];
  const body = rows.map((r) => [r.name, String(r.xs.length), ...[median(r.xs), quantile(r.xs, 0.95), Math.min(...r.xs), Math.max(...r.xs), r.xs[0] ?? NaN].map((x) => String(round(x)))]);
  const widths = head.map((h, i) => Math.max(columns(h), ...body.map((b) => columns(b[i] ?? ''))));
  const pad = (c: string, w: number, left: boolean) => (left ? c + ' '.repeat(Math.max(0, w - columns(c))) : ' '.repeat(Math.max(0, w - columns(c))) + c);
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

/** Median (and p95) of one measure over loads, rounded. */
const stat = (loads: Load[], k: 'visibleMs' | 'interactiveMs', q = 0.5) => round(q === 0.5 ? median(loads.map((l) => l[k])) : quantile(loads.map((l) => l[k]), q));

/** The id of an appeal with actions for the dispatcher (one to accept), else of any appeal. */
async function appealToOpen(staff: BrowserContext): Promise<string> {
  for (const query of ['queue=to_accept&pageSize=1', 'pageSize=1']) {
    const first = ((await (await staff.request.get(`/api/appeals?${query}`)).json()) as { data?: { id: string }[] }).data?.[0];
    if (first) return first.id;
  }
  throw new Error('the demo city has no appeal to open');
}

/** A new browser context: a desktop for staff (logged in) or the public, or a phone. */
async function newContext(b: Browser, baseUrl: string, kind: 'staff' | 'public' | 'phone'): Promise<BrowserContext> {
  const common = { baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  const userAgent = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
  if (kind === 'phone') return b.newContext({ ...common, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent });
  const context = await b.newContext({ ...common, viewport: { width: 1440, height: 900 } });
  if (kind === 'public') return context;
  const login = await context.request.post('/api/auth/login', { data: { username: USERNAME, password: PASSWORD } });
  if (!login.ok()) throw new Error(`login as ${USERNAME}: HTTP ${login.status()} ${await login.text()}`);
  // Logged in through the API; the server warmed (first queries, JIT) without touching the browser's cache.
  for (const p of ['/api/auth/me', '/api/queues', '/api/appeals', '/api/appeals']) await context.request.get(p);
  return context;
}

/** list → detail and menu → list, in-app, alternating over the rows of the first page. */
async function timeInApp(staff: BrowserContext): Promise<{ listToDetail: number[]; menuToList: number[] }> {
  const [listToDetail, menuToList]: [number[], number[]] = [[], []];
  const page = await staff.newPage();
  await page.goto('/w/appeals');
  const rows = await page.locator(LIST_ROW).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).then(() => page.locator(LIST_ROW).count());
  const menuLink = page.locator('nav[aria-label="工作台菜单"] a[href="/w/appeals"]');
  for (let i = 0; i < N; i++) {
    const link = page.locator(LIST_ROW).nth(i % rows).locator('a[href^="/w/appeals/"]').first();
    listToDetail.push(await timeClick(page, link, APPEAL_STATUS));
    menuToList.push(await timeClick(page, menuLink, LIST_ROW, ON_LIST));
  }
  await page.close();
  return { listToDetail, menuToList };
}

async function main(tmp: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium fonts-noto-cjk, or set MINSHENG_CHROMIUM_PATH)`);
  let t = performance.now();
  const { baseUrl, dataDir } = await startServer(tmp);
  log(`server up at ${baseUrl} in ${((performance.now() - t) / 1000).toFixed(1)} s (data ${dataDir})`);
  t = performance.now();
  // Playwright's own signal handlers would exit the process (130) before our cleanup has run.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  log(`Chromium ${browser.version()} launched in ${round(performance.now() - t)} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

  const [staff, phone, visitor] = [await newContext(browser, baseUrl, 'staff'), await newContext(browser, baseUrl, 'phone'), await newContext(browser, baseUrl, 'public')];
  const list = await timeLoads(staff, LIST_SCREEN, N_COLD, N);
  const appeal = await timeLoads(staff, appealScreen(await appealToOpen(staff)), N_COLD, N);
  const { listToDetail, menuToList } = await timeInApp(staff);
  const resident = await timeLoads(phone, { url: '/m', visible: RESIDENT_SUBMIT }, 3, N);
  const wall = await timeLoads(visitor, { url: '/', visible: WALL_ITEM }, 3, N);
  for (const context of [staff, phone, visitor]) await context.close();

  log(`\nWeb UI, ms from navigation start (N=${N} warm, ${N_COLD} cold with the cache disabled; p95 by nearest rank; goal: interactive in ${GOAL.interactiveMs} ms)`);
  log('  visible = the content on screen; interactive = a click on it sent right then would have been handled (and it works)');
  const rows = (name: string, l: { cold: Load[]; warm: Load[] }, hasClick = false) =>
    (['cold', 'warm'] as const).flatMap((c) => [{ name: `${name}, ${c}: visible`, xs: l[c].map((x) => x.visibleMs) }, ...(hasClick ? [{ name: `${name}, ${c}: interactive`, xs: l[c].map((x) => x.interactiveMs) }] : [])]);
  table([
    ...rows('workbench list /w/appeals', list, true),
    ...rows('appeal page /w/appeals/:id', appeal, true),
    { name: 'list → appeal detail (in-app click)', xs: listToDetail },
    { name: 'menu 全部诉求 → list (in-app click)', xs: menuToList },
    ...rows('resident /m on a phone', resident),
    ...rows('echo wall / (public)', wall),
  ]);
  const at = (k: keyof Waterfall) => round(median(list.warm.map((w) => w.waterfall[k])));
  log(`  warm list load, medians: /api/auth/me sent at ${at('meAt')} ms, /api/appeals sent at ${at('appealsAt')} ms and answered at ${at('appealsDoneAt')} ms`);
  const goalMet = [list.cold, list.warm, appeal.cold, appeal.warm].every((loads) => stat(loads, 'interactiveMs') <= GOAL.interactiveMs);
  log(`  goal (list and appeal page interactive in ≤ ${GOAL.interactiveMs} ms, cold and warm medians): ${goalMet ? 'met' : 'NOT met'}`);
  const [wbJs, resJs, wallJs] = [list, resident, wall].map((l) => l.cold[0]?.scripts ?? { files: [], transferred: 0, decoded: 0 }) as [ScriptBytes, ScriptBytes, ScriptBytes];
  log('\nJavaScript fetched on a cold load (as transferred, compressed; decoded in brackets):');
  for (const [name, b] of [['workbench /w/appeals', wbJs], ['resident /m', resJs], ['echo wall /', wallJs]] as const) log(`  ${name.padEnd(20)}: ${b.files.length} scripts, ${kb(b.transferred)} KB (${kb(b.decoded)} KB)`);
  log(`  scripts the workbench shares with the resident H5: ${resJs.files.filter((f) => wbJs.files.includes(f)).length} of its ${wbJs.files.length}\n`);
  // The keys of earlier runs (first row visible …) keep their meaning; the interactive ones are new.
  const figures = {
    bench: 'web', n: N, nCold: N_COLD, loadAverage: round(os.loadavg()[0] ?? NaN),
    workbenchColdMs: stat(list.cold, 'visibleMs'), workbenchColdInteractiveMs: stat(list.cold, 'interactiveMs'),
    workbenchWarmMedianMs: stat(list.warm, 'visibleMs'), workbenchWarmP95Ms: stat(list.warm, 'visibleMs', 0.95),
    workbenchWarmInteractiveMedianMs: stat(list.warm, 'interactiveMs'), workbenchWarmInteractiveP95Ms: stat(list.warm, 'interactiveMs', 0.95),
    appealColdMs: stat(appeal.cold, 'visibleMs'), appealColdInteractiveMs: stat(appeal.cold, 'interactiveMs'),
    appealWarmMedianMs: stat(appeal.warm, 'visibleMs'), appealWarmInteractiveMedianMs: stat(appeal.warm, 'interactiveMs'), appealWarmInteractiveP95Ms: stat(appeal.warm, 'interactiveMs', 0.95),
    listToDetailMedianMs: round(median(listToDetail)), listToDetailP95Ms: round(quantile(listToDetail, 0.95)),
    menuToListMedianMs: round(median(menuToList)), menuToListP95Ms: round(quantile(menuToList, 0.95)),
    residentColdMs: stat(resident.cold, 'visibleMs'), residentLoadMedianMs: stat(resident.warm, 'visibleMs'), residentLoadP95Ms: stat(resident.warm, 'visibleMs', 0.95),
    wallColdMs: stat(wall.cold, 'visibleMs'), wallLoadMedianMs: stat(wall.warm, 'visibleMs'), wallLoadP95Ms: stat(wall.warm, 'visibleMs', 0.95),
    residentJsKB: kb(resJs.transferred), workbenchJsKB: kb(wbJs.transferred), wallJsKB: kb(wallJs.transferred),
    residentJsDecodedKB: kb(resJs.decoded), workbenchJsDecodedKB: kb(wbJs.decoded),
    goal: GOAL, goalMet,
  };
  log(JSON.stringify(figures));
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
