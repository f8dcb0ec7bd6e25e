/**
 * `npm run mutate`: Stryker mutation testing over the areas of tests/mutation/areas.ts, one area
 * after another (two cores), each with only its own test files. Prints per area
 *   bench mutation.<area>.score <n> %        killed / (killed + survived + not covered), timeouts counting as killed
 *   bench mutation.<area>.survived <n> count the mutants no test noticed (survived or not covered)
 *   bench mutation.<area>.duration <s> s     wall time of the area's run
 * and lists the surviving mutants. Reports: test-results/mutation/<area>/index.html (HTML) and
 * mutation.json; the incremental state (stryker.config.mjs: ~/.cache/leg-pain-ddx/mutation/<area>/) makes a
 * run after a small change take minutes.
 *
 *   npm run mutate                  every area
 *   npm run mutate -- engine store  these areas
 *   npm run mutate -- --full engine ignore the incremental state and test every mutant again
 *   npm run mutate -- engine --only=shared/clinical/engine/wells.ts,shared/clinical/engine/conditions.ts
 *                                   only these files or line ranges (file.ts:10-20) of the area (a first run of a
 *                                   whole area can take hours on two cores). Results outside them are kept from
 *                                   the incremental state only while still valid: a mutant a changed or new test
 *                                   covers is left out of the report until it is tested again, so the score then
 *                                   counts fewer mutants; the count is printed with it
 * While a run goes on, each surviving mutant is written to test-results/mutation/<area>/survivors.log.
 * Exits non-zero when Stryker fails or an area scores under the goal of 85 %.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { areaNamed, areas } from './areas.ts';

const GOAL = 85;
const repoRoot = resolve(import.meta.dirname, '..', '..');
process.chdir(repoRoot);

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>;
}

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.filter((a) => a.startsWith('--only=')).flatMap((a) => a.slice('--only='.length).split(',').filter((f) => f !== ''));
const chosen = args.filter((a) => a !== '--full' && !a.startsWith('--only='));
const toRun = chosen.length === 0 ? areas : chosen.map(areaNamed);

// The sandbox is .stryker-tmp/sandbox-*; the clinical tests read ../shared from the repository root,
// which in the sandbox is .stryker-tmp/shared.
const tempDir = join(repoRoot, '.stryker-tmp');
const sharedLink = join(tempDir, 'shared');
const sharedDir = resolve(repoRoot, '..', 'shared');
function linkShared(): void {
  mkdirSync(tempDir, { recursive: true });
  if (existsSync(sharedLink) || isLink(sharedLink)) return;
  if (existsSync(sharedDir)) symlinkSync(sharedDir, sharedLink, 'dir');
  else console.log(`note: ${sharedDir} is missing, so the tests that read the vignettes skip and kill nothing`);
}
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function tidy(): void {
  if (isLink(sharedLink)) unlinkSync(sharedLink);
  if (existsSync(tempDir) && readdirSync(tempDir).length === 0) rmdirSync(tempDir);
}

const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

let failed = false;
for (const area of toRun) {
  linkShared();
  console.log(`\n=== mutation testing ${area.name}: ${area.mutate.join(', ')}`);
  const started = performance.now();
  const onlyHere = only.filter((f) => area.mutate.some((glob) => f === glob || f.startsWith(glob.replace(/\*\*.*$/, ''))));
  if (only.length > 0 && onlyHere.length === 0) {
    console.log(`=== ${area.name}: none of ${only.join(', ')} is in this area (${area.mutate.join(', ')})`);
    failed = true;
    continue;
  }
  if (onlyHere.length > 0) console.log(`only: ${onlyHere.join(', ')}`);
  const run = spawnSync(join('node_modules', '.bin', 'stryker'), ['run', 'stryker.config.mjs', ...(full ? ['--force'] : []), ...(onlyHere.length > 0 ? ['--mutate', onlyHere.join(',')] : [])], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_AREA: area.name },
  });
  const seconds = (performance.now() - started) / 1000;
  const reportPath = join('test-results', 'mutation', area.name, 'mutation.json');
  if (run.status !== 0 || !existsSync(reportPath)) {
    console.log(`=== ${area.name}: Stryker FAILED (exit ${run.status ?? run.signal})`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  let caught = 0;
  const survivors: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    for (const m of mutants) {
      if (detected.has(m.status)) caught++;
      else if (undetected.has(m.status)) {
        const { line, column } = m.location.start;
        const code = (lines[line - 1] ?? '').trim().slice(0, 100);
        survivors.push(`  ${relative(repoRoot, resolve(file))}:${line}:${column} ${m.status} ${m.mutatorName}${m.replacement === undefined ? '' : ` -> ${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}`}   | ${code}`);
      }
    }
  }
  const valid = caught + survivors.length;
  const score = valid === 0 ? 100 : (100 * caught) / valid;
  if (survivors.length > 0) console.log(`surviving mutants in ${area.name}:\n${survivors.join('\n')}`);
  const reported = Object.values(report.files).reduce((n, f) => n + f.mutants.length, 0);
  console.log(`files reported: ${Object.keys(report.files).map((f) => relative(repoRoot, resolve(f))).join(', ')} (${reported} mutants, ${valid} that compile and run)`);
  console.log(`report: ${join('test-results', 'mutation', area.name, 'index.html')}`);
  console.log(`bench mutation.${area.name}.score ${score.toFixed(1)} %`);
  console.log(`bench mutation.${area.name}.survived ${survivors.length} count`);
  console.log(`bench mutation.${area.name}.duration ${seconds.toFixed(0)} s`);
  if (score < GOAL) {
    console.log(`=== ${area.name}: ${score.toFixed(1)} % is under the goal of ${GOAL} %`);
    failed = true;
  }
}
tidy();
process.exit(failed ? 1 : 0);
