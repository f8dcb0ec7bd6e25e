import { globSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KB_VERSION, assessForStorage, formatReport } from '../../../shared/clinical/index.ts';
import { runCli, withCaseFile } from './helpers.ts';

/** The assess command's contract (spec/assess-cli.md), run as a real process. */

const pad = { age: 68, sex: 'male', findings: ['loc-calf', 'exertional-relieved-by-rest'], absent: ['calf-swelling'] };

/** Exit status 2, nothing on stdout, exactly one line on stderr. */
function expectOneLineError(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^[^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

describe('assess command', () => {
  it('--json prints one JSON document: the assessment with its knowledge-base version', () => {
    const r = withCaseFile(JSON.stringify(pad), (file) => runCli(['--json', file]));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(assessForStorage(pad));
    expect(printed.knowledgeBase).toBe(KB_VERSION);
  });

  it('reads the case from standard input with -', () => {
    const r = runCli(['-', '--json'], JSON.stringify(pad));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(assessForStorage(pad));
  });

  it('without --json prints the readable report of the same assessment', () => {
    const r = runCli(['-'], JSON.stringify(pad));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(formatReport(assessForStorage(pad)));
  });

  it('reads a file saved with a byte-order mark', () => {
    const r = withCaseFile(`\uFEFF${JSON.stringify(pad)}`, (file) => runCli(['--json', file]));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(assessForStorage(pad));
  });

  it('names an unknown id and the closest known ids', () => {
    expectOneLineError(runCli(['-'], JSON.stringify({ findings: ['loc-calff'] })), /findings\[0\]: Unknown finding id "loc-calff"; closest known: loc-calf, /);
  });

  it('refuses invalid JSON', () => {
    expectOneLineError(runCli(['--json', '-'], '{"findings": ["loc-calf"'), /standard input is not valid JSON/);
  });

  it('refuses findings or absent that are not lists of strings', () => {
    expectOneLineError(runCli(['-'], JSON.stringify({ findings: 'loc-calf' })), /findings: must be a list of finding ids \(strings\)/);
    expectOneLineError(runCli(['-'], JSON.stringify({ findings: [], absent: [1] })), /absent\[0\]: must be a finding id \(a string\), not number/);
  });

  it('refuses an id that is both present and absent', () => {
    expectOneLineError(runCli(['-'], JSON.stringify({ findings: ['loc-calf'], absent: ['loc-calf'] })), /absent\[0\]: Finding "loc-calf" is recorded both present and absent/);
  });

  it('refuses a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legpain-cli-'));
    try {
      expectOneLineError(runCli([join(dir, 'missing.json')]), /Cannot read the case ".*missing\.json": no such file/);
      expectOneLineError(runCli([dir]), /Cannot read the case .*: it is a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad arguments with the usage', () => {
    expectOneLineError(runCli([]), /No case given\. Usage: npm run --silent assess -- \[--json\]/);
    expectOneLineError(runCli(['--xml', '-']), /Unknown option "--xml"\. Usage:/);
    expectOneLineError(runCli(['a.json', 'b.json']), /Give one case, not 2\. Usage:/);
  });
});

/** What the command's start-up pays for (issue 15: start < 200 ms; the figure itself is a benchmark). */
describe('assess command start-up', () => {
  it('keeps compiled modules in Node\'s compile cache (in the temporary folder) and answers the same from it', () => {
    const temp = mkdtempSync(join(tmpdir(), 'legpain-cli-cache-'));
    try {
      // No NODE_COMPILE_CACHE: the command turns the cache on itself, in the system's temporary folder.
      const { NODE_COMPILE_CACHE: _unset, ...inherited } = process.env;
      const env = { ...inherited, TMPDIR: temp, TMP: temp, TEMP: temp };
      const first = runCli(['-', '--json'], JSON.stringify(pad), { env, replaceEnv: true });
      const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });
      expect(files(temp).filter((f) => f.startsWith('node-compile-cache')).length).toBeGreaterThan(1);
      const second = runCli(['-', '--json'], JSON.stringify(pad), { env, replaceEnv: true });
      expect(first.status).toBe(0);
      expect(second).toEqual(first);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('starts from one bundle of the engine, without the assessment schemas or the finding search it never uses', () => {
    // A module hook (Node's registerHooks, in the command's own process) lists every module loaded.
    const hook = [
      "import { registerHooks } from 'node:module';",
      'const seen = [];',
      'registerHooks({ load(url, context, next) { seen.push(url); return next(url, context); } });',
      "process.on('exit', () => process.stderr.write(seen.join('\\n') + '\\n'));",
    ].join('\n');
    const cache = mkdtempSync(join(tmpdir(), 'legpain-cli-cache-'));
    try {
      const run = () => runCli(['-', '--json'], JSON.stringify(pad), { nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(hook)}`], env: { NODE_COMPILE_CACHE: cache } });
      const first = run();
      expect(first.status).toBe(0);
      // The everyday start: Node's ES module loader links a handful of files, not the 127 sources.
      const second = run();
      expect(second.stdout).toBe(first.stdout);
      const loaded = second.stderr.split('\n').filter((u) => u.startsWith('file:'));
      expect(loaded.filter((u) => u.includes('/shared/') || u.includes('/node_modules/'))).toEqual([]);
      expect(loaded.some((u) => /\/legpain-bundles\/.*\.mjs$/.test(u))).toBe(true);
      // What went into the bundle: the engine, not the schemas or the search.
      const [manifest] = globSync(join(cache, '**', 'manifest.json'));
      const sources = (JSON.parse(readFileSync(manifest!, 'utf8')) as { sources: [string, number, number][] }).sources.map(([path]) => path);
      expect(sources.some((u) => u.endsWith('/shared/clinical/engine/assess.ts'))).toBe(true);
      expect(sources.filter((u) => /\/shared\/clinical\/(index|assessment|engine\/search)\.ts$/.test(u))).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
