import type { BasisItem, DifferentialEntry } from '../assessment.ts';
import type { Case } from '../case.ts';
import { causes } from '../kb/causes.ts';
import { type CompiledRule, rulesIfAbsent, rulesIfPresent, scoreOf, strengthOf } from './model.ts';

/**
 * The ranked differential. Each cause's points are the sum of the weights of its rules that the
 * case meets (present findings and pertinent negatives); the score is a logistic function of the
 * points (kb/scale.ts). A cause's score depends only on its own rules, so adding a finding that
 * supports a cause can never lower that cause's score.
 */
export interface ScoredCauses {
  readonly differential: DifferentialEntry[];
  /** Per cause (knowledge-base order): points without the rules on Wells findings. */
  readonly pointsWithoutWells: Float64Array;
}

interface Hit {
  readonly compiled: CompiledRule;
  readonly present: boolean;
}

/** Supporting rules strongest first, then those against, most against first; ties in knowledge-base order. */
function byContribution(a: Hit, b: Hit): number {
  const wa = a.compiled.rule.weight;
  const wb = b.compiled.rule.weight;
  if (wa > 0 !== wb > 0) return wa > 0 ? -1 : 1;
  return (wa > 0 ? wb - wa : wa - wb) || a.compiled.order - b.compiled.order;
}

function basisItem({ compiled: { rule }, present }: Hit): BasisItem {
  return { finding: rule.finding, present, weight: rule.weight, reason: rule.reason, rule: rule.id, citation: rule.citation };
}

export function scoreCauses(c: Case): ScoredCauses {
  const n = causes.length;
  const points = new Float64Array(n);
  const pointsWithoutWells = new Float64Array(n);
  const hits: Hit[][] = causes.map(() => []);
  const add = (list: readonly CompiledRule[] | undefined, present: boolean): void => {
    if (list === undefined) return;
    for (const compiled of list) {
      const w = compiled.rule.weight;
      points[compiled.causeIndex]! += w;
      if (!compiled.wellsFinding) pointsWithoutWells[compiled.causeIndex]! += w;
      hits[compiled.causeIndex]!.push({ compiled, present });
    }
  };
  for (const id of c.findings) add(rulesIfPresent.get(id), true);
  for (const id of c.absent) add(rulesIfAbsent.get(id), false);

  const order = causes.map((_, i) => i);
  order.sort(
    (a, b) => points[b]! - points[a]! || Number(causes[b]!.mustNotMiss) - Number(causes[a]!.mustNotMiss) || a - b,
  );

  const differential = order.map((i, position): DifferentialEntry => {
    const cause = causes[i]!;
    const sorted = hits[i]!.sort(byContribution);
    const score = scoreOf(points[i]!);
    return {
      cause: cause.id,
      label: cause.label,
      rank: position + 1,
      score,
      points: points[i]!,
      strength: strengthOf(score),
      supporting: sorted.filter((h) => h.compiled.rule.weight > 0).map((h) => h.compiled.rule.finding),
      against: sorted.filter((h) => h.compiled.rule.weight < 0).map((h) => h.compiled.rule.finding),
      basis: sorted.map(basisItem),
      mustNotMiss: cause.mustNotMiss,
    };
  });
  return { differential, pointsWithoutWells };
}
