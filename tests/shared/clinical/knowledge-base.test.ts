import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_GROUPS, assess, causeById, findingById, knowledgeBase } from '../../../shared/clinical/index.ts';
import type { Citation } from '../../../shared/clinical/assessment.ts';
import type { Condition } from '../../../shared/clinical/types.ts';
import { repoRoot, sourcePath, vocabularyPath, vocabularyV1Path } from './helpers.ts';

/**
 * The knowledge base is data a clinician reviews; these checks keep it whole: every vocabulary id
 * accepted and labelled, every citation pointing at a real section or reference, every quote
 * found verbatim in the section it cites, every rule and condition naming known ids.
 * Checks that need ../shared run only when it is there.
 */

interface VocabularyItem {
  id: string;
  label: string;
  source?: string;
  external?: boolean;
  reference?: string;
  mustNotMiss?: boolean;
}
interface Vocabulary {
  causes: VocabularyItem[];
  imaging: VocabularyItem[];
  findings: Record<string, VocabularyItem[]>;
  'red-flags': (VocabularyItem & { meaning: string })[];
}

const read = (path: string): Vocabulary | undefined => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Vocabulary) : undefined);
const vocabulary = read(vocabularyPath);
const vocabularyV1 = read(vocabularyV1Path);
const source: string | undefined = existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : undefined;

const sectionIds = new Set(knowledgeBase.sections.map((s) => s.id));
const referenceIds = new Set(knowledgeBase.references.map((r) => r.id));
const findingIds = new Set(knowledgeBase.findings.map((f) => f.id));
const causeIds = new Set(knowledgeBase.causes.map((c) => c.id));
const split = (value: string): string[] => value.split('; ');

/** Every citation anywhere in the knowledge base, with where it was found. */
function citations(value: unknown, where = 'knowledgeBase'): { where: string; citation: Citation }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    (key === 'citation' || key === 'icd10Citation') && v !== null && typeof v === 'object'
      ? [{ where: `${where}.${key}`, citation: v as Citation }]
      : citations(v, `${where}.${key}`),
  );
}

describe('knowledge base: vocabulary v2 (which keeps every v1 id) is the floor', () => {
  it.skipIf(vocabulary === undefined)('accepts and labels every finding of the vocabulary, in its group', () => {
    for (const [group, items] of Object.entries(vocabulary!.findings)) {
      const kbGroup = group === 'location' ? 'location' : group;
      for (const item of items) {
        expect(findingById(item.id), item.id).toMatchObject({ id: item.id, label: item.label, group: kbGroup });
        expect(() => assess({ findings: [item.id] })).not.toThrow();
        expect(() => assess({ findings: [], absent: [item.id] })).not.toThrow();
      }
    }
  });

  it.skipIf(vocabulary === undefined)('has every cause, imaging modality and red flag of the vocabulary', () => {
    for (const c of vocabulary!.causes) {
      expect(causeById(c.id), c.id).toMatchObject({ label: c.label });
      if (c.source !== undefined) expect(causeById(c.id)!.citation.source, c.id).toBe(c.source);
      else expect(causeById(c.id)!.citation.reference, `${c.id} is external: it cites a reference`).toBeDefined();
    }
    expect(knowledgeBase.imaging.map((i) => i.id)).toEqual(vocabulary!.imaging.map((i) => i.id));
    expect(knowledgeBase.redFlags.map((f) => f.id)).toEqual(vocabulary!['red-flags'].map((f) => f.id));
  });

  it.skipIf(vocabulary === undefined)('cites a reference for every item the vocabulary marks external, and the vocabulary’s source for red flags', () => {
    for (const item of Object.values(vocabulary!.findings).flat()) {
      if (item.external) expect(findingById(item.id)!.citation.reference, item.id).toBeDefined();
    }
    for (const flag of vocabulary!['red-flags']) {
      const kb = knowledgeBase.redFlags.find((f) => f.id === flag.id)!;
      if (flag.source !== undefined) expect(kb.citation.source, flag.id).toBe(flag.source);
      if (flag.external) expect(kb.citation.reference, flag.id).toBeDefined();
    }
  });

  it.skipIf(vocabularyV1 === undefined)('keeps every id of vocabulary v1 (stored encounters stay valid)', () => {
    for (const item of Object.values(vocabularyV1!.findings).flat()) expect(findingById(item.id), item.id).toBeDefined();
    for (const c of vocabularyV1!.causes) expect(causeById(c.id), c.id).toBeDefined();
    for (const f of vocabularyV1!['red-flags']) expect(knowledgeBase.redFlags.map((x) => x.id), f.id).toContain(f.id);
  });

  it.skipIf(vocabulary === undefined)('marks as must-not-miss the causes the vocabulary marks (v2) and DVT and PAD (v1)', () => {
    const expected = vocabulary!.causes.filter((c) => c.mustNotMiss === true).map((c) => c.id);
    expect(knowledgeBase.causes.filter((c) => c.mustNotMiss).map((c) => c.id)).toEqual(['dvt', 'pad', ...expected]);
  });

  it('reaches the urgencies the vocabulary’s meanings give, each with an action written for it', () => {
    const reach = Object.fromEntries(knowledgeBase.redFlags.map((f) => [f.id, [...new Set(f.criteria.map((c) => c.urgency))].sort()]));
    expect(reach).toEqual({
      'suspected-dvt': ['urgent'],
      'possible-pe': ['emergency'],
      'cauda-equina': ['emergency'],
      'progressive-neuro-deficit': ['urgent'],
      'critical-limb-ischemia': ['urgent'],
      'suspected-acute-limb-ischemia': ['emergency'],
      'suspected-compartment-syndrome': ['emergency'],
      'suspected-spinal-infection': ['emergency'],
      'suspected-spinal-malignancy': ['emergency', 'urgent'],
      'suspected-popliteal-aneurysm': ['urgent'],
    });
    for (const f of knowledgeBase.redFlags) {
      expect(Object.keys(f.action).sort(), f.id).toEqual(reach[f.id]);
      // An emergency's action says so in its first word; an urgent one never calls itself an emergency first.
      if (f.action.emergency !== undefined) expect(f.action.emergency, f.id).toMatch(/^Emergency/);
      if (f.action.urgent !== undefined) expect(f.action.urgent, f.id).not.toMatch(/^Emergency/);
      // What to do, in sentences the clinician reads on screen and in the letter.
      for (const action of Object.values(f.action)) expect(action, f.id).toMatch(/^[A-Z].{40,}\.$/);
    }
  });
});

