import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../../shared/api/errors.ts';
import { isMethodName, type Services } from '../../../shared/api/methods.ts';
import { contentSecurityPolicy } from '../app/csp.ts';
import { dispatch } from '../ipc/dispatch.ts';
import { readStatic } from './static.ts';

/**
 * The loopback bridge of spec/encounter-api.md: the contract over HTTP on 127.0.0.1, for
 * development, end-to-end tests and scripts, with the same dispatch as the IPC handlers.
 * Three locks: it listens on loopback only; every call needs the per-start bearer token; and the
 * Host header must name the loopback address and port (a page on another site that rebinds its
 * DNS name to 127.0.0.1 sends its own name as Host).
 */

export interface BridgeOptions {
  readonly services: Services;
  /** The built renderer (out/renderer), served at /. */
  readonly rendererDir: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/**
 * The largest body each call may send: an import carries a whole file; a save or a referral at
 * most the longest texts the contract allows (100,000 characters of notes, a few of 20,000, up to
 * 4 bytes each in UTF-8); every other call a few ids and options. A hostile client then cannot make
 * the service read and parse megabytes for a call that never needs them.
 */
export function bodyLimitOf(method: string): number {
  if (method === 'data.importJson' || method === 'data.importFhir') return DEFAULT_MAX_BODY;
  if (method === 'encounter.save' || method.startsWith('referral.')) return 1024 * 1024;
  return 64 * 1024;
}

/** Headers on every answer: the renderer's CSP, no sniffing, no referrer (the token is in the page URL), no caching. */
function baseHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...baseHeaders(), 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const sendEnvelope = (res: ServerResponse, status: number, envelope: Envelope<unknown>): void =>
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8');

const failure = (code: 'invalid' | 'not-found' | 'forbidden', message: string): Envelope<never> => ({ ok: false, error: { code, message } });

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (match === null) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body, or null when it exceeds the limit (the rest is read and dropped, so the client gets the answer). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // A client that goes away mid-body ends the loop with an error (handled by the request's catch).
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let allowedHosts: Set<string> = new Set();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return send(res, 403, 'Forbidden: this service answers only to its loopback address.', 'text/plain; charset=utf-8');
    }
    let url: URL;
    try {
      // The request target may be in absolute form (`GET http://…`), which can fail to parse.
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'Bad request: the address is not valid.', 'text/plain; charset=utf-8');
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendEnvelope(res, 405, failure('invalid', 'Calls of the contract are POST requests.'));
      }
      if (!tokenMatches(req.headers.authorization, token)) {
        return sendEnvelope(res, 401, failure('forbidden', 'The access token is missing or wrong.'));
      }
      const method = url.pathname.slice('/api/'.length);
      if (!isMethodName(method)) return sendEnvelope(res, 404, failure('not-found', 'This version of Leg Pain DDx has no such function.'));
      const body = await readBody(req, Math.min(maxBody, bodyLimitOf(method)));
      if (body === null) return sendEnvelope(res, 413, failure('invalid', 'The request is too large.'));
      let text: string;
      try {
        // fatal: invalid UTF-8 is refused, not silently replaced by U+FFFD and stored as such.
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return sendEnvelope(res, 400, failure('invalid', 'The request body is not valid UTF-8 text.'));
      }
      let input: unknown;
      try {
        input = text.length === 0 ? {} : JSON.parse(text);
      } catch {
        return sendEnvelope(res, 400, failure('invalid', 'The request body is not valid JSON.'));
      }
      // Every call that reaches a service answers 200, its outcome in the envelope.
      return sendEnvelope(res, 200, await dispatch(opts.services, method, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed.', 'text/plain; charset=utf-8');
    }
    const file = await readStatic(opts.rendererDir, url.pathname);
    if (file === null) return send(res, 404, 'Not found.', 'text/plain; charset=utf-8');
    // A HEAD answer has the GET's headers (its length too); Node sends no body for HEAD.
    return send(res, 200, file.body, file.type);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that went away mid-request (closed, or cut off by close()) is not a fault of ours.
      if (req.destroyed && res.destroyed) return;
      console.error('[leg-pain-ddx] bridge request failed:', error);
      if (!res.headersSent) sendEnvelope(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside Leg Pain DDx.' } });
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;

  server.listen(opts.port ?? 0, '127.0.0.1');
  // Rejects with the system error (a port already taken) if 'error' comes first.
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    // Idempotent: a second close (a test's cleanup, a signal during shutdown) waits for the first.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        // close() also ends the connections idle between calls (Node 19 and later).
        server.close((error) => (error ? reject(error) : resolve()));
        // A client holding a connection open must not keep the process alive for long.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      })),
  };
}
