/**
 * The renderer's Content-Security-Policy: only the app's own files, no eval, no remote origin,
 * no <object>/<embed>, and the app is never framed. The one frame it may hold is a blob: URL: the
 * referral letter's preview, PDF bytes the main process generated and the page turned into a
 * blob (a blob: URL can only be made by the page itself, never named from outside). The same
 * text is in renderer/index.html (a test keeps them equal) and is sent as a header by the app://
 * protocol and by the loopback bridge.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', 'blob:'],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export function contentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}
