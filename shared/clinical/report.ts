import type { Assessment, BasisItem, Citation, DifferentialEntry } from './assessment.ts';
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

/** The finding a rule id names, in words: "dvt:no-calf-swelling" is "Absent: Swelling of the calf or leg". */
function ruleFinding(ruleId: string): string {
  const finding = ruleId.slice(ruleId.indexOf(':') + 1);
  return finding.startsWith('no-') && findingIndex.has(finding.slice(3)) ? `Absent: ${label(finding.slice(3))}` : label(finding);
}

function basisLine(b: BasisItem): string {
  const what = b.present ? label(b.finding) : `Absent: ${label(b.finding)}`;
  const counted = b.countedIn === undefined ? signed(b.weight) : `the same observation as "${ruleFinding(b.countedIn)}", counted once there`;
  return `       ${b.countedIn !== undefined ? '=' : b.weight > 0 ? '+' : '-'} ${what} (${counted}): ${b.reason} [${cite(b.citation)}]`;
}

/** The strength in words; a cause with nothing recorded, or evidence that cancels out, says so instead of a number. */
function strengthText(d: DifferentialEntry): string {
  if (d.evidence === 'none') return 'no findings recorded';
  const score = `score ${d.score.toFixed(3)}, ${d.strength}`;
  return d.evidence === 'conflicting' ? `conflicting evidence (${score})` : score;
}

function judgementText(j: NonNullable<Assessment['scores']['wellsDvt']['alternativeJudgement']>): string {
  const name = (id: string | undefined): string => (id === undefined ? '' : (causeLabel.get(id) ?? id));
  switch (j.state) {
    case 'suggested':
      return `suggested by the engine: ${name(j.suggested)}, not yet confirmed by the clinician`;
    case 'confirmed':
      return `${name(j.suggested)}, suggested and confirmed by the clinician`;
    case 'overridden':
      return j.chosen !== undefined
        ? `the clinician judged ${name(j.chosen)} at least as likely${j.suggested === undefined ? '' : ` (suggested: ${name(j.suggested)})`}`
        : `the clinician judged no alternative at least as likely${j.suggested === undefined ? '' : ` (suggested: ${name(j.suggested)})`}`;
    case 'none':
      return 'none suggested';
  }
}

export function formatReport(assessment: Assessment & { readonly knowledgeBase?: string }): string {
  const out: string[] = [];
  const kb = assessment.knowledgeBase ?? knowledgeBase.version;
  out.push('LEG PAIN DDx ASSESSMENT', `Knowledge base ${kb}. Decision support for the clinician, not a diagnosis.`, '');

  out.push('RED FLAGS');
  if (assessment.redFlags.length === 0) out.push('  None raised by the recorded findings.');
  for (const f of assessment.redFlags) {
    out.push(`  [${f.urgency.toUpperCase()}] ${f.label}`);
    for (const c of f.criteria ?? []) out.push(`    Criterion met (${c.urgency}): ${c.label}`);
    out.push(`    Because: ${f.because.map(label).join('; ')}`);
    out.push(`    Action: ${f.action}`);
    out.push(`    [${cite(f.citation)}]`);
  }
  out.push('');

  out.push('DIFFERENTIAL (best first)');
  // True whether nothing is recorded or only findings that bear on no cause (saddle numbness alone
  // raises an emergency above): "no findings recorded" would contradict that red flag's "Because".
  if (assessment.differential.every((d) => d.evidence === 'none')) out.push('  Nothing recorded bears on any cause yet: the causes are listed in the source’s order, not ranked.');
  for (const d of assessment.differential) {
    const flags = d.mustNotMiss ? ' [must not miss]' : '';
    out.push(`  ${d.rank}. ${d.label}${flags}: ${strengthText(d)}`);
    if (d.keptVisible !== undefined) out.push(`       Kept visible: ${d.keptVisible.reason} (${d.keptVisible.because.map(label).join('; ')})`);
    if (d.basis.length === 0) out.push('       No recorded finding for or against.');
    for (const b of d.basis) out.push(basisLine(b));
  }
  out.push(`  (${knowledgeBase.scoreScale.explanation})`);
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
    out.push(`  ${t.label}${t.urgency === undefined ? '' : `: ${t.urgency.toUpperCase()}`}${t.for.length > 0 ? `, for ${causes(t.for)}` : ''}`);
    out.push(`    Why: ${t.rationale}`);
    out.push(`    [${cite(t.citation)}]`);
  }
  out.push('');

  const w = assessment.scores.wellsDvt;
  if (w.applies === false) {
    out.push(`WELLS SCORE FOR DVT (two-level): ${w.nextStep}`);
    return out.join('\n') + '\n';
  }
  out.push(`WELLS SCORE FOR DVT (two-level): ${w.points} points, DVT ${w.category}`);
  for (const c of w.criteria) {
    const alt =
      c.met && c.points < 0 && w.alternative !== undefined
        ? `: ${causeLabel.get(w.alternative) ?? w.alternative}${c.findings.length > 0 ? ` (${c.findings.map(label).join('; ')})` : ''}`
        : '';
    out.push(`  [${c.met ? 'x' : ' '}] ${signed(c.points)} ${c.label}${alt}`);
  }
  const j = w.alternativeJudgement;
  if (j !== undefined) out.push(`  Alternative diagnosis: ${judgementText(j)}`);
  out.push(`  (The alternative-diagnosis item: ${lowerFirst(knowledgeBase.wells.alternativeMethod)})`);
  out.push(`  Next step: ${w.nextStep}`);
  out.push(`  [${cite(w.citation)}]`);
  return out.join('\n') + '\n';
}
