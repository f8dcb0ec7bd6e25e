import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.ts';

/**
 * The hazard log (shared/clinical/safety/hazard-log.md) names, for every control, the tests that
 * prove it. A renamed, removed or skipped test would leave a control unproven while the log still
 * claims it, so this test reads the log and checks each named test in the tests folder, each control
 * has one, and each rating is the one the DCB0129 matrix gives.
 */

const logPath = join(repoRoot, 'shared', 'clinical', 'safety', 'hazard-log.md');
const log = readFileSync(logPath, 'utf8');
const lines = log.split(/\r?\n/);

const LIKELIHOOD = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
const SEVERITY = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
/** DCB0129/DCB0160 matrix, rows by likelihood (very low first), columns by severity (minor first). */
const MATRIX = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];

interface Control {
  readonly id: string;
  readonly tests: { file: string; title: string }[];
}

function controls(): Control[] {
  const out: { id: string; tests: { file: string; title: string }[] }[] = [];
  for (const line of lines) {
    const control = /^- \*\*(H\d+\.\d+)\*\*/.exec(line);
    if (control) out.push({ id: control[1]!, tests: [] });
    const test = /^\s+- Test: `([^`]+)` › (.+)$/.exec(line);
    if (test) {
      expect(out.length, `a Test line before any control: ${line}`).toBeGreaterThan(0);
      out.at(-1)!.tests.push({ file: test[1]!, title: test[2]!.trim() });
    }
  }
  return out;
}

/** Removes parenthesised arguments, innermost first: `.skipIf(a(b)).each([1])` becomes `.skipIf.each`. */
function withoutArguments(text: string): string {
  let out = text;
  while (/\([^()]*\)/.test(out)) out = out.replace(/\([^()]*\)/g, '');
  return out;
}

/**
 * Where `title` is the title of a describe, it or test call in `source`, the modifiers of that call
 * (['skipIf'], ['each'], [] for a plain call); undefined when no call has that title.
 */
function findTitle(source: string, title: string): string[] | undefined {
  for (const quote of ["'", '"', '`']) {
    const written = quote === "'" ? title.replace(/'/g, "\\'") : quote === '"' ? title.replace(/"/g, '\\"') : title;
    const needle = `${quote}${written}${quote}`;
    for (let at = source.indexOf(needle); at !== -1; at = source.indexOf(needle, at + 1)) {
      // The call may be long (it.each([...])): its statement starts at the last line that begins with it.
      const before = source.slice(Math.max(0, at - 800), at);
      const last = [...before.matchAll(/(?:^|\n)[ \t]*(describe|it|test)\b/g)].at(-1);
      if (last === undefined) continue;
      const call = before.slice(last.index + last[0].length - last[1]!.length).replace(/\s+/g, ' ').trim();
      const m = /^(?:describe|it|test)((?:\.\w+(?:\(.*\))?)*) ?\($/.exec(call);
      if (m) return [...withoutArguments(m[1]!).matchAll(/\.(\w+)/g)].map((x) => x[1]!);
    }
  }
  return undefined;
}

describe('hazard log (shared/clinical/safety/hazard-log.md)', () => {
  const all = controls();

  it('logs the six hazards of issue 10, each with causes, controls, an initial and a residual risk', () => {
    const hazards = lines.filter((l) => /^## H\d+\. /.test(l));
    expect(hazards.map((h) => h.replace(/^## (H\d+)\. .*/, '$1'))).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
    const names = hazards.join('\n').toLowerCase();
    for (const word of ['missed emergency', 'must-not-miss', 'counted twice', 'stale knowledge base', 'wrong patient or lost text', 'lost data']) expect(names).toContain(word);
    for (const h of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6']) {
      const section = log.slice(log.indexOf(`## ${h}. `), log.indexOf('\n## ', log.indexOf(`## ${h}. `) + 1));
      expect(section, h).toMatch(/\| Initial risk \|/);
      expect(section, h).toMatch(/\| Residual risk \|/);
      expect(section, h).toMatch(/### Causes\n- /);
      expect(section, h).toMatch(/### Controls\n- \*\*/);
      expect(all.some((c) => c.id.startsWith(`${h}.`)), h).toBe(true);
    }
  });

  it('names at least one test for every control', () => {
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) expect(c.tests.length, c.id).toBeGreaterThan(0);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it('names only tests that exist in the tests folder and are not skipped', () => {
    const missing: string[] = [];
    for (const c of all) {
      for (const t of c.tests) {
        const path = join(repoRoot, t.file);
        if (!t.file.startsWith('tests/') || !existsSync(path)) {
          missing.push(`${c.id}: no file ${t.file}`);
          continue;
        }
        const modifiers = findTitle(readFileSync(path, 'utf8'), t.title);
        if (modifiers === undefined) missing.push(`${c.id}: no test "${t.title}" in ${t.file}`);
        else if (modifiers.some((m) => m === 'skip' || m === 'todo')) missing.push(`${c.id}: "${t.title}" is skipped`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('rates every risk as the DCB0129 matrix gives it, and no residual risk above the initial one', () => {
    const ratings = [...log.matchAll(/^\| (Initial|Residual) risk \| Severity (\w+) × likelihood ([A-Za-z ]+?) = \*\*(\d)\*\* \|$/gm)];
    expect(ratings).toHaveLength(12);
    for (const [line, , severity, likelihood, rating] of ratings) {
      const s = SEVERITY.indexOf(severity as (typeof SEVERITY)[number]);
      const l = LIKELIHOOD.indexOf(likelihood as (typeof LIKELIHOOD)[number]);
      expect(s, line).toBeGreaterThanOrEqual(0);
      expect(l, line).toBeGreaterThanOrEqual(0);
      expect(Number(rating), line).toBe(MATRIX[l]![s]);
    }
    for (let i = 0; i < ratings.length; i += 2) expect(Number(ratings[i + 1]![4]), ratings[i + 1]![0]).toBeLessThanOrEqual(Number(ratings[i]![4]));
  });

  it('finds a test title only as the title of a test, and sees a skipped one', () => {
    const source = [
      "describe('a group', () => {",
      "  it('does one thing', () => {});",
      "  it.skip('is skipped', () => {});",
      "  it.each([['a'], ['b']])('runs %s', () => {});",
      "  it(\"keeps the clinician's words\", () => {});",
      "  const label = 'not a test';",
      "  it.skipIf(process.platform === 'win32')('runs on Linux', () => {});",
      '  it(`keeps every save through ${KILLS} kills`, () => {});',
      '});',
    ].join('\n');
    expect(findTitle(source, 'does one thing')).toEqual([]);
    expect(findTitle(source, 'a group')).toEqual([]);
    expect(findTitle(source, 'is skipped')).toEqual(['skip']);
    expect(findTitle(source, 'runs %s')).toEqual(['each']);
    expect(findTitle(source, "keeps the clinician's words")).toEqual([]);
    expect(findTitle(source, 'not a test')).toBeUndefined();
    expect(findTitle(source, 'runs on Linux')).toEqual(['skipIf']);
    expect(findTitle(source, 'keeps every save through ${KILLS} kills')).toEqual([]);
    expect(findTitle(source, 'does one')).toBeUndefined();
  });
});
