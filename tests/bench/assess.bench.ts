/**
 * `npm run bench -- assess`: the engine's time per assessment (target p95 < 0.1 ms) on the
 * vignettes of ../shared (or this suite's own cases when absent) and on seeded random cases of 5 to
 * 40 findings, and the assess command's start-up time. Figures on stdout as `bench <name> <v> <unit>`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assess, knowledgeBase } from '../../shared/clinical/index.ts';
import { prng, shuffle } from '../shared/prng.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const vignettesDir = resolve(repoRoot, '../shared/vignettes');

const ownCases: unknown[] = [
  { findings: ['loc-lower-back', 'radiates-from-back', 'radiates-below-knee', 'char-burning', 'worse-sitting', 'ex-slr-positive'] },
  { findings: ['loc-calf', 'unilateral', 'calf-swelling', 'warmth', 'rf-recent-surgery', 'ex-pitting-edema'], absent: ['bruising-calf-ankle'] },
  { findings: ['loc-calf', 'char-cramping', 'exertional-relieved-by-rest', 'rf-smoking', 'ex-diminished-pulses'], absent: ['calf-swelling'] },
  { findings: ['loc-buttock', 'bilateral', 'standing-walking-slow-relief', 'relieved-sitting-or-flexion'], absent: ['ex-diminished-pulses'] },
];

function vignetteCases(): unknown[] {
  if (!existsSync(vignettesDir)) {
    console.error(`# ${vignettesDir} not found: using this benchmark's own cases`);
    return ownCases;
  }
  return readdirSync(vignettesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(vignettesDir, f), 'utf8')) as { case: unknown }).case);
}

/** Seeded random cases (mulberry32), 5 to 40 distinct findings, about a quarter of them absent. */
function randomCases(count: number, seed: number): unknown[] {
  const random = prng(seed);
  const ids = knowledgeBase.findings.map((f) => f.id);
  return Array.from({ length: count }, () => {
    const pool = shuffle(ids, random);
    const chosen = pool.slice(0, 5 + Math.floor(random() * 36));
    const absentFrom = Math.ceil(chosen.length * 0.75);
    return { findings: chosen.slice(0, absentFrom), absent: chosen.slice(absentFrom) };
  });
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const ms = (v: number): string => v.toFixed(4);

/** Times each call separately (the clock costs ~0.1 µs, small beside an assessment). */
function time(cases: readonly unknown[], iterations: number): Float64Array {
  for (let i = 0; i < 5000; i++) assess(cases[i % cases.length]);
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const c = cases[i % cases.length];
    const start = process.hrtime.bigint();
    assess(c);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return samples.sort();
}

function report(name: string, samples: Float64Array): void {
  console.log(`bench assess.${name}.p50 ${ms(percentile(samples, 0.5))} ms`);
  console.log(`bench assess.${name}.p95 ${ms(percentile(samples, 0.95))} ms`);
}

report('vignettes', time(vignetteCases(), 50_000));
report('random', time(randomCases(2000, 20261125), 50_000));

// Start-up of the command: node, type stripping, loading the knowledge base, one small case.
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-'));
try {
  const file = join(dir, 'case.json');
  writeFileSync(file, JSON.stringify({ findings: ['loc-calf', 'calf-swelling'] }));
  const cli = join(repoRoot, 'electron', 'cli', 'assess.ts');
  const runs: number[] = [];
  for (let i = 0; i < 11; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, '--json', file], { encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`assess failed: ${r.stderr}`);
    if (i > 0) runs.push(elapsed); // the first run warms the file cache
  }
  runs.sort((a, b) => a - b);
  console.log(`bench assess.cli.startup ${runs[Math.floor(runs.length / 2)]!.toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
