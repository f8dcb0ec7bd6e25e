/**
 * The renderer's Content-Security-Policy: only the app's own files, no eval, no remote origin,
 * no plugins, no framing. The same text is in renderer/index.html (a test keeps them equal) and is
 * sent as a header by the app:// protocol and by the loopback bridge.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export function contentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}
