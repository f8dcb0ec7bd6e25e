/**
 * The security policy of the app shell, as pure functions (tested under Node; the Electron wiring
 * in electron/main/index.ts only calls them). The renderer is served from the app's own files at
 * app://renderer; nothing else may be loaded, navigated to, opened or granted.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Origins the renderer may be served from: the app's own, plus the dev server's in development. */
export function rendererOrigins(devServerUrl?: string | undefined): readonly string[] {
  if (devServerUrl === undefined || devServerUrl === '') return [APP_ORIGIN];
  const dev = safeUrl(devServerUrl);
  // The dev server is only ever local.
  if (dev === null || dev.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)) return [APP_ORIGIN];
  return [APP_ORIGIN, dev.origin];
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of a URL, including custom standard schemes (URL.origin is "null" for those). */
function originOf(url: string): string | null {
  const parsed = safeUrl(url);
  if (parsed === null) return null;
  if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
  return parsed.origin === 'null' ? null : parsed.origin;
}

/** Navigation stays inside the app (in-page routes); anything else is refused. */
export function isAllowedNavigation(url: string, origins: readonly string[] = [APP_ORIGIN]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** What Electron tells us about the frame that sent an IPC message. */
export interface SenderFrame {
  readonly url: string;
  /** True when the frame is the window's top-level frame (not an iframe). */
  readonly isMainFrame: boolean;
}

/** Only the app's own top-level page may call the contract (no iframe, no other origin, no file:). */
export function isTrustedSender(frame: SenderFrame | null | undefined, origins: readonly string[] = [APP_ORIGIN]): boolean {
  if (frame === null || frame === undefined || !frame.isMainFrame) return false;
  return isAllowedNavigation(frame.url, origins);
}

/** Every permission request (camera, microphone, notifications, geolocation, ...) is denied: the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/**
 * Sites a link in the app may open in the user's browser: the references the knowledge base cites.
 * HTTPS only, exact host names, no credentials in the URL.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'www.nice.org.uk',
  'cks.nice.org.uk',
  'www.nhs.uk',
  'icd.who.int',
  'www.who.int',
  'acsearch.acr.org',
  'www.acr.org',
  'pubmed.ncbi.nlm.nih.gov',
  'doi.org',
  'www.nejm.org',
];

/**
 * The address to hand to the user's browser, or null when the link may not be opened: the
 * normalised form (new URL(url).href) of an allow-listed HTTPS link. Never the raw text: another
 * parser (the system's URL handler) may read it otherwise, e.g. "https://www.nhs.uk\@evil.com/"
 * is www.nhs.uk to WHATWG but evil.com to some. A backslash, a space or a control character in the
 * raw text is refused outright for the same reason.
 */
export function externalLink(url: string): string | null {
  if (/[\\\s\u0000-\u001f\u007f]/.test(url)) return null;
  const parsed = safeUrl(url);
  if (parsed === null || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null;
  return EXTERNAL_LINK_HOSTS.includes(parsed.hostname) ? parsed.href : null;
}

export const isAllowedExternalLink = (url: string): boolean => externalLink(url) !== null;

/**
 * What to do with a window.open or target=_blank: never a new window; allow-listed links go to the
 * browser, as `externalUrl` (normalised; see externalLink), the only form the app may open.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean; externalUrl: string | null } {
  const externalUrl = externalLink(url);
  return { action: 'deny', openExternally: externalUrl !== null, externalUrl };
}
