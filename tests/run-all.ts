/**
 * The whole test suite, as the README's test command and CI run it: build, typecheck, lint, then
 * every vitest project (unit and end-to-end), the unit tests in a shuffled order whose seed is
 * printed. Ends with the reasons for any skipped test or missing tool, then one line
 * `N passed, N failed, N skipped` counting every test and check it ran; exits non-zero when
 * anything failed.
 *
 *   npm test                         everything, in a new random order
 *   npm test -- --seed 42            the same order as a run that printed seed 42
 *   npm test -- tests/main/referral  only the vitest files under these paths (no build, typecheck or lint)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closingLine, reasonLines, skippedTests, type Surroundings, type VitestReport } from './suite/summary.ts';

const repoRoot = resolve(import.meta.dirname, '..');
process.chdir(repoRoot);

function parseArgs(argv: readonly string[]): { seed: number; paths: string[] } {
  let seed = Math.floor(Math.random() * 1_000_000);
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--seed=(.*)$/.exec(arg);
    if (arg === '--seed' || inline !== null) {
      const value = inline !== null ? inline[1]! : argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) throw new Error(`--seed takes a whole number, not "${value ?? ''}"`);
      seed = Number(value);
    } else paths.push(arg);
  }
  return { seed, paths };
}

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: readonly string[]): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = result.status === 0;
  console.log(`=== ${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

const bin = (name: string): string => join('node_modules', '.bin', name);
const installed = (tool: string): boolean => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

function surroundings(): Surroundings {
  const sharedDir = resolve(repoRoot, '..', 'shared');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missingTools = [
    { tool: 'pdftotext', present: installed('pdftotext'), install: 'it comes with poppler-utils (on Debian: apt-get install poppler-utils)' },
    { tool: 'pdftoppm', present: installed('pdftoppm'), install: 'it comes with poppler-utils (on Debian: apt-get install poppler-utils)' },
    { tool: `Chromium (${chromium})`, present: existsSync(chromium), install: 'on Debian: apt-get install chromium, or set CHROMIUM_PATH to a Chromium' },
  ].filter((t) => !t.present);
  return { sharedDir, sharedPresent: existsSync(sharedDir), missingTools };
}

const { seed, paths } = parseArgs(process.argv.slice(2));

if (paths.length === 0) {
  for (const [name, cmd, args] of [
    ['build', bin('electron-vite'), ['build']],
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npm', ['run', '--silent', 'lint']],
  ] as const) {
    if (step(name, cmd, args)) passed++;
    else failed++;
  }
} else {
  console.log(`=== only the vitest files under ${paths.join(', ')}: no build, typecheck or lint`);
}

const report = join(mkdtempSync(join(tmpdir(), 'legpain-vitest-')), 'report.json');
console.log(`\n=== unit tests shuffled with seed ${seed} (to repeat this order: npm test -- --seed ${seed})`);
const vitestOk = step('vitest', bin('vitest'), ['run', `--sequence.seed=${seed}`, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...paths]);
let skipped = 0;
const reasons: string[] = [];
try {
  const summary = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  // A file that fails to load runs no test but fails the run: count it so it cannot pass silently.
  if (!vitestOk && summary.numFailedTests === 0) failed++;
  const notRun = skippedTests(summary, repoRoot);
  skipped = notRun.length;
  reasons.push(...reasonLines(notRun, surroundings()));
} catch {
  console.error('vitest wrote no report');
  failed++;
  reasons.push(...reasonLines([], surroundings()));
}

if (reasons.length > 0) console.log(['', ...reasons].join('\n'));
console.log(closingLine(passed, failed, skipped));
process.exit(failed === 0 ? 0 : 1);
