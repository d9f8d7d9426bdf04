// Vite build of the web UI: root web/, output web/dist, `/api` proxied to the API server in development.
// The build also bakes antd's styles into a stylesheet, tells index.html which chunks each kind of
// page needs first, and writes .br/.gz beside every text file (the plugins below).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { STAFF_THEME } from './src/staff/theme';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

/** A kind of page (a pathname pattern), the source files whose chunks its first screen runs, and its baked antd styles. */
interface FirstScreen {
  pattern: string;
  entries: string[];
  styles?: string;
}

/** A chunk's file and the files of every chunk it imports statically, transitively, with their CSS. */
function chunkClosure(chunk: Rollup.OutputChunk, byFile: Map<string, Rollup.OutputChunk>, into: Set<string>): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
  for (const file of chunk.imports) {
    const dep = byFile.get(file);
    if (dep) chunkClosure(dep, byFile, into);
  }
  return into;
}

/**
 * Puts a tiny script into index.html that asks, by the page's path, for every chunk its first screen
 * needs (modulepreload; stylesheets preloaded). Without it the browser discovers them a level at a
 * time — entry, then the area, then the page, then their imports — one round trip and one parse
 * each. The lists are computed from the final bundle, so they follow any code split.
 */
function firstScreenPreload(root: string, screens: FirstScreen[], styleFiles: Map<string, string>): Plugin {
  return {
    name: 'minsheng:first-screen-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return;
        const chunks = Object.values(ctx.bundle).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        // A page's module may sit in a chunk of its own (the facade) or inside a chunk Rollup shared out.
        const chunksOf = (source: string) => chunks.filter((c) => c.facadeModuleId === path.join(root, source) || c.moduleIds.includes(path.join(root, source)));
        const inEntry = chunkClosure(ctx.chunk, byFile, new Set()); // the entry's own imports are in the HTML already
        const table = screens.map((s) => {
          const files = new Set<string>();
          for (const source of s.entries) {
            const found = chunksOf(source);
            if (found.length === 0) throw new Error(`first-screen preload: no chunk holds ${source}`);
            for (const chunk of found) chunkClosure(chunk, byFile, files);
          }
          const styles = s.styles === undefined ? '' : styleFiles.get(s.styles);
          if (styles === undefined) throw new Error(`first-screen preload: no baked styles named ${s.styles}`);
          return [s.pattern, [...files].filter((f) => !inEntry.has(f)).map((f) => `/${f}`), styles && `/${styles}`];
        });
        // Stylesheets only preloaded: a stylesheet link would hold back the entry script until it
        // has loaded. main.tsx applies the baked one (marked) and renders once it is in.
        const script = `(function(){var t=${JSON.stringify(table)},p=location.pathname,d=document;function add(f,a){var l=d.createElement('link');if(/\\.css$/.test(f)){l.rel='preload';l.as='style'}else l.rel='modulepreload';l.crossOrigin='';l.href=f;if(a)l.setAttribute(a,'');d.head.appendChild(l)}for(var i=0;i<t.length;i++){if(!new RegExp(t[i][0]).test(p))continue;if(t[i][2])add(t[i][2],'data-antd-styles');t[i][1].forEach(function(f){add(f)});return}})()`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}

/**
 * Renders every antd component once in Node (server-side, into a cssinjs cache) with `theme` and
 * returns the stylesheet antd would otherwise build in the browser on every page load — including
 * the map of style paths that tells @ant-design/cssinjs, once the sheet is in the page, to skip
 * generating those styles (antd's documented "whole export" of SSR styles). Components the bake
 * misses still get their styles at run time, as before.
 */
function bakeAntdStyles(theme: object): string {
  process.env.NODE_ENV = 'production'; // the browser bundle's hash prefix and React build
  const require = createRequire(import.meta.url);
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const antd = require('antd') as Record<string, unknown> & typeof import('antd');
  const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const cache = cssinjs.createCache();
  const h = React.createElement;
  const render = (element: React.ReactElement) => renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme }, element)));
  const skipped = new Set(['ConfigProvider', 'version', 'theme', 'unstableSetRender']);
  for (const [name, value] of Object.entries(antd)) {
    if (skipped.has(name) || !value || (typeof value !== 'function' && typeof value !== 'object')) continue;
    try {
      render(h(value as React.ComponentType));
    } catch {
      // Not a component: message and notification bake through their panels (Grid, a helper, not at all).
      const panel = (value as { _InternalPanelDoNotUseOrYouWillBeFired?: React.ComponentType })._InternalPanelDoNotUseOrYouWillBeFired;
      if (panel) render(h(panel));
    }
  }
  // Parts with style hooks of their own, registered only when they are used.
  const { DatePicker, Form, Input, Layout, Tag, TreeSelect } = antd;
  render(h(Layout, null, h(Layout.Sider, { collapsible: true }), h(Layout.Content)));
  render(h('div', null, h(Tag, { color: 'success' }), h(Tag, { color: 'blue' })));
  render(h(Form, null, h(Form.Item, { label: 'x' }, h(Input))));
  render(h(DatePicker.RangePicker));
  render(h(TreeSelect, { treeData: [{ value: 'a', title: 'a' }] }));
  return cssinjs.extractStyle(cache, true);
}

