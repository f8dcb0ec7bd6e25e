import type { DifferentialEntry, WellsDvt } from '../assessment.ts';
import { causes } from '../kb/causes.ts';
import { DVT_IN_QUESTION } from '../kb/suggestions.ts';
import { WELLS_ALTERNATIVE, WELLS_LIKELY_AT, wellsCitation, wellsCriteria, wellsNextStep } from '../kb/wells.ts';
import { evaluate } from './conditions.ts';
import { atLeast, causeIndex, scoreOf, strengthOf } from './model.ts';

/**
 * The two-level Wells score for DVT (Wells 2003; NICE NG158). The "alternative diagnosis at least
 * as likely" item is decided from the differential (kb/wells.ts, WELLS_ALTERNATIVE_METHOD): every
 * cause's points without the rules on Wells findings; the item is met by the best-scoring other
 * cause that reaches at least "weak" strength on those points with at least as many as DVT.
 */
export function wellsDvt(
  present: ReadonlySet<string>,
  differential: readonly DifferentialEntry[],
  pointsWithoutWells: Float64Array,
): WellsDvt {
  const dvtPoints = pointsWithoutWells[causeIndex.get('dvt')!]!;
  let alternative: string | undefined;
  let best = -Infinity;
  causes.forEach((cause, i) => {
    const p = pointsWithoutWells[i]!;
    if (cause.id === 'dvt' || p < dvtPoints || p <= best || !atLeast(strengthOf(scoreOf(p)), 'weak')) return;
    alternative = cause.id;
    best = p;
  });
  const byCause = new Map(differential.map((d) => [d.cause, d]));
  const alternativeFindings = (id: string): string[] =>
    byCause
      .get(id)!
      .basis.filter((b) => b.present && b.weight > 0 && !wellsCriteria.some((c) => c.findings.includes(b.finding)))
      .map((b) => b.finding);

  const criteria = wellsCriteria.map((c) => {
    if (c.id === WELLS_ALTERNATIVE) {
      return { id: c.id, label: c.label, points: c.points, met: alternative !== undefined, findings: alternative === undefined ? [] : alternativeFindings(alternative) };
    }
    const met = c.findings.filter((f) => present.has(f));
    return { id: c.id, label: c.label, points: c.points, met: met.length > 0, findings: met };
  });
  const points = criteria.reduce((sum, c) => sum + (c.met ? c.points : 0), 0);
  const category = points >= WELLS_LIKELY_AT ? 'likely' : 'unlikely';
  const items = criteria.filter((c) => c.met && c.points > 0).flatMap((c) => c.findings);
  const inQuestion = evaluate(DVT_IN_QUESTION, { present, causes: byCause }) !== null;
  const wells: WellsDvt = {
    points,
    category,
    items,
    criteria,
    nextStep: (inQuestion ? '' : wellsNextStep.notInQuestion) + wellsNextStep[category],
    citation: wellsCitation,
  };
  return alternative === undefined ? wells : { ...wells, alternative };
}
