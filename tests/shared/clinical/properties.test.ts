import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../../shared/clinical/assessment.ts';
import { CaseError, assess, knowledgeBase } from '../../../shared/clinical/index.ts';
import { prng, shuffle } from '../prng.ts';

/** Properties of the engine over random cases drawn from the whole vocabulary. */

/** A deterministic shuffle from a seed, so a failure can be replayed. */
const seededShuffle = <T>(items: readonly T[], seed: number): T[] => shuffle(items, prng(seed));

const findingIds = knowledgeBase.findings.map((f) => f.id);
const causeIds = knowledgeBase.causes.map((c) => c.id);

/** A random case: distinct findings, each present, absent or not recorded. */
const caseArb = fc
  .shuffledSubarray(findingIds, { minLength: 0, maxLength: 40 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length })))
  .map(([ids, presentFlags]) => ({ findings: ids.filter((_, i) => presentFlags[i]), absent: ids.filter((_, i) => !presentFlags[i]) }));

const scoreOf = (a: Assessment, cause: string): number => a.differential.find((d) => d.cause === cause)!.score;

describe('engine properties', () => {
  it('lists every cause exactly once, ranked 1..n, best score first but for must-not-miss causes kept visible, and fits the Assessment schema', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        expect(a.differential.map((d) => d.cause).sort()).toEqual([...causeIds].sort());
        expect(a.differential.map((d) => d.rank)).toEqual(causeIds.map((_, i) => i + 1));
        const ranked = a.differential.filter((d) => d.keptVisible === undefined);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        Assessment.parse(a);
      }),
      { numRuns: 300 },
    );
  });

  it('at equal points puts a cause with evidence before one without, a must-not-miss cause first, and otherwise keeps the source’s order', () => {
    const sourceOrder = new Map(causeIds.map((id, i) => [id, i]));
    fc.assert(
      fc.property(caseArb, (c) => {
        const ranked = assess(c).differential.filter((d) => d.keptVisible === undefined);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          if (a.score !== b.score) continue;
          expect(a.evidence === 'none' && b.evidence !== 'none', `${a.cause} before ${b.cause}`).toBe(false);
          if (a.evidence === 'none' && b.evidence === 'none') expect(sourceOrder.get(a.cause)!).toBeLessThan(sourceOrder.get(b.cause)!);
          // Among causes with evidence at equal points, a must-not-miss cause first, then the source's order.
          if (a.evidence !== 'none' && b.evidence !== 'none') {
            expect(!a.mustNotMiss && b.mustNotMiss, `${a.cause} before must-not-miss ${b.cause}`).toBe(false);
            if (a.mustNotMiss === b.mustNotMiss) expect(sourceOrder.get(a.cause)!).toBeLessThan(sourceOrder.get(b.cause)!);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same case, in any order, gives the same assessment', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        const shuffled = { findings: seededShuffle(c.findings, seed), absent: seededShuffle(c.absent, seed + 1) };
        expect(assess(shuffled)).toEqual(assess(c));
      }),
      { numRuns: 200 },
    );
  });

  it('adding a finding that supports a cause never lowers that cause’s score', () => {
    const supports = knowledgeBase.rules.filter((r) => r.when === 'present' && r.weight > 0);
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...supports), (c, rule) => {
        fc.pre(!c.findings.includes(rule.finding));
        const without = { findings: c.findings, absent: c.absent.filter((id) => id !== rule.finding) };
        const withIt = { findings: [...without.findings, rule.finding], absent: without.absent };
        expect(scoreOf(assess(withIt), rule.cause)).toBeGreaterThanOrEqual(scoreOf(assess(without), rule.cause));
      }),
      { numRuns: 500 },
    );
  });

  it('lists a cause’s basis as the clinician reads it: support strongest first, then the case against, most against first', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const d of assess(c).differential) {
          const weights = d.basis.map((b) => b.weight);
          const firstAgainst = weights.findIndex((w) => w < 0);
          const support = firstAgainst < 0 ? weights : weights.slice(0, firstAgainst);
          const against = firstAgainst < 0 ? [] : weights.slice(firstAgainst);
          expect(against.every((w) => w < 0), d.cause).toBe(true);
          for (let i = 1; i < support.length; i++) expect(support[i - 1], d.cause).toBeGreaterThanOrEqual(support[i]!);
          for (let i = 1; i < against.length; i++) expect(against[i - 1], d.cause).toBeLessThanOrEqual(against[i]!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with itself: the findings for and against a cause are its counted basis, and a red flag names each finding once', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        for (const d of a.differential) {
          const counted = d.basis.filter((b) => b.countedIn === undefined);
          expect(d.supporting, d.cause).toEqual(counted.filter((b) => b.weight > 0).map((b) => b.finding));
          expect(d.against, d.cause).toEqual(counted.filter((b) => b.weight < 0).map((b) => b.finding));
        }
        for (const f of a.redFlags) expect(new Set(f.because).size, f.id).toBe(f.because.length);
      }),
      { numRuns: 200 },
    );
  });

  it('proposes a Wells alternative only on present leg findings that count for it and not for DVT (kb/wells.ts, the stated method)', () => {
    const wellsItems = new Set(knowledgeBase.wells.criteria.flatMap((c) => c.findings));
    const dvtOwn = new Set(knowledgeBase.rules.filter((r) => r.cause === 'dvt' && r.when === 'present' && r.weight > 0).map((r) => r.finding));
    const legGroups = new Set<string>(knowledgeBase.wells.alternativeSupportGroups);
    const groupOf = new Map(knowledgeBase.findings.map((f) => [f.id, f.group as string]));
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        const j = a.scores.wellsDvt.alternativeJudgement!;
        if (j.suggested === undefined) {
          expect(j.suggestedBecause).toEqual([]);
          return;
        }
        expect(j.suggestedBecause.length).toBeGreaterThan(0);
        const entry = a.differential.find((d) => d.cause === j.suggested)!;
        for (const f of j.suggestedBecause) {
          const item = entry.basis.find((b) => b.finding === f && b.countedIn === undefined);
          expect(item, `${f} counts for ${j.suggested}`).toMatchObject({ present: true });
          expect(item!.weight, f).toBeGreaterThan(0);
          expect(wellsItems.has(f) || dvtOwn.has(f), `${f} is a Wells item or a DVT feature`).toBe(false);
          expect(legGroups.has(groupOf.get(f)!), `${f} is not a leg finding`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists red flags, imaging and tests most urgent first, then in the knowledge base’s order', () => {
    const rank = { emergency: 2, urgent: 1, routine: 0 } as const;
    const position = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));
    const flagAt = position(knowledgeBase.redFlags.map((f) => f.id));
    const imagingAt = position(knowledgeBase.imaging.map((m) => m.id));
    const testAt = position(knowledgeBase.investigations.map((t) => t.id));
    const inOrder = <T>(items: readonly T[], urgency: (t: T) => keyof typeof rank, at: (t: T) => number, what: string): void => {
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1]!, items[i]!];
        const byUrgency = rank[urgency(a)] - rank[urgency(b)];
        expect(byUrgency > 0 || (byUrgency === 0 && at(a) < at(b)), what).toBe(true);
      }
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        inOrder(a.redFlags, (f) => f.urgency, (f) => flagAt.get(f.id)!, 'red flags');
        inOrder(a.imaging, (i) => i.urgency, (i) => imagingAt.get(i.modality)!, 'imaging');
        inOrder(a.investigations, (t) => t.urgency ?? 'routine', (t) => testAt.get(t.test)!, 'tests');
      }),
      { numRuns: 300 },
    );
  });

  it('every red flag and suggestion names only findings of the case, and always has a reason', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        for (const f of a.redFlags) for (const id of f.because) expect(c.findings).toContain(id);
        for (const d of a.differential) for (const b of d.basis) expect(b.present ? c.findings : c.absent).toContain(b.finding);
        for (const s of [...a.imaging, ...a.investigations]) expect(s.rationale.length).toBeGreaterThan(20);
      }),
      { numRuns: 200 },
    );
  });

  it('always rejects an unknown id, naming it', () => {
    const known = new Set(findingIds);
    fc.assert(
      fc.property(caseArb, fc.string({ minLength: 1, maxLength: 30 }), fc.boolean(), (c, unknown, inAbsent) => {
        fc.pre(!known.has(unknown));
        const bad = inAbsent ? { ...c, absent: [...c.absent, unknown] } : { ...c, findings: [...c.findings, unknown] };
        let error: unknown;
        try {
          assess(bad);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(CaseError);
        const e = error as CaseError;
        expect(e.path).toBe(inAbsent ? `absent[${c.absent.length}]` : `findings[${c.findings.length}]`);
        expect(e.message).toContain(`Unknown finding id ${JSON.stringify(unknown)};`);
        expect(e.message).not.toMatch(/[\n\r]/);
        expect(e.message).toMatch(/closest known: \S/);
      }),
      { numRuns: 300 },
    );
  });
});