/** Emits `assets/antd-<name>-<hash>.css` for each theme; `files` maps each name to its file once built. */
function antdStaticStyles(themes: Record<string, object>, files: Map<string, string>): Plugin {
  return {
    name: 'minsheng:antd-static-styles',
    apply: 'build',
    buildStart() {
      for (const [name, theme] of Object.entries(themes)) {
        const css = bakeAntdStyles(theme);
        const fileName = `assets/antd-${name}-${crypto.createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
        this.emitFile({ type: 'asset', fileName, source: css });
        files.set(name, fileName);
      }
    },
  };
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a .br and a .gz beside every text file of the build, at the best (slow) settings, once:
 * the server sends them as they are (@fastify/static `preCompressed`) instead of compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'minsheng:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const raw = await fs.readFile(full);
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          // A tiny file may not shrink: then the server compresses it on the fly, or sends it as it is.
          if (br.length < raw.length) await fs.writeFile(`${full}.br`, br);
          if (gz.length < raw.length) await fs.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * The chunks each kind of page needs for its first screen, named by the source files of its lazy
 * area and page (boot.tsx, the app shell, is needed by all). The first pattern that matches the path wins.
 */
const FIRST_SCREENS: FirstScreen[] = [
  { pattern: '^/w/appeals/[^/]+/?$', entries: ['src/boot.tsx', 'src/staff/StaffApp.tsx', 'src/staff/AppealPage.tsx'], styles: 'staff' },
  { pattern: '^/w/(appeals|queue/[^/]+)/?$', entries: ['src/boot.tsx', 'src/staff/StaffApp.tsx', 'src/staff/QueuePage.tsx'], styles: 'staff' },
  { pattern: '^/w(/|$)', entries: ['src/boot.tsx', 'src/staff/StaffApp.tsx'], styles: 'staff' },
  { pattern: '^/m(/|$)', entries: ['src/boot.tsx', 'src/resident/ResidentApp.tsx'] },
  { pattern: '^/login/?$', entries: ['src/boot.tsx', 'src/staff/LoginPage.tsx'], styles: 'staff' },
  { pattern: '^/(wall/?)?$', entries: ['src/boot.tsx', 'src/public/WallPage.tsx'] },
  { pattern: '', entries: ['src/boot.tsx'] },
];

/** The baked antd stylesheets by theme name (filled in by the build). */
const BAKED_STYLES = new Map<string, string>();

export default defineConfig({
  root: webRoot,
  plugins: [react(), antdStaticStyles({ staff: STAFF_THEME }, BAKED_STYLES), firstScreenPreload(webRoot, FIRST_SCREENS, BAKED_STYLES), precompress()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The merge report of experimentalMinChunkSize (below) is noise in every build's output.
      onLog(level, log, handler) {
        if (log.code !== 'OPTIMIZE_CHUNK_STATUS') handler(level, log);
      },
      output: {
        // Chunks under 10 KB without side effects go into a chunk loaded in much the same cases: the
        // list's first screen fetches 17 files instead of 21, the appeal page 24 instead of 31, for
        // ~3 KB more code — fewer round trips on a cold load (~0.1 s here). Kept small so that a page
        // of one area is never folded into the chunks of another.
        experimentalMinChunkSize: 10_000,
        // React (needed by every area) gets one long-cached chunk. Everything else is split by the
        // React.lazy areas: a manual chunk for antd-mobile or ECharts would also swallow their shared
        // dependencies (rc-util, tslib …) and make the workbench load them, so Rollup decides.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'vendor-react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    // shared/ lives beside web/ and is imported by the UI.
    fs: { allow: [path.resolve(webRoot, '..')] },
    proxy: { '/api': { target: process.env.MINSHENG_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
