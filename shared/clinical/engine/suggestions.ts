import type { Citation, ImagingSuggestion, InvestigationSuggestion, Urgency, WellsDvt } from '../assessment.ts';
import { causes } from '../kb/causes.ts';
import { imaging, investigations } from '../kb/imaging.ts';
import { imagingRules, investigationRules } from '../kb/suggestions.ts';
import type { SuggestionRule, SuggestionUrgency } from '../types.ts';
import { type ConditionContext, evaluate, redFlagsNamed } from './conditions.ts';
import { findingLabels, mergeCitations } from './text.ts';

const causeOrder = new Map(causes.map((c, i) => [c.id, i]));

interface Fired<K extends string> {
  readonly what: K;
  readonly for: string[];
  readonly rationale: string[];
  readonly citations: Citation[];
  urgency: Urgency;
}

const urgencyRank: Readonly<Record<Urgency, number>> = { emergency: 2, urgent: 1, routine: 0 };
const higher = (a: Urgency, b: Urgency): Urgency => (urgencyRank[a] >= urgencyRank[b] ? a : b);

/** A rule's urgency for this case: its own, or that of the most urgent red flag it names that is raised. */
function urgencyOf(rule: { readonly urgency: SuggestionUrgency; readonly when: SuggestionRule<string>['when'] }, ctx: ConditionContext): Urgency {
  if (rule.urgency !== 'red-flag') return rule.urgency;
  let urgency: Urgency = 'urgent';
  let found = false;
  for (const id of redFlagsNamed(rule.when, 'redFlag')) {
    const hit = ctx.redFlags?.get(id);
    if (hit === undefined) continue;
    urgency = found ? higher(urgency, hit.urgency) : hit.urgency;
    found = true;
  }
  return urgency;
}

const wellsText = (w: WellsDvt | undefined): string => (w === undefined ? '' : `${w.points} point${Math.abs(w.points) === 1 ? '' : 's'}, ${w.category}`);

/** Rules met by the case, merged per modality or test: one entry each, in rule order. */
function fire<K extends string>(
  list: readonly (SuggestionRule<K> & { readonly urgency: SuggestionUrgency })[],
  ctx: ConditionContext,
): Fired<K>[] {
  const out = new Map<K, Fired<K>>();
  for (const rule of list) {
    const because = evaluate(rule.when, ctx);
    if (because === null) continue;
    const rationale = rule.rationale.replace('{findings}', findingLabels(because)).replace('{wells}', wellsText(ctx.wells));
    let entry = out.get(rule.what);
    if (entry === undefined) {
      entry = { what: rule.what, for: [], rationale: [], citations: [], urgency: 'routine' };
      out.set(rule.what, entry);
    }
    for (const c of rule.for) if (!entry.for.includes(c)) entry.for.push(c);
    entry.rationale.push(rationale);
    entry.citations.push(rule.citation);
    entry.urgency = higher(entry.urgency, urgencyOf(rule, ctx));
  }
  for (const entry of out.values()) entry.for.sort((a, b) => causeOrder.get(a)! - causeOrder.get(b)!);
  return [...out.values()];
}

const modalityOrder = new Map(imaging.map((m, i) => [m.id, i]));
const modalityLabel = new Map(imaging.map((m) => [m.id, m.label]));

/** Imaging with a reason for this case; the most urgent first, then the source table's order. */
export function suggestImaging(ctx: ConditionContext): ImagingSuggestion[] {
  return fire(imagingRules, ctx)
    .sort((a, b) => urgencyRank[b.urgency] - urgencyRank[a.urgency] || modalityOrder.get(a.what)! - modalityOrder.get(b.what)!)
    .map((e) => ({
      modality: e.what,
      label: modalityLabel.get(e.what)!,
      urgency: e.urgency,
      for: e.for,
      rationale: e.rationale.join(' '),
      citation: mergeCitations(e.citations),
    }));
}

const testOrder = new Map(investigations.map((t, i) => [t.id, i]));
const testLabel = new Map(investigations.map((t) => [t.id, t.label]));

/** Other tests with a reason for this case; the most urgent first, then knowledge-base order. */
export function suggestInvestigations(ctx: ConditionContext): InvestigationSuggestion[] {
  return fire(investigationRules, ctx)
    .sort((a, b) => urgencyRank[b.urgency] - urgencyRank[a.urgency] || testOrder.get(a.what)! - testOrder.get(b.what)!)
    .map((e) => ({
      test: e.what,
      label: testLabel.get(e.what)!,
      urgency: e.urgency,
      for: e.for,
      rationale: e.rationale.join(' '),
      citation: mergeCitations(e.citations),
    }));
}
