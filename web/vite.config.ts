import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app. `npm run build:web` writes web/dist, which `mainstay serve` serves
// beside the API; `npm run dev:web` serves it with hot reload and proxies the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.MAINSTAY_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
