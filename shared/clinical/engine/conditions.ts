import type { DifferentialEntry, RedFlagHit, WellsDvt } from '../assessment.ts';
import type { Condition } from '../types.ts';
import { WELLS_ALTERNATIVE } from '../kb/wells.ts';
import { atLeast } from './model.ts';

const CAUSE_EVIDENCE_SHOWN = 3;

/** What a condition is evaluated against: the case and the parts of the assessment made so far. */
export interface ConditionContext {
  readonly present: ReadonlySet<string>;
  readonly absent: ReadonlySet<string>;
  readonly causes: ReadonlyMap<string, DifferentialEntry>;
  readonly wells?: WellsDvt;
  readonly redFlags?: ReadonlyMap<string, RedFlagHit>;
}

/**
 * Evaluates a condition. Returns null when it is not met, otherwise the finding ids that met it
 * (for a cause: its strongest supporting present findings; for Wells: the scoring items; for a red flag: its
 * own `because`), without duplicates, in the order met.
 */
export function evaluate(condition: Condition, ctx: ConditionContext): string[] | null {
  if ('finding' in condition) return ctx.present.has(condition.finding) ? [condition.finding] : null;
  if ('absent' in condition) return ctx.absent.has(condition.absent) ? [] : null;
  if ('anyOf' in condition) {
    let met: string[] | null = null;
    for (const part of condition.anyOf) {
      const because = evaluate(part, ctx);
      if (because !== null) met = met === null ? because : union(met, because);
    }
    return met;
  }
  if ('allOf' in condition) {
    let met: string[] = [];
    for (const part of condition.allOf) {
      const because = evaluate(part, ctx);
      if (because === null) return null;
      met = union(met, because);
    }
    return met;
  }
  if ('wells' in condition) {
    const wells = wellsOf(ctx);
    return wells.applies !== false && wells.category === condition.wells ? [...wells.items] : null;
  }
  if ('wellsAlternative' in condition) {
    const item = wellsOf(ctx).criteria.find((c) => c.id === WELLS_ALTERNATIVE);
    const met = item?.met === true;
    return met === (condition.wellsAlternative === 'met') ? [] : null;
  }
  if ('redFlag' in condition) return raisedOf(ctx).has(condition.redFlag) ? [...raisedOf(ctx).get(condition.redFlag)!.because] : null;
  if ('unlessRedFlag' in condition) return raisedOf(ctx).has(condition.unlessRedFlag) ? null : [];
  const entry = ctx.causes.get(condition.cause);
  if (entry === undefined) throw new Error(`Unknown cause "${condition.cause}" in a condition`);
  const met = atLeast(entry.strength, condition.minStrength) && (condition.maxRank === undefined || entry.rank <= condition.maxRank);
  if (!met) return null;
  // The few strongest supporting findings: enough to say why, short enough to read in a rationale.
  const because: string[] = [];
  for (const b of entry.basis) {
    if (because.length === CAUSE_EVIDENCE_SHOWN) break;
    if (b.present && b.weight > 0 && b.countedIn === undefined) because.push(b.finding);
  }
  return because;
}

function wellsOf(ctx: ConditionContext): WellsDvt {
  if (ctx.wells === undefined) throw new Error('A Wells condition was evaluated before the Wells score');
  return ctx.wells;
}

function raisedOf(ctx: ConditionContext): ReadonlyMap<string, RedFlagHit> {
  if (ctx.redFlags === undefined) throw new Error('A red-flag condition was evaluated before the red flags');
  return ctx.redFlags;
}

/** Red flags a condition names (redFlag or unlessRedFlag), for ordering their evaluation and for urgency. */
export function redFlagsNamed(condition: Condition, which: 'redFlag' | 'unlessRedFlag' | 'both' = 'both'): string[] {
  if ('anyOf' in condition) return condition.anyOf.flatMap((c) => redFlagsNamed(c, which));
  if ('allOf' in condition) return condition.allOf.flatMap((c) => redFlagsNamed(c, which));
  if ('redFlag' in condition && which !== 'unlessRedFlag') return [condition.redFlag];
  if ('unlessRedFlag' in condition && which !== 'redFlag') return [condition.unlessRedFlag];
  return [];
}

function union(a: string[], b: readonly string[]): string[] {
  const out = a.slice();
  for (const id of b) if (!out.includes(id)) out.push(id);
  return out;
}
