import { spawnSync, execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Scenario } from './run-app.ts';

/**
 * The app as electron-vite builds it, in a folder of its own (never the repository's out/, which
 * other tests read while this one builds), and a way to run it under the stand-in `electron`.
 */

export const ROOT = resolve(import.meta.dirname, '../../../..');

export interface Staging {
  /** A project folder: package.json, node_modules (linked to the repository's) and out/. */
  readonly dir: string;
  readonly outDir: string;
  remove(): void;
}

/**
 * Builds the current sources with electron-vite into <staging>/out. `forPackaging`: also the
 * packaging inputs (electron/build, resources/) and a copy of node_modules made of hard links
 * (electron-builder's dependency search does not follow a symlinked node_modules); otherwise
 * node_modules is a symlink, which is all Node needs to resolve the imports.
 */
export function buildApp(options: { forPackaging?: boolean } = {}): Staging {
  const dir = mkdtempSync(join(tmpdir(), 'legpain-app-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const outDir = join(dir, 'out');
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', outDir, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}${build.stderr}`);
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(dir, file));
    if (options.forPackaging === true) {
      for (const folder of ['electron/build', 'resources']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
      const link = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
      // Another file system: a real copy.
      if (link.status !== 0) rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
      if (link.status !== 0 && spawnSync('cp', ['-a', join(ROOT, 'node_modules'), join(dir, 'node_modules')]).status !== 0) {
        throw new Error('could not copy node_modules into the staging folder');
      }
    } else {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    }
    return { dir, outDir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** What run-app.ts saw; see that file for the fields. */
export type Report = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const run = promisify(execFile);

/** Runs the built app under the stand-in `electron` through one scenario, in a child process of its own. */
export async function runApp(scenario: Omit<Scenario, 'userData' | 'letterPath'> & Partial<Pick<Scenario, 'userData' | 'letterPath'>>): Promise<Report> {
  const work = mkdtempSync(join(tmpdir(), 'legpain-run-'));
  try {
    const full: Scenario = { userData: join(work, 'user-data'), letterPath: join(work, 'letters', 'letter.pdf'), ...scenario };
    mkdirSync(join(work, 'letters'), { recursive: true });
    writeFileSync(join(work, 'scenario.json'), JSON.stringify(full));
    await run(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'run-app.ts'), join(work, 'scenario.json'), join(work, 'report.json')], {
      cwd: work,
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'ELECTRON_RENDERER_URL' && name !== 'LEGPAIN_DATA_DIR')),
      timeout: 60_000,
    });
    return JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as Report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
