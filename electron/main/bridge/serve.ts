import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openServices } from '../services.ts';
import { startBridge } from './server.ts';

/**
 * `npm run serve`: the real services and database behind the loopback bridge, with the built
 * renderer. Prints exactly one line on standard output (the address with its token); everything
 * else goes to standard error.
 */

const repoRoot = resolve(import.meta.dirname, '../../..');

/** The per-user data folder of the platform (XDG data folder on Linux), unless LEGPAIN_DATA_DIR says otherwise. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.LEGPAIN_DATA_DIR !== undefined && env.LEGPAIN_DATA_DIR !== '') return resolve(env.LEGPAIN_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'leg-pain-ddx');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'leg-pain-ddx');
  return join(env.XDG_DATA_HOME !== undefined && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(home, '.local', 'share'), 'leg-pain-ddx');
}

export function portFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LEGPAIN_PORT;
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`LEGPAIN_PORT must be a port number from 1 to 65535, not "${raw}".`);
  return port;
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const opened = openServices({ dataDir, appVersion: version });
  if (opened.startupNotice !== null) console.error(opened.startupNotice);
  const bridge = await startBridge({ services: opened.services, rendererDir: join(repoRoot, 'out', 'renderer'), port: portFrom() });
  process.stdout.write(`Leg Pain DDx at ${bridge.url}\n`);
  console.error(`Data folder: ${dataDir}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping`);
    // Calls run synchronously against the database, so none is half-done here; close it after the server.
    bridge
      .close()
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        opened.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
