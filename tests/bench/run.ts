/**
 * `npm run bench` runs every benchmark in tests/bench/*.bench.ts, each in its own Node process so
 * one cannot warm the other; `npm run bench -- <name>` runs those whose file name contains <name>.
 * Each prints its figures as lines `bench <name> <value> <unit>`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter === undefined || f.includes(filter))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches "${filter ?? ''}". Known: ${readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).join(', ')}`);
  process.exit(2);
}

let failures = 0;
for (const file of files) {
  console.error(`# ${file}`);
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--expose-gc', join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
process.exit(failures === 0 ? 0 : 1);
