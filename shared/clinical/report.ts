import type { Assessment, BasisItem, Citation } from './assessment.ts';
import { findingIndex } from './engine/model.ts';
import { knowledgeBase } from './kb/index.ts';

/**
 * The readable report of an assessment, as the `assess` command prints it: red flags first, then
 * the ranked differential with the basis of each cause, imaging, other investigations and the
 * Wells score. Pure: the same assessment always gives the same text.
 */

const causeLabel = new Map(knowledgeBase.causes.map((c) => [c.id, c.shortLabel]));
const label = (finding: string): string => findingIndex.get(finding)?.label ?? finding;
const causes = (ids: readonly string[]): string => ids.map((id) => causeLabel.get(id) ?? id).join(', ');
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function cite(c: Citation): string {
  return [c.source === undefined ? '' : `source: ${c.source}`, c.reference === undefined ? '' : `ref: ${c.reference}`].filter(Boolean).join('; ');
}

function basisLine(b: BasisItem): string {
  const what = b.present ? label(b.finding) : `Absent: ${label(b.finding)}`;
  return `       ${b.weight > 0 ? '+' : '-'} ${what} (${signed(b.weight)}): ${b.reason} [${cite(b.citation)}]`;
}

export function formatReport(assessment: Assessment & { readonly knowledgeBase?: string }): string {
  const out: string[] = [];
  const kb = assessment.knowledgeBase ?? knowledgeBase.version;
  out.push('LEG PAIN DDx ASSESSMENT', `Knowledge base ${kb}. Decision support for the clinician, not a diagnosis.`, '');

  out.push('RED FLAGS');
  if (assessment.redFlags.length === 0) out.push('  None raised by the recorded findings.');
  for (const f of assessment.redFlags) {
    out.push(`  [${f.urgency.toUpperCase()}] ${f.label}`);
    out.push(`    Because: ${f.because.map(label).join('; ')}`);
    out.push(`    Action: ${f.action}`);
    out.push(`    [${cite(f.citation)}]`);
  }
  out.push('');

  out.push('DIFFERENTIAL (best first)');
  for (const d of assessment.differential) {
    const flags = d.mustNotMiss ? ' [must not miss]' : '';
    out.push(`  ${d.rank}. ${d.label}${flags}: score ${d.score.toFixed(3)}, ${d.strength}`);
    if (d.basis.length === 0) out.push('       No recorded finding for or against.');
    for (const b of d.basis) out.push(basisLine(b));
  }
  out.push('');

  out.push('IMAGING');
  if (assessment.imaging.length === 0) out.push('  None suggested by the recorded findings.');
  for (const i of assessment.imaging) {
    out.push(`  ${i.label}: ${i.urgency.toUpperCase()}, for ${causes(i.for)}`);
    out.push(`    Why: ${i.rationale}`);
    out.push(`    [${cite(i.citation)}]`);
  }
  out.push('');

  out.push('OTHER INVESTIGATIONS');
  if (assessment.investigations.length === 0) out.push('  None suggested by the recorded findings.');
  for (const t of assessment.investigations) {
    out.push(`  ${t.label}${t.for.length > 0 ? `, for ${causes(t.for)}` : ''}`);
    out.push(`    Why: ${t.rationale}`);
    out.push(`    [${cite(t.citation)}]`);
  }
  out.push('');

  const w = assessment.scores.wellsDvt;
  out.push(`WELLS SCORE FOR DVT (two-level): ${w.points} points, DVT ${w.category}`);
  for (const c of w.criteria) {
    const alt =
      c.met && c.points < 0 && w.alternative !== undefined
        ? `: ${causeLabel.get(w.alternative) ?? w.alternative} (${c.findings.map(label).join('; ')})`
        : '';
    out.push(`  [${c.met ? 'x' : ' '}] ${signed(c.points)} ${c.label}${alt}`);
  }
  out.push(`  (The alternative-diagnosis item: ${lowerFirst(knowledgeBase.wells.alternativeMethod)})`);
  out.push(`  Next step: ${w.nextStep}`);
  out.push(`  [${cite(w.citation)}]`);
  return out.join('\n') + '\n';
}
