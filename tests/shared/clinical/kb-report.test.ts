import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../../shared/clinical/kb/index.ts';
import { basisCounts, formatKbReport, kbReportRows } from '../../../shared/clinical/kbReport.ts';
import type { RuleDef } from '../../../shared/clinical/types.ts';
import { repoRoot } from './helpers.ts';

/** `npm run kb:report`, run as a real process, as the reviewing clinician runs it. */

const script = join(repoRoot, 'electron', 'cli', 'kb-report.ts');
function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rules = knowledgeBase.rules;
const estimates = rules.filter((r) => r.basis.kind === 'expert-estimate').map((r) => r.id);

describe('kb:report command', () => {
  const text = run([]);
  const markdown = run(['--markdown']);

  it('prints the plain-text report of today’s knowledge base, and nothing on stderr', () => {
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toBe(formatKbReport('text'));
    expect(text.stdout).toContain(`Knowledge base ${knowledgeBase.version}.`);
  });

  it('has one table line per rule, with its cause, finding, present or absent, weight and basis', () => {
    const lines = text.stdout.split('\n');
    for (const r of rules) {
      const mine = lines.filter((l) => l.startsWith(`${r.id} `));
      expect(mine, r.id).toHaveLength(1);
      const finding = knowledgeBase.findings.find((f) => f.id === r.finding)!.label;
      expect(mine[0], r.id).toContain(finding);
      expect(mine[0], r.id).toMatch(new RegExp(`  ${r.when}  +${r.weight > 0 ? '\\+' : ''}${String(r.weight).replace('.', '\\.')}  +(source|published|expert estimate)  `));
    }
  });

  it('counts the rules of each basis kind, and they add up', () => {
    const counts = basisCounts(kbReportRows());
    expect(counts.source + counts.published + counts['expert-estimate']).toBe(rules.length);
    expect(counts.published).toBeGreaterThan(0);
    expect(text.stdout).toContain(`${rules.length} rules: ${counts.source} source, ${counts.published} published, ${counts['expert-estimate']} expert estimate.`);
  });

  it('lists exactly the rules still "expert estimate"', () => {
    const tail = text.stdout.slice(text.stdout.indexOf('RULES STILL "EXPERT ESTIMATE"'));
    expect(tail.split('\n')[0]).toBe(`RULES STILL "EXPERT ESTIMATE" (${estimates.length})`);
    const listed = tail.split('\n').slice(1).filter(Boolean).map((l) => l.trim().replace(/ \([+-]?[\d.]+\)$/, ''));
    expect(listed).toEqual(estimates);
  });

  it('shows each published figure with its quote and full reference', () => {
    for (const r of rules) {
      if (r.basis.kind !== 'published') continue;
      expect(text.stdout, r.id).toContain(r.basis.figure);
      expect(text.stdout, r.id).toContain(`“${r.basis.quote}”`);
      expect(text.stdout, r.id).toContain(knowledgeBase.references.find((x) => x.id === (r.basis as { reference: string }).reference)!.title);
    }
  });

  it('--markdown prints a table with a row per rule, the counts and the estimate list', () => {
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toBe(formatKbReport('markdown'));
    const rows = markdown.stdout.split('\n').filter((l) => /^\| `[^`]+` \|/.test(l));
    expect(rows.map((l) => l.slice(3, l.indexOf('`', 3)))).toEqual(rules.map((r) => r.id));
    // Every row has the seven columns: no stray pipe from a quote breaks the table.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(7);
    expect(markdown.stdout).toContain(`## Rules still "expert estimate" (${estimates.length})`);
    for (const id of estimates) expect(markdown.stdout).toContain(`- \`${id}\``);
  });

  it('refuses an unknown option in one line, exit status 2, nothing on stdout', () => {
    const r = run(['--csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Unknown option "--csv"\. Usage: [^\n]+\n$/);
  });
});

describe('kb report of a given knowledge base', () => {
  const rule = (id: string, weight: number, basis: RuleDef['basis'], when: RuleDef['when'] = 'present'): RuleDef => {
    const [cause, finding] = id.split(':') as [string, string];
    return { id, cause, finding: finding.replace(/^no-/, ''), when, weight, reason: 'r', citation: { reference: 'x' }, basis };
  };
  const kb = {
    version: 'test-1',
    causes: [{ ...knowledgeBase.causes[0]!, id: 'c', shortLabel: 'Cause C' }],
    findings: [{ ...knowledgeBase.findings[0]!, id: 'f', label: 'Finding | with a pipe' }],
    references: [{ id: 'ref-1', title: 'Author A. A title. J Test 2001;1(2):3-4', uses: 'figures' }],
    rules: [
      rule('c:f', 2, { kind: 'published', reference: 'ref-1', figure: 'LR 2.5', quote: 'The LR was 2.5.' }),
      rule('c:no-f', -1, { kind: 'expert-estimate', note: 'guess' }, 'absent'),
    ],
  } as unknown as typeof knowledgeBase;

  it('names the figure, the estimate and the absent finding, and escapes pipes in markdown', () => {
    const md = formatKbReport('markdown', kb);
    expect(md).toContain('| `c:f` | Cause C | Finding \\| with a pipe | present | +2 | published | LR 2.5 [ref-1] |');
    expect(md).toContain('| `c:no-f` | Cause C | Finding \\| with a pipe | absent | -1 | expert estimate | guess |');
    expect(md).toContain('Knowledge base test-1. 2 rules: 0 source, 1 published, 1 expert estimate.');
    expect(md).toContain('- `c:no-f` (-1): Finding | with a pipe (absent) → Cause C');
  });
});
