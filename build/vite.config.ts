import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdUnusedCss } from './antd-unused-css.ts';
import { firstScreenChunk } from './first-screen-chunk.ts';
import { firstScreenPreload } from './first-screen-preload.ts';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** The renderer build: relative asset paths so that the same files load from app:// (Electron) and HTTP (serve). */
export default defineConfig({
  root,
  base: './',
  plugins: [
    antdUnusedCss(),
    react(),
    firstScreenChunk(fileURLToPath(import.meta.url), /renderer\/root\.tsx$/),
    firstScreenPreload(),
  ],
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
