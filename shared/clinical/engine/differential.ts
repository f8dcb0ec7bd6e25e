import type { BasisItem, DifferentialEntry, Evidence } from '../assessment.ts';
import type { Case } from '../case.ts';
import { causes } from '../kb/causes.ts';
import { scoreScale } from '../kb/scale.ts';
import { type CompiledRule, rulesIfAbsent, rulesIfPresent, scoreOf, strengthOf } from './model.ts';

/**
 * The ranked differential. Each cause's points are the sum of the weights of its rules that the
 * case meets (present findings and pertinent negatives), each observation counted once; the score
 * is a logistic function of the points (kb/scale.ts). A cause's score depends only on its own
 * rules, so adding a finding that supports a cause can never lower that cause's score.
 */
export interface ScoredCauses {
  /** Ranked on points alone, before must-not-miss causes are kept visible (engine/mustNotMiss.ts). */
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

/**
 * Which hits count: within an observation group, the strongest present rule, else the strongest
 * absent one; the others are counted under it. Returns, for each hit not counted, the rule it is
 * counted under.
 */
const NOTHING_COUNTED_ELSEWHERE: ReadonlyMap<Hit, string> = new Map();

function countedUnder(hits: readonly Hit[]): ReadonlyMap<Hit, string> {
  if (!hits.some((h) => h.compiled.rule.observation !== undefined)) return NOTHING_COUNTED_ELSEWHERE;
  const best = new Map<string, Hit>();
  const better = (a: Hit, b: Hit): boolean =>
    a.present !== b.present ? a.present : Math.abs(a.compiled.rule.weight) > Math.abs(b.compiled.rule.weight) || (Math.abs(a.compiled.rule.weight) === Math.abs(b.compiled.rule.weight) && a.compiled.order < b.compiled.order);
  for (const h of hits) {
    const key = h.compiled.rule.observation;
    if (key === undefined) continue;
    const current = best.get(key);
    if (current === undefined || better(h, current)) best.set(key, h);
  }
  const under = new Map<Hit, string>();
  for (const h of hits) {
    const key = h.compiled.rule.observation;
    if (key === undefined) continue;
    const counted = best.get(key)!;
    if (counted !== h) under.set(h, counted.compiled.rule.id);
  }
  return under;
}

function sumOf(hits: readonly Hit[], under: ReadonlyMap<Hit, string>): number {
  let total = 0;
  for (const h of hits) if (!under.has(h)) total += h.compiled.rule.weight;
  return total;
}

/** What the counted evidence says, in words (assessment.ts, Evidence). */
export function evidenceOf(counted: readonly number[], points: number): Evidence {
  if (counted.length === 0) return 'none';
  const both = counted.some((w) => w > 0) && counted.some((w) => w < 0);
  if (both && Math.abs(points) <= scoreScale.conflictingWithin) return 'conflicting';
  return points > 0 ? 'for' : points < 0 ? 'against' : 'conflicting';
}

const hasEvidence = (e: Evidence): number => (e === 'none' ? 0 : 1);

export function scoreCauses(c: Case): ScoredCauses {
  const n = causes.length;
  const hits: Hit[][] = causes.map(() => []);
  const add = (list: readonly CompiledRule[] | undefined, present: boolean): void => {
    if (list === undefined) return;
    for (const compiled of list) hits[compiled.causeIndex]!.push({ compiled, present });
  };
  for (const id of c.findings) add(rulesIfPresent.get(id), true);
  for (const id of c.absent) add(rulesIfAbsent.get(id), false);

  const points = new Float64Array(n);
  const pointsWithoutWells = new Float64Array(n);
  const evidence: Evidence[] = [];
  const basis: BasisItem[][] = [];
  for (let i = 0; i < n; i++) {
    const mine = hits[i]!;
    if (mine.length === 0) {
      evidence.push('none');
      basis.push([]);
      continue;
    }
    const under = countedUnder(mine);
    points[i] = sumOf(mine, under);
    // The observation groups are recounted without the Wells rules, so the best non-Wells rule of a group counts.
    const withoutWells = mine.some((h) => h.compiled.wellsFinding) ? mine.filter((h) => !h.compiled.wellsFinding) : mine;
    pointsWithoutWells[i] = withoutWells === mine ? points[i]! : sumOf(withoutWells, countedUnder(withoutWells));
    evidence.push(evidenceOf(mine.filter((h) => !under.has(h)).map((h) => h.compiled.rule.weight), points[i]!));
    basis.push(
      mine.sort(byContribution).map((h): BasisItem => {
        const { rule } = h.compiled;
        const item: BasisItem = { finding: rule.finding, present: h.present, weight: rule.weight, reason: rule.reason, rule: rule.id, citation: rule.citation };
        const countedIn = under.get(h);
        return countedIn === undefined ? item : { ...item, countedIn };
      }),
    );
  }

  // Points first; at equal points a cause with evidence before one without; among causes with
  // evidence, must-not-miss first; then knowledge-base order. With nothing recorded for them, causes
  // stay in the source's order rather than led by whichever is most dangerous.
  const order = causes.map((_, i) => i);
  order.sort(
    (a, b) =>
      points[b]! - points[a]! ||
      hasEvidence(evidence[b]!) - hasEvidence(evidence[a]!) ||
      (evidence[a] === 'none' ? 0 : Number(causes[b]!.mustNotMiss) - Number(causes[a]!.mustNotMiss)) ||
      a - b,
  );

  const differential = order.map((i, position): DifferentialEntry => {
    const cause = causes[i]!;
    const items = basis[i]!;
    const score = scoreOf(points[i]!);
    const counted = items.filter((b) => b.countedIn === undefined);
    return {
      cause: cause.id,
      label: cause.label,
      rank: position + 1,
      score,
      points: points[i]!,
      strength: strengthOf(score),
      supporting: counted.filter((b) => b.weight > 0).map((b) => b.finding),
      against: counted.filter((b) => b.weight < 0).map((b) => b.finding),
      basis: items,
      mustNotMiss: cause.mustNotMiss,
      evidence: evidence[i]!,
    };
  });
  return { differential, pointsWithoutWells };
}
