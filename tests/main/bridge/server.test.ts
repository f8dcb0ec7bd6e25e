import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { httpInvoke } from '../../../shared/api/transport.ts';
import { contentSecurityPolicy } from '../../../electron/main/app/csp.ts';
import { bodyLimitOf, startBridge, type Bridge } from '../../../electron/main/bridge/server.ts';
import { resolveStaticPath } from '../../../electron/main/bridge/static.ts';
import { openTestServices, sampleDraft, snapshot, tempDir, type TestServices } from '../helpers.ts';

/** The loopback bridge's own rules (spec/encounter-api.md): token, Host, bad JSON, unknown method, static files. */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header and body can be anything. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback bridge', () => {
  let t: TestServices;
  let site: ReturnType<typeof tempDir>;
  let bridge: Bridge;
  const api = (method: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    raw(bridge.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    t = openTestServices();
    site = tempDir('legpain-site-');
    mkdirSync(join(site.path, 'assets'));
    writeFileSync(join(site.path, 'index.html'), '<!doctype html><title>Leg Pain DDx</title>');
    writeFileSync(join(site.path, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(site.path, '..', 'outside-secret.txt'), 'secret');
    bridge = await startBridge({ services: t.services, rendererDir: site.path, maxBodyBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await bridge.close();
    t.dispose();
    site.remove();
  });

  it('prints its address with a URL-safe random token, on 127.0.0.1', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{24,}$/);
  });

  it('serves the contract to the same client the renderer builds', async () => {
    const client = createClient(httpInvoke(`http://127.0.0.1:${bridge.port}`, bridge.token));
    const { id } = await client.encounter.save(sampleDraft());
    expect((await client.encounter.get({ id })).patient.name).toBe('Ada Example');
  });

  it('answers 401 without the token or with a wrong one, doing nothing', async () => {
    const before = snapshot(t.store.db);
    const noToken = await api('encounter.save', JSON.stringify(sampleDraft()), { authorization: '' });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false });
    expect((await api('encounter.save', JSON.stringify(sampleDraft()), { authorization: `Bearer ${bridge.token}x` })).status).toBe(401);
    expect((await api('encounter.save', JSON.stringify(sampleDraft()), { authorization: bridge.token })).status).toBe(401);
    // A guess of the right length is still a wrong token: the length alone must never let a call through.
    const sameLength = [...bridge.token].map((c) => (c === 'A' ? 'B' : 'A')).join('');
    expect((await api('encounter.save', JSON.stringify(sampleDraft()), { authorization: `Bearer ${sameLength}` })).status).toBe(401);
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers 403 to a Host that is not the loopback address and port (DNS rebinding)', async () => {
    const before = snapshot(t.store.db);
    for (const host of ['evil.example', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`, `0.0.0.0:${bridge.port}`]) {
      expect((await api('encounter.save', JSON.stringify(sampleDraft()), { host })).status, host).toBe(403);
      expect((await raw(bridge.port, { path: '/', headers: { host } })).status, host).toBe(403);
    }
    expect((await api('app.status', '{}', { host: `localhost:${bridge.port}` })).status).toBe(200);
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers 400 with the invalid envelope to a body that is not JSON', async () => {
    const answer = await api('encounter.save', '{"patient": ');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/not valid JSON/) } });
  });

  it('answers 400 to a body that is not valid UTF-8, storing nothing (it used to be replaced silently)', async () => {
    const before = snapshot(t.store.db);
    const json = Buffer.from(JSON.stringify(sampleDraft({ notes: 'NOTE' })));
    const at = json.indexOf('NOTE');
    json[at] = 0xff; // never valid in UTF-8
    json[at + 1] = 0xc3; // a lead byte without its continuation
    const answer = await api('encounter.save', json);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/UTF-8/) } });
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers invalid to a lone surrogate escaped in the JSON, naming the field, storing nothing', async () => {
    const before = snapshot(t.store.db);
    const body = JSON.stringify(sampleDraft({ notes: 'half a pair' })).replace('half a pair', 'half \\ud83e a pair');
    const answer = await api('encounter.save', body);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', path: 'notes', message: expect.stringMatching(/invalid character/) } });
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers 404 to an unknown method, and 200 with the envelope otherwise', async () => {
    const unknown = await api('encounter.delete', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/no such function/) } });
    expect((await api('__proto__', '{}')).status).toBe(404);
    const invalid = await api('encounter.get', '{"id": 5}');
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid', path: 'id' } });
    const missing = await api('encounter.get', '{"id": "nope"}');
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a body over the size limit', async () => {
    const answer = await api('encounter.search', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/too large/) } });
  });

  it('holds each call to a body limit of its own: a few ids and options for most, more for a save, a file for an import (issue 11, item 11)', async () => {
    // 100 KB is far more than a search needs, and refused; a save of 100,000 characters of notes is not.
    expect((await api('encounter.search', JSON.stringify({ query: 'x'.repeat(100 * 1024) }))).status).toBe(413);
    expect((await api('encounter.get', JSON.stringify({ id: 'x'.repeat(100 * 1024) }))).status).toBe(413);
    const save = await api('encounter.save', JSON.stringify({ ...sampleDraft(), notes: 'é'.repeat(100_000) }));
    expect(save.status).toBe(200);
    expect(JSON.parse(save.body)).toMatchObject({ ok: true });
    // An import may carry up to the bridge's whole limit (1 MiB here): refused by the import's check of the file, not for its size.
    const imported = await api('data.importJson', JSON.stringify({ json: ' '.repeat(900 * 1024) }));
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('accepts only POST for calls', async () => {
    const answer = await raw(bridge.port, { path: '/api/app.status', headers: { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` } });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/POST/) } });
  });

  it('sends the security headers with every answer: calls, refusals and files', async () => {
    const host = `127.0.0.1:${bridge.port}`;
    const answers = {
      call: await api('app.status', '{}'),
      refused: await api('app.status', '{}', { authorization: 'Bearer wrong' }),
      'wrong host': await raw(bridge.port, { path: '/', headers: { host: 'evil.example' } }),
      file: await raw(bridge.port, { path: '/assets/app.js', headers: { host } }),
      missing: await raw(bridge.port, { path: '/nothing-here.js', headers: { host } }),
    };
    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.headers, what).toMatchObject({
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-frame-options': 'DENY',
      });
      expect(Number(answer.headers['content-length']), what).toBe(Buffer.byteLength(answer.body));
    }
    expect(answers.call.headers['content-type']).toBe('application/json; charset=utf-8');
    for (const what of ['wrong host', 'missing'] as const) expect(answers[what].headers['content-type'], what).toBe('text/plain; charset=utf-8');
    expect(answers['wrong host'].body).toMatch(/loopback/);
    expect(answers.missing.body).toMatch(/Not found/);
    expect(JSON.parse(answers.refused.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/token/) } });
  });

  it('takes the Host in any letter case, and an empty body as a call without input', async () => {
    expect(JSON.parse((await api('app.status', '', { host: `LOCALHOST:${bridge.port}` })).body)).toMatchObject({ ok: true, value: { dataDir: t.dataDir } });
    expect(JSON.parse((await api('encounter.list', '')).body)).toMatchObject({ ok: true });
  });

  it('reads the token only from a header that is exactly "Bearer <token>"', async () => {
    for (const authorization of [`xBearer ${bridge.token}`, `Basic Bearer ${bridge.token}`, `bearer ${bridge.token}`, `Bearer  ${bridge.token}`, `Bearer ${bridge.token.slice(0, 1)}`, 'Bearer ']) {
      expect((await api('app.status', '{}', { authorization })).status, authorization).toBe(401);
    }
    expect((await api('app.status', '{}', { authorization: `Bearer ${bridge.token}` })).status).toBe(200);
  });

  it('answers a nested-too-deeply body with the invalid envelope, not a failure of the service', async () => {
    const depth = 200_000;
    const answer = await api('encounter.save', `{"notes":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/nested too deeply/) } });
  });

  it('gives a referral call and an import their larger limits, and never more than the bridge\'s own', async () => {
    // 100 KB: over the 64 KB of an ordinary call, within a referral's 1 MiB.
    const referral = await api('referral.preview', JSON.stringify({ id: 'none', note: 'x'.repeat(100 * 1024) }));
    expect(referral.status).toBe(200);
    const fhir = await api('data.importFhir', JSON.stringify({ json: ' '.repeat(900 * 1024) }));
    expect(fhir.status).toBe(200);
    expect(JSON.parse(fhir.body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // This bridge was started with a limit of 1 MiB: an import may not go past it though its own is 64 MiB.
    expect((await api('data.importJson', JSON.stringify({ json: ' '.repeat(1100 * 1024) }))).status).toBe(413);
  });

  it('takes a body of exactly the limit and refuses one byte more', async () => {
    const limit = bodyLimitOf('encounter.get');
    const body = (size: number) => {
      const text = JSON.stringify({ id: '' });
      return JSON.stringify({ id: 'x'.repeat(size - text.length) });
    };
    expect(Buffer.byteLength(body(limit))).toBe(limit);
    const atLimit = await api('encounter.get', body(limit));
    expect(atLimit.status).toBe(200);
    expect(JSON.parse(atLimit.body)).toMatchObject({ ok: false, error: { code: 'invalid', path: 'id' } });
    expect((await api('encounter.get', body(limit + 1))).status).toBe(413);
  });

  it('answers HEAD for a file with its headers and no body, and refuses other methods for files', async () => {
    const host = { host: `127.0.0.1:${bridge.port}` };
    const head = await raw(bridge.port, { method: 'HEAD', path: '/assets/app.js', headers: host });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength('console.log(1)')));
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await raw(bridge.port, { method, path: '/assets/app.js', headers: host });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe('GET, HEAD');
      expect(answer.headers['content-type'], method).toBe('text/plain; charset=utf-8');
      expect(answer.body, method).toMatch(/not allowed/);
    }
  });

  it('serves the renderer with the CSP header, and nothing outside its folder', async () => {
    const host = { host: `127.0.0.1:${bridge.port}` };
    const index = await raw(bridge.port, { path: `/?token=${bridge.token}`, headers: host });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Leg Pain DDx</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const script = await raw(bridge.port, { path: '/assets/app.js', headers: host });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/%00', '/assets']) {
      const answer = await raw(bridge.port, { path, headers: host });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('secret');
    }
    expect(resolveStaticPath('/srv/site', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/site', '/a%5c..%5c..%5cetc')).toBeNull();
    expect(resolveStaticPath('/srv/site', '/')).toBe('/srv/site/index.html');
  });
});
