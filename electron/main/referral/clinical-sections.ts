import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Addendum, Encounter } from '../../../shared/api/encounter.ts';
import type { Citation, DifferentialEntry, StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { isAlternativeCriterion, wellsAlternativeSentence } from '../../../shared/review/wells-alternative.ts';
import type { Citations } from './citations.ts';
import { formatDateTime } from './format.ts';
import type { ReferralKnowledgeBase } from './kb.ts';
import { block, COLORS, KEEP_TOGETHER_MAX, paragraphs, section, sectionTable, sizeOf, URGENCY_LABEL, type Block } from './layout.ts';

/**
 * The clinical sections of the letter, from the stored revision and its assessment: history,
 * findings and pertinent negatives, red flags, the differential, the Wells score, imaging and
 * investigations, and the notes.
 */

const STRENGTH_LABEL: Record<DifferentialEntry['strength'], string> = {
  strong: 'Strong',
  moderate: 'Moderate',
  weak: 'Weak',
  unlikely: 'Unlikely',
};
const SIDE_LABEL = { left: 'left leg', right: 'right leg', both: 'both legs' } as const;

export function historyBlocks(encounter: Encounter, kb: ReferralKnowledgeBase): Block[] {
  const blocks = paragraphs(encounter.complaint.trim() || 'No presenting complaint recorded.');
  const pain = encounter.pain;
  if (pain !== null) {
    const parts = [
      pain.intensity !== undefined ? `intensity ${pain.intensity}/10` : null,
      pain.duration?.trim() ? `duration ${pain.duration.trim()}` : null,
      pain.side !== undefined ? SIDE_LABEL[pain.side] : null,
    ].filter((p) => p !== null);
    if (parts.length > 0) blocks.push(block({ text: [{ text: 'Pain: ', bold: true }, parts.join('; ')], margin: [0, 3, 0, 0] }, 100));
  }
  if (encounter.workingDiagnosis !== null) {
    blocks.push(block({ text: [{ text: 'Working diagnosis: ', bold: true }, kb.causeLabel(encounter.workingDiagnosis)], margin: [0, 3, 0, 0] }, 100));
  }
  return blocks;
}

export function findingsTable(title: string, kb: ReferralKnowledgeBase, ids: readonly string[], none: string): Content {
  const groups = kb.group(ids);
  if (groups.length === 0) return section(title, [block({ text: none, color: COLORS.muted }, none.length)]);
  return sectionTable(
    title,
    [120, '*'],
    null,
    groups.map((g): TableCell[] => [{ text: g.label, style: 'label' }, { text: g.labels.join('; ') }]),
    sizeOf(...(groups[0]?.labels ?? [])),
  );
}

export function redFlagBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  if (assessment.redFlags.length === 0) return [block({ text: 'No red flags among the recorded findings.', color: COLORS.muted }, 50)];
  return assessment.redFlags.map((flag) => {
    const raisedBy = flag.because.map((id) => kb.findingLabel(id)).join('; ') || 'Not recorded';
    // The guideline criteria met (v2), each with the urgency it calls for.
    const criteria = (flag.criteria ?? []).map((c) => `${c.label} (${URGENCY_LABEL[c.urgency].toLowerCase()})`).join('; ');
    const size = sizeOf(flag.label, raisedBy, flag.action, criteria);
    return block(
      {
        unbreakable: size <= KEEP_TOGETHER_MAX,
        margin: [0, 0, 0, 5],
        stack: [
          { text: [{ text: flag.label, bold: true }, { text: `  ${URGENCY_LABEL[flag.urgency]}`, bold: true, color: COLORS.priority[flag.urgency] }] },
          ...(criteria !== '' ? [{ text: [{ text: 'Criteria met: ', style: 'label' }, criteria] } as Content] : []),
          { text: [{ text: 'Raised by: ', style: 'label' }, raisedBy] },
          { text: [{ text: 'Action: ', style: 'label' }, flag.action, citations.markAtEnd(flag.citation)] },
        ],
      },
      size,
    );
  });
}

