import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The browser app. `npm run build:web` writes web/dist, which `mainstay serve` serves
// beside the API; `npm run dev:web` serves it with hot reload and proxies the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.MAINSTAY_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});

/**
 * Writes .br and .gz beside every script and stylesheet once, at build time, so the
 * server sends phones a third of the bytes without compressing on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'mainstay-precompress',
    apply: 'build',
    configResolved(config) { outDir = resolve(config.root, config.build.outDir); },
    async closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of await readdir(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const body = await readFile(join(assets, name));
        await writeFile(join(assets, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        await writeFile(join(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
      }
    },
  };
}
