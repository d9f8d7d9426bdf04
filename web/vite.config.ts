// Vite build of the web UI: root web/, output web/dist, `/api` proxied to the API server in development.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
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
