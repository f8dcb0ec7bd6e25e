import type { RedFlagHit } from '../assessment.ts';
import { redFlags } from '../kb/redFlags.ts';
import type { FlagUrgency, RedFlagDef } from '../types.ts';
import { type ConditionContext, evaluate, redFlagsNamed } from './conditions.ts';

const order = new Map(redFlags.map((f, i) => [f.id, i]));
const rank: Readonly<Record<FlagUrgency, number>> = { emergency: 2, urgent: 1 };

/**
 * Flags with a criterion that reads another red flag are evaluated after the others (the knowledge
 * base keeps the vocabulary's order, not an order of dependence). One level is enough and is checked
 * here, at load, so a knowledge-base change cannot make a flag read one not yet decided.
 */
const dependsOnFlags = (f: RedFlagDef): boolean => f.criteria.some((c) => redFlagsNamed(c.when).length > 0);
const firstPass = redFlags.filter((f) => !dependsOnFlags(f));
const secondPass = redFlags.filter(dependsOnFlags);
for (const f of secondPass) {
  for (const c of f.criteria) {
    for (const named of redFlagsNamed(c.when)) {
      if (!firstPass.some((g) => g.id === named)) throw new Error(`Red flag "${f.id}" reads "${named}", which itself reads a red flag`);
    }
  }
}

function raise(flag: RedFlagDef, ctx: ConditionContext): RedFlagHit | undefined {
  const met = flag.criteria
    .map((c) => ({ c, because: evaluate(c.when, ctx) }))
    .filter((m): m is { c: (typeof flag.criteria)[number]; because: string[] } => m.because !== null)
    .sort((a, b) => rank[b.c.urgency] - rank[a.c.urgency]);
  if (met.length === 0) return undefined;
  const urgency = met[0]!.c.urgency;
  const because: string[] = [];
  for (const m of met) for (const id of m.because) if (!because.includes(id)) because.push(id);
  const action = flag.action[urgency];
  if (action === undefined) throw new Error(`Red flag "${flag.id}" has no action for ${urgency}`);
  return {
    id: flag.id,
    label: flag.label,
    urgency,
    because,
    criteria: met.map((m) => ({ id: m.c.id, label: m.c.label, urgency: m.c.urgency })),
    action,
    citation: flag.citation,
  };
}

/**
 * Raises every red flag with a criterion the case meets, whatever its cause ranks, at the highest
 * urgency among its criteria met. Emergencies first, then the vocabulary's order.
 */
export function raiseRedFlags(ctx: Omit<ConditionContext, 'redFlags'>): RedFlagHit[] {
  const raised = new Map<string, RedFlagHit>();
  for (const pass of [firstPass, secondPass]) {
    const seen = new Map(raised);
    for (const flag of pass) {
      const hit = raise(flag, { ...ctx, redFlags: seen });
      if (hit !== undefined) raised.set(flag.id, hit);
    }
  }
  return [...raised.values()].sort((a, b) => rank[b.urgency] - rank[a.urgency] || order.get(a.id)! - order.get(b.id)!);
}
