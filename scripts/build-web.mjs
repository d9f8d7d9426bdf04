#!/usr/bin/env node
// Builds the web UI (web/ → web/dist) with Vite's JavaScript API.
//   node scripts/build-web.mjs            build
//   node scripts/build-web.mjs --if-stale build only when web/dist is missing or older than its sources
// `isWebBuildStale()` and `buildWeb()` are exported for `npm start` and the e2e setup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webRoot = path.join(repoRoot, 'web');
export const webDist = path.join(webRoot, 'dist');

/** Newest modification time under `p` (a file or a directory), skipping dist and node_modules. */
function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Whether web/dist is missing or older than the UI sources (web/ and the shared/ code it imports). */
export function isWebBuildStale() {
  const built = newestMtime(path.join(webDist, 'index.html'));
  if (built === 0) return true;
  return Math.max(newestMtime(webRoot), newestMtime(path.join(repoRoot, 'shared'))) > built;
}

/** Runs the production build of web/ into web/dist. */
export async function buildWeb({ logLevel = 'warn' } = {}) {
  // A caller's NODE_ENV (vitest sets "test") would otherwise select React's development builds.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel, mode: 'production' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (onlyIfStale && !isWebBuildStale()) {
    process.stdout.write('web/dist is up to date\n');
  } else {
    const started = Date.now();
    await buildWeb({ logLevel: 'info' });
    process.stdout.write(`web/dist built in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  }
}
