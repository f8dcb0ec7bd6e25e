/**
 * `npm run bench -- assess`: the engine's time per assessment (target p95 < 0.1 ms) on the
 * vignettes of ../shared (or this suite's own cases when absent) and on seeded random cases of 5 to
 * 40 findings, and the assess command's start-up time (and Node's own, started the same way). Figures on stdout as `bench <name> <v> <unit>`.
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

// Start-up of the command as `npm run assess` starts it (assess.mjs: node, the compile cache, the
// engine, one small case). The cache is a folder of this run, so the first start is a cold one
// (type stripping and compiling every module: a first run, or one after an update) and the others
// are the everyday start. Target (issue 15): < 200 ms.
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-'));
try {
  const file = join(dir, 'case.json');
  writeFileSync(file, JSON.stringify({ findings: ['loc-calf', 'calf-swelling'] }));
  const cli = join(repoRoot, 'electron', 'cli', 'assess.mjs');
  const env = { ...process.env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') };
  const start = (): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, '--json', file], { encoding: 'utf8', env });
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`assess failed: ${r.stderr}`);
    return elapsed;
  };
  const bare = (): number => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const cold = start();
  const runs: number[] = [];
  const node: number[] = [];
  // Interleaved with Node doing nothing, the machine's own floor, so a slow machine shows as such.
  for (let i = 0; i < 11; i++) {
    runs.push(start());
    node.push(bare());
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(`bench assess.cli.startup ${median(runs).toFixed(1)} ms`);
  console.log(`bench assess.cli.startup.cold ${cold.toFixed(1)} ms`);
  console.log(`bench assess.cli.node_baseline ${median(node).toFixed(1)} ms`);
  console.log(`bench assess.cli.startup.over_baseline ${(median(runs) / median(node)).toFixed(2)} x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