export function differentialTable(title: string, entries: readonly DifferentialEntry[], kb: ReferralKnowledgeBase): Content {
  if (entries.length === 0) return section(title, [block({ text: 'No cause is ranked: too few findings recorded.', color: COLORS.muted }, 50)]);
  const heads: TableCell[] = [
    { text: '#', style: 'th' },
    { text: 'Cause', style: 'th' },
    { text: 'Likelihood', style: 'th' },
    { text: 'Basis', style: 'th' },
  ];
  const rows = entries.map((e): TableCell[] => [
    { text: String(e.rank), bold: true },
    { stack: [{ text: e.label, bold: true }, ...(e.mustNotMiss ? [{ text: 'Must not miss', color: COLORS.draft, fontSize: 8 } as Content] : [])] },
    { text: likelihood(e), ...(e.evidence === 'none' || e.evidence === 'conflicting' ? { color: COLORS.muted } : {}) },
    { stack: basisLines(e, kb) },
  ]);
  const first = entries[0]!;
  return sectionTable(title, [14, 120, 52, '*'], heads, rows, sizeOf(...first.basis.map((b) => b.reason), ...first.supporting, ...first.against));
}

/**
 * A cause's likelihood in words: what the findings say comes first (v2: nothing recorded bears on
 * it, or evidence on both sides cancels out), as on screen; otherwise its strength.
 */
function likelihood(e: DifferentialEntry): string {
  if (e.evidence === 'none') return 'No findings recorded';
  if (e.evidence === 'conflicting') return 'Conflicting evidence';
  return STRENGTH_LABEL[e.strength];
}

/**
 * The reasons for and against a cause, each side as one paragraph: dense, and in the engine's order.
 * An observation counted under another rule (v2) is not listed again; a must-not-miss cause kept in
 * view says why.
 */
function basisLines(entry: DifferentialEntry, kb: ReferralKnowledgeBase): Content[] {
  const counted = entry.basis.filter((b) => b.countedIn === undefined);
  const forReasons = entry.basis.length > 0 ? counted.filter((b) => b.weight >= 0).map((b) => b.reason) : entry.supporting.map((id) => kb.findingLabel(id));
  const againstReasons = entry.basis.length > 0 ? counted.filter((b) => b.weight < 0).map((b) => b.reason) : entry.against.map((id) => kb.findingLabel(id));
  const lines: Content[] = [];
  if (entry.keptVisible !== undefined) lines.push({ text: [{ text: 'Kept in view: ', bold: true }, entry.keptVisible.reason] });
  if (forReasons.length > 0) lines.push({ text: [{ text: 'For: ', color: COLORS.signed, bold: true }, forReasons.join('; ')] });
  if (againstReasons.length > 0) lines.push({ text: [{ text: 'Against: ', color: COLORS.draft, bold: true }, againstReasons.join('; ')] });
  return lines.length > 0 ? lines : [{ text: 'No recorded finding bears on this cause.', color: COLORS.muted }];
}

/**
 * The Wells score is printed when DVT is in question. An assessment that says whether the score
 * applies (v2) decides; if it does not apply, the letter says so in one line only when the clinician
 * made DVT the working diagnosis. For an assessment stored before that (v1): when the score says DVT
 * is likely, DVT is the working diagnosis, or DVT is in the printed differential as more than unlikely.
 */
export function wellsRelevant(encounter: Encounter, shown: readonly DifferentialEntry[]): boolean {
  const applies = encounter.assessment.scores.wellsDvt.applies;
  if (applies !== undefined) return applies || encounter.workingDiagnosis === 'dvt';
  return (
    encounter.assessment.scores.wellsDvt.category === 'likely' ||
    encounter.workingDiagnosis === 'dvt' ||
    shown.some((e) => e.cause === 'dvt' && e.strength !== 'unlikely')
  );
}

export const WELLS_NOT_APPLICABLE = 'The Wells score does not apply: nothing recorded raises the question of DVT.';

