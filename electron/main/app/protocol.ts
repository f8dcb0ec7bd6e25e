import { readStatic } from '../bridge/static.ts';
import { contentSecurityPolicy } from './csp.ts';
import { APP_HOST, APP_SCHEME } from './policy.ts';

/**
 * The app:// protocol's answer to one request: a file of the built renderer with the CSP header,
 * or 404 for anything else (another host, a path leaving the folder, a missing file).
 */
export async function appProtocolResponse(
  requestUrl: string,
  rendererDir: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string }> {
  const headers = { 'content-security-policy': contentSecurityPolicy(), 'x-content-type-options': 'nosniff' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: 'Not found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: 'Not found' };
  }
  const file = await readStatic(rendererDir, url.pathname);
  if (file === null) return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: 'Not found' };
  return { status: 200, headers: { ...headers, 'content-type': file.type }, body: file.body };
}