describe('knowledge base: findings and causes', () => {
  it('groups findings in checklist order, with a heading for each group', () => {
    expect(knowledgeBase.findingGroups.map((g) => g.id)).toEqual([...FINDING_GROUPS]);
    expect(knowledgeBase.findingGroups.map((g) => g.label)).toEqual([
      'Where is the pain',
      'Distribution',
      'Character',
      'Onset',
      'What makes it better or worse',
      'Associated symptoms',
      'Risk factors',
      'Examination',
    ]);
    const groups = knowledgeBase.findings.map((f) => FINDING_GROUPS.indexOf(f.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it('maps each location finding, and only those, to its own body-map region', () => {
    const located = knowledgeBase.findings.filter((f) => f.bodyRegion !== undefined);
    expect(located.map((f) => f.group)).toEqual(located.map(() => 'location'));
    expect(knowledgeBase.findings.filter((f) => f.group === 'location')).toEqual(located);
    expect(located.map((f) => f.bodyRegion).sort()).toEqual(['achilles', 'buttock', 'calf', 'lower-back', 'medial-ankle-sole', 'popliteal', 'posterior-thigh']);
  });

  it('has unique ids and synonyms that are not cause names', () => {
    expect(findingIds.size).toBe(knowledgeBase.findings.length);
    expect(causeIds.size).toBe(knowledgeBase.causes.length);
    const causeWords = ['sciatica', 'dvt', 'deep vein thrombosis', 'pad', 'tendonitis', 'stenosis', 'tarsal tunnel syndrome'];
    for (const f of knowledgeBase.findings) for (const s of f.synonyms) expect(causeWords, `${f.id}: ${s}`).not.toContain(s.toLowerCase());
  });

  /** The lists of items a clinician reads by their labels. */
  const labelledLists = (): Record<string, readonly { readonly id: string; readonly label: string }[]> => {
    const kb = knowledgeBase;
    return { findingGroups: kb.findingGroups, findings: kb.findings, causes: kb.causes, imaging: kb.imaging, investigations: kb.investigations, redFlags: kb.redFlags, wellsCriteria: kb.wells.criteria };
  };

  it('names every item by its own id, in lower-case words joined by hyphens or colons (how reviews, citations and stored assessments refer to it)', () => {
    const kb = knowledgeBase;
    // Sections are named by the source's own headings (checked against the source below).
    expect(new Set(kb.sections.map((x) => x.id)).size).toBe(kb.sections.length);
    for (const { id } of kb.sections) expect(id.trim()).not.toBe('');
    const lists: Record<string, readonly { readonly id: string }[]> = {
      ...labelledLists(),
      references: kb.references,
      rules: kb.rules,
      imagingRules: kb.imagingRules,
      investigationRules: kb.investigationRules,
      redFlagCriteria: kb.redFlags.flatMap((f) => f.criteria),
    };
    for (const [list, items] of Object.entries(lists)) {
      expect(items.length, list).toBeGreaterThan(0);
      // A rule's id is its cause and what it weighs, joined by a colon.
      for (const { id } of items) expect(id, list).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(:[a-z0-9]+(-[a-z0-9]+)*)*$/);
      if (list !== 'redFlagCriteria') expect(new Set(items.map((i) => i.id)).size, `${list}: ids repeated`).toBe(items.length);
    }
  });

  it('names every item the clinician reads in words, each once in its list', () => {
    const lists: Record<string, readonly { readonly id: string; readonly label: string }[]> = {
      ...labelledLists(),
      ...Object.fromEntries(knowledgeBase.redFlags.map((f) => [`criteria of ${f.id}`, f.criteria])),
    };
    for (const [list, items] of Object.entries(lists)) {
      for (const { id, label } of items) {
        expect(label, `${list}: ${id}`).toMatch(/\p{L}{2}/u);
        expect(label.trim(), `${list}: ${id}`).toBe(label);
      }
      expect(new Set(items.map((i) => i.label.toLowerCase())).size, `${list}: a label repeated`).toBe(items.length);
    }
  });

  it('gives every cause ICD-10 codes (WHO 2019 format) and what the source says of it', () => {
    for (const c of knowledgeBase.causes) {
      expect(c.icd10.length, c.id).toBeGreaterThan(0);
      for (const code of c.icd10) expect(code.code, c.id).toMatch(/^[A-Z]\d\d\.\d$/);
      expect(c.icd10Citation).toEqual({ reference: 'who-icd10-2019' });
      expect(c.presentation.length, c.id).toBeGreaterThan(0);
      expect(c.shortLabel.length, c.id).toBeLessThanOrEqual(30);
    }
  });

  it('keeps the ICD-10 codes reviewed for each cause', () => {
    expect(Object.fromEntries(knowledgeBase.causes.map((c) => [c.id, c.icd10.map((x) => x.code)]))).toEqual({
      sciatica: ['M54.3', 'M54.4', 'M51.1'],
      'muscle-strain': ['S76.3', 'S86.1'],
      dvt: ['I80.2'],
      pad: ['I70.2', 'I73.9'],
      'tarsal-tunnel': ['G57.5'],
      'popliteal-entrapment': ['G57.3', 'G57.4'],
      'bakers-cyst-rupture': ['M66.0', 'M71.2'],
      'lumbar-stenosis': ['M48.0'],
      tendonitis: ['M76.6'],
      'acute-limb-ischemia': ['I74.3'],
      'acute-compartment-syndrome': ['T79.6', 'M62.2'],
      'achilles-rupture': ['S86.0'],
      'popliteal-artery-aneurysm': ['I72.4'],
      cellulitis: ['L03.1'],
      'superficial-vein-thrombosis': ['I80.0'],
      'spinal-malignancy-or-infection': ['C79.5', 'M46.4', 'G06.1'],
      fracture: ['S82.2', 'S82.4', 'M84.3'],
      'popliteal-artery-entrapment': ['I77.1'],
      'chronic-exertional-compartment-syndrome': ['M62.8'],
    });
  });
});

describe('knowledge base: citations', () => {
  const all = citations(knowledgeBase);

  it('finds citations everywhere items are (sanity check of the walk)', () => {
    expect(all.length).toBeGreaterThan(knowledgeBase.findings.length + knowledgeBase.rules.length);
  });

  it('cites only known sections and references', () => {
    for (const { where, citation } of all) {
      expect(citation.source !== undefined || citation.reference !== undefined, where).toBe(true);
      for (const s of citation.source === undefined ? [] : split(citation.source)) expect(sectionIds, `${where}: section "${s}"`).toContain(s);
      for (const r of citation.reference === undefined ? [] : split(citation.reference)) expect(referenceIds, `${where}: reference "${r}"`).toContain(r);
    }
  });

  it('includes every section the vocabulary names', () => {
    for (const id of ['Common causes 1', 'Common causes 5', 'Less common causes 1', 'Less common causes 3', 'Diagnostic approaches, imaging table', 'Sciatica management', 'DVT treatment']) {
      expect(sectionIds).toContain(id);
    }
  });

  it('gives every reference a full title and what is taken from it', () => {
    for (const r of knowledgeBase.references) {
      expect(r.title.length, r.id).toBeGreaterThan(30);
      expect(r.uses.length, r.id).toBeGreaterThan(20);
    }
    expect(referenceIds.size).toBe(knowledgeBase.references.length);
  });

  it('leaves no TODO anywhere', () => {
    expect(JSON.stringify(knowledgeBase)).not.toMatch(/TODO/);
    const dir = join(repoRoot, 'shared', 'clinical');
    const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
    for (const file of files(dir)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/TODO/);
  });
});

describe.skipIf(source === undefined)('knowledge base against the source text (../shared/source)', () => {
  const lines = (source ?? '').split(/\r?\n/).map((l) => l.trim());
  const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

  /** A section's text: from its heading to the next heading that is not inside it. */
  function sectionText(id: string): string {
    const section = knowledgeBase.sections.find((s) => s.id === id)!;
    const start = lines.indexOf(section.heading);
    const inside = (other: string | undefined): boolean => {
      for (let p = other; p !== undefined; p = knowledgeBase.sections.find((s) => s.id === p)?.parent) if (p === id) return true;
      return false;
    };
    const ends = knowledgeBase.sections
      .filter((s) => s.id !== id && !inside(s.id))
      .map((s) => lines.indexOf(s.heading))
      .filter((i) => i > start);
    return normalise(lines.slice(start, ends.length > 0 ? Math.min(...ends) : lines.length).join(' '));
  }

  it('quotes each section heading as a line of the source, in the source’s order', () => {
    const at = knowledgeBase.sections.map((s) => ({ id: s.id, line: lines.indexOf(s.heading) }));
    for (const { id, line } of at) expect(line, id).toBeGreaterThanOrEqual(0);
    // Numbered headings repeat ("1. ..."): each must be found after its parent's heading.
    for (const s of knowledgeBase.sections) {
      if (s.parent !== undefined) expect(lines.indexOf(s.heading), s.id).toBeGreaterThan(lines.indexOf(knowledgeBase.sections.find((p) => p.id === s.parent)!.heading));
    }
  });

  it('finds every rule’s quote, verbatim, in a section the rule cites', () => {
    for (const rule of knowledgeBase.rules) {
      if (rule.citation.source === undefined) continue;
      expect(rule.quote, `${rule.id} cites the source but quotes nothing`).toBeDefined();
      const texts = split(rule.citation.source).map(sectionText);
      expect(texts.some((t) => t.includes(normalise(rule.quote!))), `${rule.id}: "${rule.quote}"`).toBe(true);
    }
  });

  it('takes the imaging table’s words from the source', () => {
    const table = sectionText('Diagnostic approaches, imaging table').toLowerCase();
    for (const word of ['visualize soft tissues', 'disc herniations & nerve compression', 'expensive', 'detect blood flow abnormalities', 'operator dependent', 'widely available', 'limited soft tissue detail']) {
      expect(table).toContain(word);
    }
  });
});

describe('knowledge base: rules and conditions', () => {
  it('relates only known findings and causes, once per finding, cause and direction', () => {
    const keys = new Set<string>();
    for (const r of knowledgeBase.rules) {
      expect(findingIds, r.id).toContain(r.finding);
      expect(causeIds, r.id).toContain(r.cause);
      expect(Number.isFinite(r.weight) && r.weight !== 0, r.id).toBe(true);
      expect(r.reason.length, r.id).toBeGreaterThan(10);
      expect(r.id).toBe(`${r.cause}:${r.when === 'absent' ? 'no-' : ''}${r.finding}`);
      expect(keys, r.id).not.toContain(r.id);
      keys.add(r.id);
    }
  });

  it('uses every finding: in a rule, a red-flag criterion or the Wells score', () => {
    const used = JSON.stringify([knowledgeBase.rules, knowledgeBase.redFlags, knowledgeBase.wells.criteria]);
    for (const f of findingIds) expect(used, f).toContain(`"${f}"`);
  });

  it('gives every cause supporting rules and at least one rule against it', () => {
    for (const c of causeIds) {
      expect(knowledgeBase.rules.some((r) => r.cause === c && r.weight > 0), c).toBe(true);
      expect(knowledgeBase.rules.some((r) => r.cause === c && r.weight < 0), c).toBe(true);
    }
  });

  interface Refs {
    findings: string[];
    absent: string[];
    causes: string[];
    redFlags: string[];
    unlessRedFlags: string[];
    wells: boolean;
  }
  const none = (): Refs => ({ findings: [], absent: [], causes: [], redFlags: [], unlessRedFlags: [], wells: false });
  function conditionRefs(c: Condition): Refs {
    if ('finding' in c) return { ...none(), findings: [c.finding] };
    if ('absent' in c) return { ...none(), absent: [c.absent] };
    if ('cause' in c) return { ...none(), causes: [c.cause] };
    if ('redFlag' in c) return { ...none(), redFlags: [c.redFlag] };
    if ('unlessRedFlag' in c) return { ...none(), unlessRedFlags: [c.unlessRedFlag] };
    if ('wells' in c || 'wellsAlternative' in c) return { ...none(), wells: true };
    const parts = ('anyOf' in c ? c.anyOf : c.allOf).map(conditionRefs);
    return {
      findings: parts.flatMap((p) => p.findings),
      absent: parts.flatMap((p) => p.absent),
      causes: parts.flatMap((p) => p.causes),
      redFlags: parts.flatMap((p) => p.redFlags),
      unlessRedFlags: parts.flatMap((p) => p.unlessRedFlags),
      wells: parts.some((p) => p.wells),
    };
  }
  const topUrgency = (id: string): number => Math.max(...knowledgeBase.redFlags.find((f) => f.id === id)!.criteria.map((c) => (c.urgency === 'emergency' ? 2 : 1)));

  it('raises each red flag by named criteria over present findings, never by a cause’s rank or score', () => {
    const flagIds = knowledgeBase.redFlags.map((f) => f.id);
    for (const flag of knowledgeBase.redFlags) {
      expect(flag.criteria.length, flag.id).toBeGreaterThan(0);
      expect(new Set(flag.criteria.map((c) => c.id)).size, flag.id).toBe(flag.criteria.length);
      for (const criterion of flag.criteria) {
        const where = `${flag.id}/${criterion.id}`;
        const refs = conditionRefs(criterion.when);
        for (const f of refs.findings) expect(findingIds, where).toContain(f);
        expect(refs.causes, `${where} reads a cause's rank or score`).toEqual([]);
        // An absent finding would let a pertinent negative take the flag away.
        expect(refs.absent, `${where} reads an absent finding`).toEqual([]);
        expect(refs.redFlags, `${where} depends on another flag being raised`).toEqual([]);
        for (const r of refs.unlessRedFlags) {
          expect(flagIds, where).toContain(r);
          // Giving way only to a more specific flag of the same or higher urgency.
          expect(topUrgency(r), `${where} gives way to ${r}, which is less urgent`).toBeGreaterThanOrEqual(criterion.urgency === 'emergency' ? 2 : 1);
        }
        expect(criterion.label.length, where).toBeGreaterThan(15);
      }
    }
  });

  it('gives every must-not-miss cause, and only those, key signs over known findings', () => {
    expect(knowledgeBase.mustNotMiss.map((m) => m.cause)).toEqual(knowledgeBase.causes.filter((c) => c.mustNotMiss).map((c) => c.id));
    for (const m of knowledgeBase.mustNotMiss) {
      const refs = conditionRefs(m.keySigns);
      expect(refs.findings.length, m.cause).toBeGreaterThan(0);
      for (const f of [...refs.findings, ...(m.excludedWhen === undefined ? [] : conditionRefs(m.excludedWhen).absent)]) expect(findingIds, m.cause).toContain(f);
      expect({ ...refs, findings: [] }, `${m.cause}: key signs are findings only`).toEqual(none());
      if (m.excludedWhen !== undefined) expect(conditionRefs(m.excludedWhen).findings, `${m.cause}: excluded only by absent findings`).toEqual([]);
      // Shown beside the cause when it is kept in view: why it must not be missed.
      expect(m.reason, m.cause).toMatch(/^[A-Z].{40,}\.$/);
    }
  });

  it('never subtracts for an absent risk factor, and counts an observation once within one cause', () => {
    const group = new Map(knowledgeBase.findings.map((f) => [f.id, f.group]));
    for (const r of knowledgeBase.rules) {
      if (r.when === 'absent') expect(group.get(r.finding), `${r.id}: an absent risk factor is no evidence against a cause`).not.toBe('risk-factors');
    }
    const observations = new Map<string, Set<string>>();
    for (const r of knowledgeBase.rules) {
      if (r.observation === undefined) continue;
      const key = `${r.cause}|${r.observation}`;
      observations.set(key, (observations.get(key) ?? new Set()).add(r.id));
    }
    for (const [key, ids] of observations) expect(ids.size, `observation ${key} groups one rule only`).toBeGreaterThan(1);
    // The same observation read by two rules of one cause: a swelling, a measured swelling, a swollen leg.
    const dvtSwelling = knowledgeBase.rules.filter((r) => r.cause === 'dvt' && ['calf-swelling', 'ex-calf-swelling-3cm', 'ex-entire-leg-swollen'].includes(r.finding));
    expect(new Set(dvtSwelling.map((r) => r.observation))).toEqual(new Set(['leg-swelling']));
  });

  it('weighs DVT’s look-alikes only in the Wells alternative item, not also as rules against DVT', () => {
    // A present finding that argues against DVT must not be one that supports another cause.
    const supportsOther = new Set(knowledgeBase.rules.filter((r) => r.cause !== 'dvt' && r.when === 'present' && r.weight > 0).map((r) => r.finding));
    const against = knowledgeBase.rules.filter((r) => r.cause === 'dvt' && r.when === 'present' && r.weight < 0 && supportsOther.has(r.finding));
    expect(against.map((r) => r.id)).toEqual([]);
  });

  it('gives every rule a basis for its weight: the source, a quoted published figure, or an explicit expert estimate', () => {
    for (const r of knowledgeBase.rules) {
      if (r.basis.kind === 'source') expect(r.basis.statement, r.id).toBe(r.quote);
      else if (r.basis.kind === 'published') {
        expect(referenceIds, r.id).toContain(r.basis.reference);
        expect(r.basis.quote.length, r.id).toBeGreaterThan(20);
      } else expect(r.basis.note, r.id).toMatch(/estimate/);
    }
  });

  it('suggests imaging and tests only for known causes, with known conditions and a rationale template', () => {
    const flagIds = knowledgeBase.redFlags.map((f) => f.id);
    const tests = knowledgeBase.investigations.map((t) => t.id);
    const modalities = knowledgeBase.imaging.map((m) => m.id);
    for (const rule of [...knowledgeBase.imagingRules, ...knowledgeBase.investigationRules]) {
      expect([...modalities, ...tests], rule.id).toContain(rule.what);
      // Each imaging study says which causes it confirms or excludes (blood tests for signs of
      // inflammation are the source's general advice, for no cause in particular).
      if (rule.id !== 'blood-tests-inflammation') expect(rule.for.length, rule.id).toBeGreaterThan(0);
      for (const c of rule.for) expect(causeIds, rule.id).toContain(c);
      const refs = conditionRefs(rule.when);
      for (const f of refs.findings) expect(findingIds, rule.id).toContain(f);
      for (const c of refs.causes) expect(causeIds, rule.id).toContain(c);
      for (const r of [...refs.redFlags, ...refs.unlessRedFlags]) expect(flagIds, rule.id).toContain(r);
      expect(rule.rationale, rule.id).toMatch(/\{findings\}/);
      // Urgency from a red flag only when the rule is called for by one.
      if (rule.urgency === 'red-flag') expect(refs.redFlags.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('defines the two-level Wells score with known findings and the published points', () => {
    const criteria = knowledgeBase.wells.criteria;
    expect(criteria.map((c) => c.points)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, -2]);
    for (const c of criteria) for (const f of c.findings) expect(findingIds, c.id).toContain(f);
    expect(knowledgeBase.wells.likelyAt).toBe(2);
  });

  it('prints the Wells items in the published words and order, under the ids stored assessments carry', () => {
    // Wells 2003 as NICE NG158 lists it; the ids are stored with every assessment, so they never change.
    expect(knowledgeBase.wells.criteria.map((c) => [c.id, c.label, c.findings])).toEqual([
      ['active-cancer', 'Active cancer (treatment ongoing, within 6 months, or palliative)', ['rf-active-cancer']],
      ['paralysis-or-cast', 'Paralysis, paresis or recent plaster immobilisation of the leg', ['rf-leg-paralysis-or-cast']],
      ['bedridden-or-surgery', 'Recently bedridden 3 days or more, or major surgery within 12 weeks', ['rf-recent-surgery']],
      ['deep-vein-tenderness', 'Localised tenderness along the distribution of the deep venous system', ['ex-deep-vein-tenderness']],
      ['entire-leg-swollen', 'Entire leg swollen', ['ex-entire-leg-swollen']],
      ['calf-swelling-3cm', 'Calf swelling at least 3 cm larger than the other side', ['ex-calf-swelling-3cm']],
      ['pitting-oedema', 'Pitting oedema confined to the symptomatic leg', ['ex-pitting-edema']],
      ['collateral-veins', 'Collateral superficial veins (non-varicose)', ['ex-collateral-veins']],
      ['previous-dvt', 'Previously documented DVT', ['rf-previous-dvt']],
      ['alternative-diagnosis', 'An alternative diagnosis at least as likely as DVT', []],
    ]);
    const scored = assess({ findings: ['loc-calf', 'unilateral', 'ex-deep-vein-tenderness'] }).scores.wellsDvt;
    expect(scored.criteria.map((c) => c.id)).toContain('alternative-diagnosis');
    expect(scored.criteria.find((c) => c.id === 'deep-vein-tenderness')).toMatchObject({ met: true, points: 1 });
  });

  it('names its version and review date', () => {
    expect(knowledgeBase.version).toMatch(/^\d{4}\.\d{1,2}\.\d+\+vocabulary-v2$/);
    expect(knowledgeBase.vocabulary).toBe('v2');
    expect(knowledgeBase.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe.skipIf(vocabulary === undefined)('knowledge base: the references vocabulary v2 names', () => {
  /** The vocabulary names references in words; these are the knowledge base's entries for them. */
  const REFERENCE_OF: Readonly<Record<string, string>> = {
    'AAOS 2010': 'aaos-achilles-2010',
    'Maffulli 1998': 'maffulli-1998',
    'ACR 2024': 'acr-stress-fracture-2024',
    'Patel 2011': 'patel-2011',
    'BOAST 10': 'boast-10-2014',
    'Donaldson 2014': 'donaldson-2014',
    'ESVS 2020': 'esvs-ali-2020',
    'Fraipont 2003': 'fraipont-2003',
    'Pedowitz 1990': 'pedowitz-1990',
    'GIRFT 2023': 'girft-ces-2023',
    'NICE CKS sciatica': 'nice-cks-sciatica',
    'NICE CKS cellulitis': 'nice-cks-cellulitis',
    'NICE CKS low back pain': 'nice-cks-low-back-pain',
    'NICE CKS superficial vein thrombosis': 'nice-cks-svt',
    'NICE NG141': 'nice-ng141',
    'NICE NG234': 'nice-ng234',
    'NICE NG59': 'nice-ng59',
    'SVS 2022': 'svs-paa-2022',
    'Sinha 2012': 'sinha-2012',
  };
  const named = (reference: string): string[] =>
    reference.split('; ').map((name) => {
      const key = Object.keys(REFERENCE_OF).find((k) => name.startsWith(k));
      expect(key, `no knowledge-base reference for "${name}"`).toBeDefined();
      return REFERENCE_OF[key!]!;
    });
  const cited = (c: Citation): string[] => (c.reference === undefined ? [] : split(c.reference));

  it('cites, for every v2 finding, cause and red flag that names a reference, each reference it names', () => {
    const items: { id: string; reference: string; citation: Citation }[] = [
      ...Object.values(vocabulary!.findings)
        .flat()
        .filter((f) => f.reference !== undefined)
        .map((f) => ({ id: f.id, reference: f.reference!, citation: findingById(f.id)!.citation })),
      ...vocabulary!.causes.filter((c) => c.reference !== undefined).map((c) => ({ id: c.id, reference: c.reference!, citation: causeById(c.id)!.citation })),
      ...vocabulary!['red-flags']
        .filter((f) => f.reference !== undefined)
        .map((f) => ({ id: f.id, reference: f.reference!, citation: knowledgeBase.redFlags.find((x) => x.id === f.id)!.citation })),
    ];
    expect(items.length).toBeGreaterThan(30);
    for (const item of items) for (const ref of named(item.reference)) expect(cited(item.citation), item.id).toContain(ref);
  });
});
