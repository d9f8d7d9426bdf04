/**
 * Entry: starts the API requests of the page's first screen (early.ts), then loads the app
 * (boot.tsx: React, the router and the lazy areas). The entry itself stays a few KB with no React,
 * so those requests leave as soon as it arrives; index.html has already asked for the area's chunks.
 */
import './base.css';
import { startEarlyRequests } from './early';

/** The longest the first render waits for the baked antd stylesheet before antd builds its styles itself. */
const STYLES_WAIT_MS = 3000;

/**
 * Applies the page's baked antd stylesheet (index.html preloads it on staff pages) and resolves once
 * it has loaded or failed. antd reads the sheet's map of baked styles once, on its first render, so
 * that render waits; the sheet is applied only now because a stylesheet in the page from the start
 * would have held back this script until it had loaded.
 */
function applyBakedStyles(): Promise<void> {
  const preload = document.querySelector<HTMLLinkElement>('link[data-antd-styles]');
  if (!preload) return Promise.resolve();
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.crossOrigin = preload.crossOrigin ?? '';
  sheet.href = preload.href;
  const loaded = new Promise<void>((resolve) => {
    sheet.addEventListener('load', () => resolve(), { once: true });
    sheet.addEventListener('error', () => resolve(), { once: true });
    window.setTimeout(resolve, STYLES_WAIT_MS);
  });
  document.head.appendChild(sheet);
  return loaded;
}

try {
  startEarlyRequests(window.location);
} catch {
  // Only a head start: the pages ask for their data themselves anyway.
}
void Promise.all([import('./boot'), applyBakedStyles()]).then(([boot]) => boot.renderApp());
