import type { RuleDef, WeightBasis } from './types.ts';
import { knowledgeBase } from './kb/index.ts';

/**
 * The knowledge-base report (`npm run kb:report`): every rule with its weight and the basis of that
 * weight, so a reviewing clinician sees at a glance which weights rest on the source's words, which
 * on a published accuracy figure, and which are still an expert estimate to be reviewed. Pure: the
 * same knowledge base always gives the same text.
 */

export type BasisKind = WeightBasis['kind'];
export const BASIS_KINDS: readonly BasisKind[] = ['source', 'published', 'expert-estimate'];
export const basisKindLabel: Readonly<Record<BasisKind, string>> = {
  source: 'source',
  published: 'published',
  'expert-estimate': 'expert estimate',
};

export interface KbReportRow {
  readonly id: string;
  readonly cause: string;
  readonly causeLabel: string;
  readonly finding: string;
  readonly findingLabel: string;
  readonly when: RuleDef['when'];
  readonly weight: number;
  readonly basis: BasisKind;
  /** The source's words, the published figure with its reference, or the estimate's note. */
  readonly basisText: string;
  /** Rules sharing this key read one observation and count once. */
  readonly observation?: string;
}

type Kb = Pick<typeof knowledgeBase, 'version' | 'rules' | 'causes' | 'findings' | 'references'>;

function basisText(rule: RuleDef): string {
  const b = rule.basis;
  if (b.kind === 'published') return `${b.figure} [${b.reference}]`;
  if (b.kind === 'source') return `“${b.statement}” [source: ${rule.citation.source ?? 'the clinical source'}]`;
  return b.note;
}

export function kbReportRows(kb: Kb = knowledgeBase): KbReportRow[] {
  const cause = new Map(kb.causes.map((c) => [c.id, c.shortLabel]));
  const finding = new Map(kb.findings.map((f) => [f.id, f.label]));
  return kb.rules.map((r) => ({
    id: r.id,
    cause: r.cause,
    causeLabel: cause.get(r.cause) ?? r.cause,
    finding: r.finding,
    findingLabel: finding.get(r.finding) ?? r.finding,
    when: r.when,
    weight: r.weight,
    basis: r.basis.kind,
    basisText: basisText(r),
    ...(r.observation === undefined ? {} : { observation: r.observation }),
  }));
}