export function wellsBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  const w = assessment.scores.wellsDvt;
  if (w.applies === false) return [block({ text: WELLS_NOT_APPLICABLE, color: COLORS.muted }, 60)];
  const points = (n: number): string => `${n > 0 ? '+' : ''}${n}`;
  // Where there was a suggestion or a judgement (v2), the alternative item gets its own line saying
  // whose judgement it is; with neither, it is one more criterion not met.
  const judged = w.alternativeJudgement !== undefined && w.alternativeJudgement.state !== 'none';
  const listed = w.criteria.filter((c) => !(judged && isAlternativeCriterion(c)));
  const met = listed.filter((c) => c.met);
  const notMet = listed.filter((c) => !c.met).map((c) => `${c.label} (${points(c.points)})`);
  const blocks: Block[] = [block({ text: `${w.points} ${Math.abs(w.points) === 1 ? 'point' : 'points'}: DVT ${w.category}`, bold: true }, 30)];
  // Met and not met as two lines of text rather than a table: the same items, a third of the height.
  if (met.length > 0) {
    const metText = met.map((c) => `${c.label} (${points(c.points)})`);
    blocks.push(block({ text: [{ text: 'Met: ', style: 'label' }, metText.join('; ')], margin: [0, 2, 0, 0] }, sizeOf(...metText)));
  }
  if (notMet.length > 0) blocks.push(block({ text: [{ text: 'Not met: ', style: 'label' }, { text: notMet.join('; '), color: COLORS.muted }] }, sizeOf(...notMet)));
  const alternative = w.criteria.find(isAlternativeCriterion);
  const sentence = judged ? wellsAlternativeSentence(w, kb) : null;
  if (alternative !== undefined && sentence !== null) {
    const head = `${alternative.label}: ${alternative.met ? `met (${points(alternative.points)})` : 'not met'}. `;
    blocks.push(block({ text: [{ text: 'Alternative diagnosis: ', style: 'label' }, head, sentence], margin: [0, 2, 0, 0] }, sizeOf(head, sentence)));
  }
  blocks.push(block({ text: [{ text: 'Next step: ', style: 'label' }, w.nextStep, citations.markAtEnd(w.citation)], margin: [0, 3, 0, 0] }, w.nextStep.length));
  return blocks;
}

export function imagingBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  const item = (title: Content, forLabel: string, causes: readonly string[], rationale: string, citation: Citation): Block => {
    const forText = causes.map((id) => kb.causeLabel(id)).join('; ');
    const size = sizeOf(forText, rationale);
    return block(
      {
        unbreakable: size <= KEEP_TOGETHER_MAX,
        margin: [0, 0, 0, 5],
        stack: [
          title,
          ...(causes.length > 0 ? [{ text: [{ text: `${forLabel}: `, style: 'label' }, forText] } as Content] : []),
          { text: [{ text: 'Rationale: ', style: 'label' }, rationale, citations.markAtEnd(citation)] },
        ],
      },
      size,
    );
  };
  const blocks = [
    ...assessment.imaging.map((img) =>
      item(
        { text: [{ text: img.label, bold: true }, { text: `  ${URGENCY_LABEL[img.urgency]}`, bold: true, color: COLORS.priority[img.urgency] }] },
        'To confirm or exclude',
        img.for,
        img.rationale,
        img.citation,
      ),
    ),
    ...assessment.investigations.map((test) =>
      item(
        test.urgency === undefined
          ? { text: test.label, bold: true }
          : { text: [{ text: test.label, bold: true }, { text: `  ${URGENCY_LABEL[test.urgency]}`, bold: true, color: COLORS.priority[test.urgency] }] },
        'For',
        test.for,
        test.rationale,
        test.citation,
      ),
    ),
  ];
  return blocks.length > 0 ? blocks : [block({ text: 'No imaging or other investigation suggested by the assessment.', color: COLORS.muted }, 60)];
}

export function notesBlocks(encounter: Encounter & { readonly addenda?: readonly Addendum[] }, additions: string, timeZone: string, generalNotes: boolean): Block[] {
  const blocks: Block[] = [];
  if (generalNotes && encounter.notes.trim() !== '') blocks.push(...paragraphs(encounter.notes));
  for (const addendum of encounter.addenda ?? []) {
    blocks.push(block({ text: `Addendum, ${formatDateTime(addendum.createdAt, timeZone)}, ${addendum.author}`, style: 'label', margin: [0, 6, 0, 0] }, 60));
    blocks.push(...paragraphs(addendum.text));
  }
  if (additions.trim() !== '') {
    blocks.push(block({ text: 'Added for this referral', style: 'label', margin: [0, 6, 0, 0] }, 30));
    blocks.push(...paragraphs(additions));
  }
  return blocks;
}
