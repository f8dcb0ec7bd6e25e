import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') },
        // pdfmake 0.3 is a singleton that reads its fonts from disk; bundling it breaks both.
        external: ['pdfmake', /^pdfmake\//],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    // Every import of zod in the renderer goes through a module that first turns off zod's eval
    // probe, which the page's Content-Security-Policy forbids (renderer/src/zod-without-eval.ts).
    resolve: { alias: [{ find: /^zod$/, replacement: resolve(import.meta.dirname, 'renderer/src/zod-without-eval.ts') }] },
    build: {
      // electron-vite leaves the renderer unminified by default; the workspace budget is 150 KB gzipped.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
    plugins: [vue()],
  },
});
