/**
 * What `npm run assess` starts: the assess command (assess.ts) with Node's compile cache on.
 * Plain JavaScript on purpose: Node strips the types of a .ts entry before any of its code runs,
 * and loading its type stripper costs about as much as the whole command (issue 15: start < 200 ms).
 * With the cache, later runs reuse the stripped and compiled modules (Node checks each against its
 * source, so an edited file is compiled afresh). The cache lives in the system's temporary folder
 * unless NODE_COMPILE_CACHE names another; where it cannot be used the command runs as before.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./assess.ts');
