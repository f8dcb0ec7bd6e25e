import type { DifferentialEntry } from '../assessment.ts';
import { mustNotMiss } from '../kb/mustNotMiss.ts';
import { type ConditionContext, evaluate } from './conditions.ts';

/** How many places at the top of the differential a must-not-miss cause with a key sign is kept within. */
export const KEPT_WITHIN = 3;

/**
 * Keeps every must-not-miss cause with a key sign recorded (kb/mustNotMiss.ts), and not excluded by
 * the recorded findings, within the top max(3, number kept) places. The causes kept take the top
 * places with the best of the others, all in their own order, so no cause overtakes another
 * except a kept cause moving above causes that are not kept; a cause moved up says why.
 */
export function keepVisible(ranked: readonly DifferentialEntry[], ctx: Pick<ConditionContext, 'present' | 'absent' | 'causes'>): DifferentialEntry[] {
  const kept = new Map<string, { because: string[]; reason: string }>();
  for (const def of mustNotMiss) {
    const because = evaluate(def.keySigns, ctx);
    if (because === null) continue;
    if (def.excludedWhen !== undefined && evaluate(def.excludedWhen, ctx) !== null) continue;
    kept.set(def.cause, { because, reason: def.reason });
  }
  if (kept.size === 0) return ranked.slice();
  const top = Math.max(KEPT_WITHIN, kept.size);
  const others = ranked.filter((d) => !kept.has(d.cause));
  const inTop = new Set([...kept.keys(), ...others.slice(0, top - kept.size).map((d) => d.cause)]);
  const reordered = [...ranked.filter((d) => inTop.has(d.cause)), ...ranked.filter((d) => !inTop.has(d.cause))];
  return reordered.map((d, i) => {
    const moved = kept.get(d.cause);
    const entry = { ...d, rank: i + 1 };
    // Moved above a cause that ranked higher on its points: it says why.
    return moved !== undefined && entry.rank < d.rank ? { ...entry, keptVisible: moved } : entry;
  });
}
