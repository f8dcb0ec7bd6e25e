import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';

/**
 * Puts V8's explicit compile hint at the top of the renderer's entry chunk (Chromium 136 and later;
 * others ignore it): V8 then compiles its functions on the background thread that already parses
 * the file, instead of one by one on the main thread as each is first called. The entry holds what
 * the first screen runs; the lazily loaded chunks are left to V8. Issue 15: the workspace's first
 * paint at 4x CPU throttling, median of alternating loads, 1,035 -> 913 and 937 -> 893 ms.
 * Explainer: https://github.com/WICG/explicit-javascript-compile-hints-file-based
 */
function compileHintForEntry(): Plugin {
  const hint = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'compile-hint-for-entry',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After minification (which drops comments) and after Vite's own preamble: V8 honours the
      // hint only on the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          chunk.code = hint + chunk.code;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            // The code moved down one line.
            const parsed = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
          }
        }
      },
    },
  };
}

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
    plugins: [vue(), compileHintForEntry()],
  },
});
