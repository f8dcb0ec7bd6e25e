/**
 * A command-line entry run as one bundled file, rebuilt whenever a source it was built from has
 * changed. Node's ES module loader spends most of the assess command's start-up resolving and
 * linking modules one by one (127 of them, 95 of those zod's), not running them; the bundle is one
 * module, tree-shaken to the 48 the command uses (issue 15: start < 200 ms).
 *
 * The bundle is built with rolldown (vite's bundler, already a build dependency) into a folder of
 * Node's compile cache, beside a manifest of every source file it holds with its size and
 * modification time. A run whose sources all match uses it; any other run rebuilds it first. When
 * rolldown is missing or the folder cannot be written, the caller runs the sources as they are: a
 * slower start, never an older engine.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A source changed this recently may still be being written: the bundle is used, not kept. */
const SETTLE_MS = 2000;

/** The cache folder of one entry file under this Node. */
export function bundleFolder(entryPath, root = module.getCompileCacheDir?.() ?? tmpdir()) {
  const key = createHash('sha256').update(`${entryPath}\0${process.version}`).digest('hex').slice(0, 16);
  return join(root, 'legpain-bundles', key);
}

function stamp(path) {
  const s = statSync(path);
  return [s.size, s.mtimeMs];
}

/** The bundle of the manifest in `folder` when every source it lists is unchanged, else null. */
export function freshBundle(folder) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    for (const [path, size, mtimeMs] of manifest.sources) {
      const [s, m] = stamp(path);
      if (s !== size || m !== mtimeMs) return null;
    }
  } catch {
    return null;
  }
  return join(folder, manifest.bundle);
}

/**
 * Bundles `entryPath` into `folder` and returns the bundle's path, or null when it cannot. The
 * manifest is written last, and only when no source changed during the build (its stamps are
 * taken before the bundle is read back), so a manifest never vouches for a bundle older than it.
 */
export async function buildBundle(entryPath, folder) {
  let rolldown;
  try {
    rolldown = await import('rolldown');
  } catch {
    return null;
  }
  const started = Date.now();
  // Every module the build read, from the module graph: the chunk's own list leaves out a module
  // whose exports were all inlined (a constant), whose edits must still make a new bundle.
  let read = [];
  const graph = { name: 'legpain-sources', buildEnd() { read = [...this.getModuleIds()]; } };
  const { output } = await rolldown.build({ input: entryPath, platform: 'node', write: false, logLevel: 'silent', plugins: [graph], output: { format: 'esm' } });
  const chunk = output[0];
  const sources = read.filter((id) => isAbsolute(id)).map((id) => [id, ...stamp(id)]);
  if (!sources.some(([id]) => id === entryPath)) return null;
  // Named by content, so a process that imported an older bundle never sees this one under its name.
  const name = `bundle-${createHash('sha256').update(chunk.code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(folder, { recursive: true });
  const bundle = join(folder, name);
  writeAtomically(bundle, chunk.code);
  const settled = sources.every(([, , mtimeMs]) => mtimeMs < started - SETTLE_MS);
  if (settled) writeAtomically(join(folder, 'manifest.json'), JSON.stringify({ bundle: name, sources }));
  return bundle;
}

function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Runs the entry at `entryUrl` from its bundle, building it first when needed. Returns false,
 * having run nothing, when no bundle can be had: the caller then imports the entry itself.
 */
export async function runBundled(entryUrl, folder) {
  const entryPath = fileURLToPath(entryUrl);
  const dir = folder ?? bundleFolder(entryPath);
  let bundle = freshBundle(dir);
  if (bundle === null) {
    try {
      bundle = await buildBundle(entryPath, dir);
    } catch {
      bundle = null;
    }
  }
  if (bundle === null) return false;
  await import(pathToFileURL(bundle).href);
  return true;
}
