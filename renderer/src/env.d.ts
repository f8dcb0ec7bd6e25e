/// <reference types="vite/client" />
import type { Bridge } from '../../shared/api/transport.ts';

declare global {
  interface Window {
    /** Present in the Electron app (the preload); absent on the loopback page. */
    readonly bridge?: Bridge;
  }
}
