import type { Citation } from '../../../shared/clinical/assessment.ts';
import type { CauseDef, ExternalReference, FindingDef, FindingGroup, FindingGroupDef, SourceSection } from '../../../shared/clinical/types.ts';

/** The parts of the knowledge base the letter needs: labels, and the groups findings are shown in. */
export interface KnowledgeBaseLike {
  readonly findings: readonly FindingDef[];
  readonly findingGroups: readonly FindingGroupDef[];
  readonly causes: readonly Pick<CauseDef, 'id' | 'label'>[];
  readonly sections: readonly SourceSection[];
  readonly references: readonly ExternalReference[];
}

export interface FindingGroupList {
  readonly label: string;
  readonly labels: readonly string[];
}

/** Lookups over the knowledge base, built once per knowledge base object. */
export interface ReferralKnowledgeBase {
  findingLabel(id: string): string;
  causeLabel(id: string): string;
  /** Finding ids grouped and ordered as the knowledge base lists them; ids it does not know come last, under "Other". */
  group(ids: readonly string[]): FindingGroupList[];
  /** The full titles a citation names, each source section or external reference on its own. */
  citationTitles(citation: Citation): string[];
}

/** A citation field may name several ids, separated by semicolons ("wells-2003; nice-ng158"). */
const splitIds = (field: string | undefined): string[] =>
  (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const cache = new WeakMap<KnowledgeBaseLike, ReferralKnowledgeBase>();

export function referralKnowledgeBase(kb: KnowledgeBaseLike): ReferralKnowledgeBase {
  const cached = cache.get(kb);
  if (cached !== undefined) return cached;
  const findings = new Map<string, { def: FindingDef; order: number }>(kb.findings.map((def, order) => [def.id, { def, order }]));
  const causes = new Map(kb.causes.map((c) => [c.id, c.label]));
  const sections = new Map(kb.sections.map((s) => [s.id, s]));
  const references = new Map(kb.references.map((r) => [r.id, r.title]));
  const sectionTitle = (id: string): string => {
    const section = sections.get(id);
    if (section === undefined) return `Clinical source, section “${id}”`;
    const parent = section.parent === undefined ? undefined : sections.get(section.parent);
    return `Clinical source, section “${parent === undefined ? '' : `${parent.heading} › `}${section.heading}”`;
  };
  const lookups: ReferralKnowledgeBase = {
    // A stored encounter may name an id a later knowledge base dropped: print the id rather than nothing.
    findingLabel: (id) => findings.get(id)?.def.label ?? id,
    causeLabel: (id) => causes.get(id) ?? id,
    citationTitles: (c) => [...splitIds(c.source).map(sectionTitle), ...splitIds(c.reference).map((id) => references.get(id) ?? id)],
    group(ids) {
      const byGroup = new Map<FindingGroup | 'other', { id: string; order: number }[]>();
      for (const id of ids) {
        const known = findings.get(id);
        const key = known?.def.group ?? 'other';
        const list = byGroup.get(key) ?? [];
        list.push({ id, order: known?.order ?? Number.MAX_SAFE_INTEGER });
        byGroup.set(key, list);
      }
      const groups: FindingGroupList[] = [];
      const add = (key: FindingGroup | 'other', label: string): void => {
        const list = byGroup.get(key);
        if (list === undefined) return;
        list.sort((a, b) => a.order - b.order);
        groups.push({ label, labels: list.map((f) => lookups.findingLabel(f.id)) });
      };
      for (const g of kb.findingGroups) {
        add(g.id, g.label);
        byGroup.delete(g.id);
      }
      // Groups the knowledge base lists no label for still print, never silently vanish.
      const other = byGroup.get('other');
      byGroup.delete('other');
      for (const key of byGroup.keys()) add(key, key);
      if (other !== undefined) byGroup.set('other', other);
      add('other', 'Other');
      return groups;
    },
  };
  cache.set(kb, lookups);
  return lookups;
}
