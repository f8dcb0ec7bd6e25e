import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../../../shared/clinical/assessment.ts';
import { knowledgeBase } from '../../../shared/clinical/index.ts';

/** Paths and helpers shared by the clinical tests. ../shared is read at run time, never copied. */

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const sharedDir = resolve(repoRoot, '../shared');
export const vignettesDir = join(sharedDir, 'vignettes');
/** Vocabulary v2's vignettes (new causes, red-flag urgencies, `above` and `noRedFlags`). */
export const vignettesV2Dir = join(sharedDir, 'vignettes-v2');
export const vignetteDirs: readonly string[] = [vignettesDir, vignettesV2Dir];
export const sourcePath = join(sharedDir, 'source', 'back-of-the-legs-pain-causes.txt');
/** Vocabulary v2 supersedes v1 (additive): the knowledge base implements v2 and keeps every v1 id. */
export const vocabularyPath = join(sharedDir, 'spec', 'vocabulary-v2.json');
export const vocabularyV1Path = join(sharedDir, 'spec', 'vocabulary.json');
export const cliPath = join(repoRoot, 'electron', 'cli', 'assess.mjs');

export interface Vignette {
  /** The folder and file, e.g. "vignettes-v2/achilles-rupture-classic.json". */
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly case: unknown;
  readonly expect: Record<string, unknown>;
}

/** The vignettes of one folder (default: both), found at run time; none when the folder is missing. */
export function loadVignettes(dirs: readonly string[] = vignetteDirs): Vignette[] {
  return dirs.flatMap((dir) =>
    !existsSync(dir)
      ? []
      : readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Vignette, 'file'>), file: `${basename(dir)}/${f}` })),
  );
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the assess command exactly as `npm run assess` does (same Node, same flags). */
export function runCli(args: readonly string[], stdin?: string, options: { nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv; replaceEnv?: boolean } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', ...(options.nodeArgs ?? []), cliPath, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input: stdin ?? '',
    timeout: 30_000,
    env: options.replaceEnv === true ? options.env : { ...process.env, ...options.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a case to a file in a fresh temporary folder, runs `fn` with its path, then cleans up. */
export function withCaseFile<T>(content: string, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'legpain-assess-'));
  try {
    const file = join(dir, 'case.json');
    writeFileSync(file, content);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Checker = (a: Assessment, value: unknown) => string[];

const rankOf = (a: Assessment, cause: string): number => a.differential.find((d) => d.cause === cause)?.rank ?? Infinity;
const topN = (a: Assessment, n: number): string[] => a.differential.filter((d) => d.rank <= n).map((d) => d.cause);
const raised = (a: Assessment): string[] => a.redFlags.map((f) => f.id);
const suggested = (a: Assessment): string[] => a.imaging.map((i) => i.modality);

/** One checker per `expect` key of spec/assess-cli.md; each returns what failed, in words. */
const checkers: Readonly<Record<string, Checker>> = {
  topCause: (a, v) => (a.differential[0]?.cause === v ? [] : [`top cause is ${a.differential[0]?.cause}, expected ${String(v)}`]),
  inTop: (a, v) => {
    const { n, causes } = v as { n: number; causes: string[] };
    return causes.filter((c) => !topN(a, n).includes(c)).map((c) => `${c} is not in the top ${n} (rank ${rankOf(a, c)})`);
  },
  notInTop: (a, v) => {
    const { n, causes } = v as { n: number; causes: string[] };
    return causes.filter((c) => topN(a, n).includes(c)).map((c) => `${c} is in the top ${n} (rank ${rankOf(a, c)})`);
  },
  above: (a, v) =>
    (v as [string, string][]).filter(([x, y]) => !(rankOf(a, x) < rankOf(a, y))).map(([x, y]) => `${x} (rank ${rankOf(a, x)}) is not above ${y} (rank ${rankOf(a, y)})`),
  redFlags: (a, v) => (v as string[]).filter((id) => !raised(a).includes(id)).map((id) => `red flag ${id} not raised`),
  noRedFlags: (a, v) => (v as string[]).filter((id) => raised(a).includes(id)).map((id) => `red flag ${id} raised`),
  redFlagUrgency: (a, v) =>
    Object.entries(v as Record<string, string>)
      .filter(([id, urgency]) => a.redFlags.find((f) => f.id === id)?.urgency !== urgency)
      .map(([id, urgency]) => `red flag ${id} is ${a.redFlags.find((f) => f.id === id)?.urgency ?? 'not raised'}, expected ${urgency}`),
  imaging: (a, v) => (v as string[]).filter((m) => !suggested(a).includes(m)).map((m) => `${m} not suggested`),
  // "Urgent" in the contract means at least urgent: imaging an emergency calls for is more so.
  imagingUrgent: (a, v) =>
    (v as string[])
      .filter((m) => !['urgent', 'emergency'].includes(a.imaging.find((i) => i.modality === m)?.urgency ?? 'none'))
      .map((m) => `${m} not suggested as urgent or emergency`),
  wellsDvt: (a, v) => {
    const { points, category } = v as { points?: number; category?: string };
    const w = a.scores.wellsDvt;
    return [
      ...(points !== undefined && w.points !== points ? [`Wells points ${w.points}, expected ${points}`] : []),
      ...(category !== undefined && w.category !== category ? [`Wells category ${w.category}, expected ${category}`] : []),
    ];
  },
  allCauses: (a, v) => {
    if (v !== true) return [];
    const listed = a.differential.map((d) => d.cause);
    const expected = knowledgeBase.causes.map((c) => c.id);
    return listed.length === expected.length && expected.every((c) => listed.filter((x) => x === c).length === 1)
      ? []
      : [`differential lists ${listed.join(', ')}; expected every cause once`];
  },
};

export const EXPECT_KEYS: readonly string[] = Object.keys(checkers);

/** Every failed expectation of a vignette; throws on a key this suite does not know, so none is silently ignored. */
export function checkExpectations(assessment: Assessment, expectations: Record<string, unknown>): string[] {
  return Object.entries(expectations).flatMap(([key, value]) => {
    const check = checkers[key];
    if (check === undefined) throw new Error(`Unknown vignette expectation "${key}"; known: ${EXPECT_KEYS.join(', ')}`);
    return check(assessment, value);
  });
}
