/**
 * What `npm run assess` starts: the assess command (assess.ts) with Node's compile cache on, run
 * from its bundle (bundle-cache.mjs), which is rebuilt whenever one of its sources has changed.
 * Plain JavaScript on purpose: Node strips the types of a .ts entry before any of its code runs,
 * and loading its type stripper costs about as much as the whole command (issue 15: start < 200 ms).
 * The caches live in the system's temporary folder unless NODE_COMPILE_CACHE names another; where
 * they cannot be used the command runs from its sources, as before.
 */
import module from 'node:module';
import { runBundled } from './bundle-cache.mjs';

module.enableCompileCache?.();
if (!(await runBundled(new URL('./assess.ts', import.meta.url)))) await import('./assess.ts');
