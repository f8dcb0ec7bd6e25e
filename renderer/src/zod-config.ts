import { z } from 'zod';

/**
 * The renderer's Content-Security-Policy forbids eval. Zod would otherwise probe for it with a
 * `new Function` when its first object schema is built, a probe that the policy blocks and reports
 * as a violation, and then validate without compiled parsers anyway: jitless says so up front.
 * Imported first in main.ts, so the setting is in place before any schema module is evaluated.
 */
z.config({ jitless: true });
