import type { RedFlagHit } from '../assessment.ts';
import { redFlagTriggers, redFlags } from '../kb/redFlags.ts';
import { type ConditionContext, evaluate } from './conditions.ts';

const order = new Map(redFlags.map((f, i) => [f.id, i]));
const definition = new Map(redFlags.map((f) => [f.id, f]));

/**
 * Raises the red flags whose trigger the case meets, whatever their cause ranks. Triggers are
 * evaluated in knowledge-base order, so a trigger may depend on an earlier red flag. The list is
 * ordered emergencies first, then knowledge-base order.
 */
export function raiseRedFlags(ctx: Omit<ConditionContext, 'redFlags'>): RedFlagHit[] {
  const raised = new Map<string, RedFlagHit>();
  for (const trigger of redFlagTriggers) {
    const because = evaluate(trigger.when, { ...ctx, redFlags: raised });
    if (because === null) continue;
    const flag = definition.get(trigger.redFlag)!;
    raised.set(flag.id, { id: flag.id, label: flag.label, urgency: flag.urgency, because, action: flag.action, citation: flag.citation });
  }
  return [...raised.values()].sort(
    (a, b) => Number(b.urgency === 'emergency') - Number(a.urgency === 'emergency') || order.get(a.id)! - order.get(b.id)!,
  );
}
