/**
 * What `zod` resolves to in the renderer's build (electron.vite.config.ts): zod itself, told first
 * that the page forbids eval. Its Content-Security-Policy would otherwise block, and report as a
 * violation, the `new Function` probe zod makes when its first object schema is used, and zod
 * would then validate without compiled parsers anyway. Set here, the setting precedes every schema
 * in whichever chunk zod ends up: the contract's schemas load after the first paint, not with the
 * start-up script.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
