import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/main/bridge/server.ts';
import { openTestServices, tempDir, type TestServices } from '../helpers.ts';

/** The loopback bridge's start and stop: where it listens, a port already taken, a client that hangs, a malformed request line. */

/** Connects, or resolves the error code when the address does not answer. */
function tryConnect(host: string, port: number): Promise<Socket | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** Writes a raw request and resolves the first chunk of the answer. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
    socket.once('data', (chunk) => {
      resolve(chunk.toString('utf8'));
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('loopback bridge start and stop', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function started(port?: number): Promise<{ bridge: Bridge; t: TestServices }> {
    const t = openTestServices();
    const site = tempDir('legpain-site-');
    cleanups.push(() => t.dispose(), () => site.remove());
    const bridge = await startBridge({ services: t.services, rendererDir: site.path, ...(port === undefined ? {} : { port }) });
    cleanups.push(() => bridge.close());
    return { bridge, t };
  }

  it('listens on 127.0.0.1 only: the IPv6 loopback and every other address of this computer get no answer', async () => {
    const { bridge } = await started();
    const loopback = await tryConnect('127.0.0.1', bridge.port);
    expect(typeof loopback).not.toBe('string');
    (loopback as Socket).destroy();
    const others = ['::1', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => !a.internal && !a.address.startsWith('fe80')).map((a) => a.address))];
    for (const address of others) {
      const answer = await tryConnect(address, bridge.port);
      if (typeof answer !== 'string') answer.destroy();
      expect(typeof answer, address).toBe('string');
    }
  });

  it('refuses to start on a port already taken, with the system error, instead of hanging', async () => {
    const { bridge } = await started();
    await expect(started(bridge.port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('starts on the port it is given', async () => {
    const first = await started();
    const port = first.bridge.port;
    await first.bridge.close();
    const { bridge } = await started(port);
    expect(bridge.port).toBe(port);
    expect(bridge.url).toBe(`http://127.0.0.1:${port}/?token=${bridge.token}`);
  });

  it('gives each start its own token', async () => {
    const [a, b] = [await started(), await started()];
    expect(a.bridge.token).not.toBe(b.bridge.token);
  });

  it('stops within a few seconds even while a client holds a request half sent', async () => {
    const { bridge } = await started();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(() => errors.mockRestore());
    const socket = await tryConnect('127.0.0.1', bridge.port);
    expect(typeof socket).not.toBe('string');
    const closedByServer = new Promise<void>((resolve) => (socket as Socket).once('close', () => resolve()));
    (socket as Socket).write(`POST /api/app.status HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Length: 100\r\n\r\n{"half`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const began = performance.now();
    await bridge.close();
    await closedByServer;
    expect(performance.now() - began).toBeLessThan(10_000);
    // The request's end is seen a moment after the socket's.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A client cut off is not a fault: nothing is logged as a failure.
    expect(errors).not.toHaveBeenCalled();
    // Closing again is harmless.
    await bridge.close();
  }, 20_000);

  it('answers 400 to a request line whose address cannot be read, and keeps serving', async () => {
    const { bridge } = await started();
    const answer = await rawExchange(bridge.port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\ncontent-type: text\/plain; charset=utf-8\r\n/i);
    expect(answer).toMatch(/address is not valid/);
    const next = await rawExchange(bridge.port, `GET /api/app.status HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`);
    expect(next).toMatch(/^HTTP\/1\.1 405 /);
  });

  it('closes at once when its only clients are idle between calls', async () => {
    const { bridge } = await started();
    const agent = new Agent({ keepAlive: true });
    cleanups.push(() => agent.destroy());
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/app.status', method: 'POST', agent, headers: { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(200);
    expect(Object.keys(agent.freeSockets)).toHaveLength(1);
    const began = performance.now();
    await bridge.close();
    // Waiting for the idle connection's own end would take 2 s (the forced close) or 5 s (keep-alive).
    expect(performance.now() - began).toBeLessThan(1000);
  });

  it('answers a fault of its own (a value that cannot be sent) with the internal error, logged, and keeps serving', async () => {
    const t = openTestServices();
    const site = tempDir('legpain-site-');
    cleanups.push(() => t.dispose(), () => site.remove());
    const services = { ...t.services, 'app.status': () => ({ count: 10n }) } as unknown as typeof t.services;
    const bridge = await startBridge({ services, rendererDir: site.path });
    cleanups.push(() => bridge.close());
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(() => errors.mockRestore());
    const call = (method: string) =>
      fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${bridge.token}` }, body: '{}' });
    const answer = await call('app.status');
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/went wrong/) } });
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/bridge request failed/), expect.any(TypeError));
    expect((await call('encounter.list')).status).toBe(200);
  });
});
