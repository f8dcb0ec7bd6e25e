import type { DifferentialEntry, WellsDvt } from '../assessment.ts';
import type { WellsAlternativeJudgement } from '../case.ts';
import { causes } from '../kb/causes.ts';
import { DVT_IN_QUESTION } from '../kb/dvt.ts';
import { rules } from '../kb/rules.ts';
import {
  WELLS_ALTERNATIVE,
  WELLS_ALTERNATIVE_SUPPORT_GROUPS,
  WELLS_LIKELY_AT,
  wellsCitation,
  wellsCriteria,
  wellsNextStep,
} from '../kb/wells.ts';
import type { FindingGroup } from '../types.ts';
import { evaluate } from './conditions.ts';
import { atLeast, causeIndex, findingIndex, scoreOf, strengthOf } from './model.ts';

const wellsFindings = new Set(wellsCriteria.flatMap((c) => c.findings));
const supportGroups = new Set<FindingGroup>(WELLS_ALTERNATIVE_SUPPORT_GROUPS);
/** Findings that support DVT itself: a swollen calf cannot make another cause more likely than DVT. */
const dvtFindings = new Set(rules.filter((r) => r.cause === 'dvt' && r.when === 'present' && r.weight > 0).map((r) => r.finding));

/** The present leg findings of a cause that DVT does not share (not Wells items, DVT's own features, locations or risk factors). */
function legSupport(entry: DifferentialEntry): string[] {
  return entry.basis
    .filter((b) => b.present && b.weight > 0 && b.countedIn === undefined && !wellsFindings.has(b.finding) && !dvtFindings.has(b.finding))
    .filter((b) => supportGroups.has(findingIndex.get(b.finding)!.group))
    .map((b) => b.finding);
}

/**
 * The engine's proposal for "an alternative diagnosis at least as likely as DVT" (kb/wells.ts,
 * WELLS_ALTERNATIVE_METHOD): the best-scoring other cause on the points without the Wells rules,
 * at least weak, with at least DVT's points, and supported by a present leg finding.
 */
function suggestAlternative(byCause: ReadonlyMap<string, DifferentialEntry>, pointsWithoutWells: Float64Array): { cause: string; because: string[] } | undefined {
  const dvtPoints = pointsWithoutWells[causeIndex.get('dvt')!]!;
  let best: { cause: string; because: string[]; points: number } | undefined;
  causes.forEach((cause, i) => {
    const p = pointsWithoutWells[i]!;
    if (cause.id === 'dvt' || p < dvtPoints || (best !== undefined && p <= best.points)) return;
    if (!atLeast(strengthOf(scoreOf(p)), 'weak')) return;
    const because = legSupport(byCause.get(cause.id)!);
    if (because.length > 0) best = { cause: cause.id, because, points: p };
  });
  return best === undefined ? undefined : { cause: best.cause, because: best.because };
}

type Judgement = NonNullable<WellsDvt['alternativeJudgement']>;

/** The item as the clinician left it: their judgement when they gave one, else the suggestion. */
function judge(suggestion: { cause: string; because: string[] } | undefined, clinician: WellsAlternativeJudgement | null | undefined): { met: boolean; alternative?: string; judgement: Judgement } {
  const base = { suggestedBecause: suggestion?.because ?? [], ...(suggestion === undefined ? {} : { suggested: suggestion.cause }) };
  if (clinician === null || clinician === undefined) {
    return suggestion === undefined
      ? { met: false, judgement: { state: 'none', ...base } }
      : { met: true, alternative: suggestion.cause, judgement: { state: 'suggested', ...base } };
  }
  if (!clinician.met) return { met: false, judgement: { state: suggestion === undefined ? 'none' : 'overridden', ...base } };
  const chosen = clinician.cause ?? suggestion?.cause;
  if (chosen !== undefined && chosen === suggestion?.cause) return { met: true, alternative: chosen, judgement: { state: 'confirmed', ...base } };
  // Met by the clinician's judgement, naming another cause than suggested (or none: Wells asks only whether one exists).
  return { met: true, ...(chosen === undefined ? {} : { alternative: chosen }), judgement: { state: 'overridden', ...base, ...(chosen === undefined ? {} : { chosen }) } };
}

/**
 * The two-level Wells score for DVT (Wells 2003; NICE NG158). It applies only when DVT is in
 * question (kb/dvt.ts); otherwise it is still computed, so the record is complete, but marked as not
 * applying and nothing follows from it.
 */
export function wellsDvt(
  present: ReadonlySet<string>,
  absent: ReadonlySet<string>,
  differential: readonly DifferentialEntry[],
  pointsWithoutWells: Float64Array,
  clinician: WellsAlternativeJudgement | null | undefined,
): WellsDvt {
  const byCause = new Map(differential.map((d) => [d.cause, d]));
  const applies = evaluate(DVT_IN_QUESTION, { present, absent, causes: byCause }) !== null;
  // Nothing is proposed when DVT is not in question: there is no DVT for an alternative to rival.
  const { met, alternative, judgement } = judge(applies ? suggestAlternative(byCause, pointsWithoutWells) : undefined, clinician);

  const criteria = wellsCriteria.map((c) => {
    if (c.id === WELLS_ALTERNATIVE) return { id: c.id, label: c.label, points: c.points, met, findings: met && alternative === judgement.suggested ? judgement.suggestedBecause : [] };
    const found = c.findings.filter((f) => present.has(f));
    return { id: c.id, label: c.label, points: c.points, met: found.length > 0, findings: found };
  });
  const points = criteria.reduce((sum, c) => sum + (c.met ? c.points : 0), 0);
  const category = points >= WELLS_LIKELY_AT ? 'likely' : 'unlikely';
  const items = criteria.filter((c) => c.met && c.points > 0).flatMap((c) => c.findings);
  return {
    points,
    category,
    items,
    criteria,
    nextStep: applies ? wellsNextStep[category] : wellsNextStep.notApplicable,
    citation: wellsCitation,
    applies,
    alternativeJudgement: judgement,
    ...(met && alternative !== undefined ? { alternative } : {}),
  };
}