export function basisCounts(rows: readonly KbReportRow[]): Record<BasisKind, number> {
  const counts: Record<BasisKind, number> = { source: 0, published: 0, 'expert-estimate': 0 };
  for (const r of rows) counts[r.basis] += 1;
  return counts;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function summary(rows: readonly KbReportRow[]): string {
  const counts = basisCounts(rows);
  return `${rows.length} rules: ${BASIS_KINDS.map((k) => `${counts[k]} ${basisKindLabel[k]}`).join(', ')}.`;
}

/** Each published figure once, with its verbatim quote and the full reference. */
function publishedFigures(kb: Kb): { ids: string[]; reference: string; title: string; figure: string; quote: string }[] {
  const titles = new Map(kb.references.map((r) => [r.id, r.title]));
  const out = new Map<string, { ids: string[]; reference: string; title: string; figure: string; quote: string }>();
  for (const r of kb.rules) {
    if (r.basis.kind !== 'published') continue;
    const key = `${r.basis.reference}\u0000${r.basis.figure}`;
    const seen = out.get(key);
    if (seen !== undefined) seen.ids.push(r.id);
    else out.set(key, { ids: [r.id], reference: r.basis.reference, title: titles.get(r.basis.reference) ?? r.basis.reference, figure: r.basis.figure, quote: r.basis.quote });
  }
  return [...out.values()];
}

const INTRO =
  'Every rule moves one cause up (positive weight) or down (negative) when its finding is present, or was checked and found absent. ' +
  'Basis of the weight: "source" = the clinical source names the feature (its words quoted); "published" = a diagnostic-accuracy figure quoted from a paper that was read; ' +
  '"expert estimate" = no quotable figure, size estimated on the point scale, to be reviewed. Rules sharing an observation count once.';

export function formatKbReport(format: 'text' | 'markdown', kb: Kb = knowledgeBase): string {
  const rows = kbReportRows(kb);
  const estimates = rows.filter((r) => r.basis === 'expert-estimate');
  const figures = publishedFigures(kb);
  const out: string[] = [];
  if (format === 'markdown') {
    out.push(`# Knowledge-base rules and the basis of their weights`, '', `Knowledge base ${kb.version}. ${summary(rows)}`, '', INTRO, '');
    out.push('| Rule | Cause | Finding | When | Weight | Basis | Basis text or figure |', '|---|---|---|---|--:|---|---|');
    for (const r of rows) {
      const obs = r.observation === undefined ? '' : ` (one observation: ${r.observation})`;
      out.push(`| \`${r.id}\` | ${cell(r.causeLabel)} | ${cell(r.findingLabel)} | ${r.when} | ${signed(r.weight)} | ${basisKindLabel[r.basis]} | ${cell(r.basisText + obs)} |`);
    }
    out.push('', '## Rules by basis', '', '| Basis | Rules |', '|---|--:|');
    const counts = basisCounts(rows);
    for (const k of BASIS_KINDS) out.push(`| ${basisKindLabel[k]} | ${counts[k]} |`);
    out.push(`| total | ${rows.length} |`, '', '## Published figures', '');
    for (const f of figures) out.push(`- **${cell(f.figure)}** (${f.ids.map((id) => `\`${id}\``).join(', ')}): “${f.quote}” ${f.title}`);
    out.push('', `## Rules still "expert estimate" (${estimates.length})`, '');
    for (const r of estimates) out.push(`- \`${r.id}\` (${signed(r.weight)}): ${r.findingLabel}${r.when === 'absent' ? ' (absent)' : ''} → ${r.causeLabel}`);
    return out.join('\n') + '\n';
  }

  out.push('KNOWLEDGE-BASE RULES AND THE BASIS OF THEIR WEIGHTS', `Knowledge base ${kb.version}. ${summary(rows)}`, INTRO, '');
  // Grouped under each cause, whose id starts every rule id, so a line stays greppable by rule id.
  const width = (f: (r: KbReportRow) => string, h: string): number => Math.max(h.length, ...rows.map((r) => f(r).length));
  const w = [width((r) => r.id, 'RULE'), width((r) => r.findingLabel, 'FINDING'), width((r) => r.when, 'WHEN'), width((r) => signed(r.weight), 'WEIGHT'), width((r) => basisKindLabel[r.basis], 'BASIS')];
  const line = (cells: readonly string[], text: string): string => [...cells.map((c, i) => pad(c, w[i]!)), text].join('  ').trimEnd();
  out.push(line(['RULE', 'FINDING', 'WHEN', 'WEIGHT', 'BASIS'], 'BASIS TEXT OR FIGURE'));
  let cause: string | undefined;
  for (const r of rows) {
    if (r.cause !== cause) out.push(`${r.causeLabel} (${r.cause})`);
    cause = r.cause;
    const obs = r.observation === undefined ? '' : ` (one observation: ${r.observation})`;
    out.push(line([r.id, r.findingLabel, r.when, signed(r.weight), basisKindLabel[r.basis]], r.basisText + obs));
  }
  out.push('', 'RULES BY BASIS');
  const counts = basisCounts(rows);
  for (const k of BASIS_KINDS) out.push(`  ${pad(basisKindLabel[k], 16)}${counts[k]}`);
  out.push(`  ${pad('total', 16)}${rows.length}`, '', 'PUBLISHED FIGURES');
  for (const f of figures) {
    out.push(`  ${f.figure} (${f.ids.join(', ')})`, `    “${f.quote}”`, `    ${f.title}`);
  }
  out.push('', `RULES STILL "EXPERT ESTIMATE" (${estimates.length})`);
  for (const r of estimates) out.push(`  ${r.id} (${signed(r.weight)})`);
  return out.join('\n') + '\n';
}
