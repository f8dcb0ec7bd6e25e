import type { Strength } from '../assessment.ts';
import { causes } from '../kb/causes.ts';
import { findings } from '../kb/findings.ts';
import { rules } from '../kb/rules.ts';
import { scoreScale } from '../kb/scale.ts';
import { wellsCriteria } from '../kb/wells.ts';
import type { CauseDef, FindingDef, RuleDef } from '../types.ts';

/**
 * The knowledge base compiled once at module load into the indexes the engine needs per case,
 * so an assessment only walks the rules of the findings it was given.
 */

export interface CompiledRule {
  readonly rule: RuleDef;
  /** Position in the knowledge base: the stable tie-break of the basis. */
  readonly order: number;
  readonly causeIndex: number;
  /** The rule's finding is a Wells criterion: left out when judging the "alternative diagnosis" item. */
  readonly wellsFinding: boolean;
}

export const causeIndex: ReadonlyMap<string, number> = new Map(causes.map((c, i) => [c.id, i]));
export const findingIndex: ReadonlyMap<string, FindingDef> = new Map(findings.map((f) => [f.id, f]));
export const causeById: ReadonlyMap<string, CauseDef> = new Map(causes.map((c) => [c.id, c]));

const wellsFindings = new Set(wellsCriteria.flatMap((c) => c.findings));

function index(when: RuleDef['when']): ReadonlyMap<string, readonly CompiledRule[]> {
  const map = new Map<string, CompiledRule[]>();
  rules.forEach((rule, order) => {
    if (rule.when !== when) return;
    const compiled: CompiledRule = { rule, order, causeIndex: causeIndex.get(rule.cause)!, wellsFinding: wellsFindings.has(rule.finding) };
    const list = map.get(rule.finding);
    if (list === undefined) map.set(rule.finding, [compiled]);
    else list.push(compiled);
  });
  return map;
}

export const rulesIfPresent = index('present');
export const rulesIfAbsent = index('absent');

/** Points to a 0..1 score, rounded to 3 places so that stored and fresh assessments compare exactly. */
export function scoreOf(points: number): number {
  const raw = 1 / (1 + Math.exp(-(points - scoreScale.midpoint) / scoreScale.spread));
  return Math.round(raw * 1000) / 1000;
}

export function strengthOf(score: number): Strength {
  const t = scoreScale.strength;
  return score >= t.strong ? 'strong' : score >= t.moderate ? 'moderate' : score >= t.weak ? 'weak' : 'unlikely';
}

const strengthRank: Readonly<Record<Strength, number>> = { strong: 3, moderate: 2, weak: 1, unlikely: 0 };
export const atLeast = (strength: Strength, min: Strength): boolean => strengthRank[strength] >= strengthRank[min];
