import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/clinical/assessment.ts';
import { assess, knowledgeBase, type CaseInput, type Condition } from '../../../shared/clinical/index.ts';
import { suggestPriority } from '../../../shared/api/referral.ts';

/**
 * The clinical safety invariants of issue 10, over random cases drawn from the whole vocabulary
 * (hazard log H1-H3: a missed emergency, a buried must-not-miss cause, a self-contradictory output).
 * Example tests pass one case at a time; these hold for every case fast-check can find.
 */

const findingIds = knowledgeBase.findings.map((f) => f.id);
const causeIds = knowledgeBase.causes.filter((c) => c.id !== 'dvt').map((c) => c.id);

/** A random case: distinct findings, each present or absent, and sometimes the clinician's Wells judgement. */
const caseArb: fc.Arbitrary<CaseInput & { findings: string[]; absent: string[] }> = fc
  .record({
    ids: fc.shuffledSubarray(findingIds, { minLength: 0, maxLength: 30 }),
    seed: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    judgement: fc.option(fc.record({ met: fc.boolean(), cause: fc.option(fc.constantFrom(...causeIds), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ ids, seed, judgement }) => ({
    findings: ids.filter((_, i) => seed[i]),
    absent: ids.filter((_, i) => !seed[i]),
    ...(judgement === undefined ? {} : { wellsAlternative: judgement.cause === undefined ? { met: judgement.met } : judgement }),
  }));

const RUNS = { numRuns: 400 };
const emergencies = (a: Assessment): string[] => a.redFlags.filter((f) => f.urgency === 'emergency').map((f) => f.id);
const raised = (a: Assessment, id: string) => a.redFlags.find((f) => f.id === id);
const rank = { emergency: 2, urgent: 1, routine: 0 } as const;

/** An evaluator of key signs written for the test (findings, absent, anyOf, allOf only), apart from the engine's. */
function holds(c: Condition, present: ReadonlySet<string>, absent: ReadonlySet<string>): boolean {
  if ('finding' in c) return present.has(c.finding);
  if ('absent' in c) return absent.has(c.absent);
  if ('anyOf' in c) return c.anyOf.some((p) => holds(p, present, absent));
  if ('allOf' in c) return c.allOf.every((p) => holds(p, present, absent));
  throw new Error(`key signs use only findings: ${JSON.stringify(c)}`);
}

describe('clinical safety properties', () => {
  it('never contradicts itself: Wells, red flags, imaging, investigations and the referral priority agree', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        const w = a.scores.wellsDvt;
        // The Wells score: its total is the sum of the items met, and its category follows the threshold.
        expect(w.points).toBe(w.criteria.reduce((s, x) => s + (x.met ? x.points : 0), 0));
        expect(w.category).toBe(w.points >= knowledgeBase.wells.likelyAt ? 'likely' : 'unlikely');
        // "DVT likely" always brings the DVT red flag and a Doppler at least urgent.
        if (w.applies && w.category === 'likely') {
          expect(raised(a, 'suspected-dvt')).toBeDefined();
          expect(rank[a.imaging.find((i) => i.modality === 'doppler-ultrasound')?.urgency ?? 'routine']).toBeGreaterThanOrEqual(rank.urgent);
        }
        // Nothing follows from a Wells score that does not apply.
        if (!w.applies) {
          expect(w.nextStep).toMatch(/does not apply/);
          expect(raised(a, 'suspected-dvt')).toBeUndefined();
          expect(a.investigations.map((i) => i.test)).not.toContain('d-dimer');
        }
        if (a.investigations.some((i) => i.test === 'd-dimer')) expect(w).toMatchObject({ applies: true, category: 'unlikely' });
        // Each flag has the urgency of the most urgent criterion met, and the action written for it.
        for (const f of a.redFlags) {
          expect(f.criteria!.length).toBeGreaterThan(0);
          expect(f.urgency).toBe(f.criteria!.some((x) => x.urgency === 'emergency') ? 'emergency' : 'urgent');
          const def = knowledgeBase.redFlags.find((d) => d.id === f.id)!;
          expect(f.action).toBe(def.action[f.urgency]);
        }
        // Chronic and acute limb ischaemia are never both raised.
        expect(raised(a, 'critical-limb-ischemia') !== undefined && raised(a, 'suspected-acute-limb-ischemia') !== undefined).toBe(false);
        // Imaging a raised flag calls for is at least as urgent as the flag; text saying "emergency" is labelled so.
        for (const rule of knowledgeBase.imagingRules) {
          if (rule.urgency !== 'red-flag' || !('redFlag' in rule.when)) continue;
          const flag = raised(a, rule.when.redFlag);
          if (flag === undefined) continue;
          expect(rank[a.imaging.find((i) => i.modality === rule.what)!.urgency], rule.id).toBeGreaterThanOrEqual(rank[flag.urgency]);
        }
        for (const s of [...a.imaging, ...a.investigations]) {
          if (/\bemergency\b/i.test(s.rationale)) expect(s.urgency, s.rationale).toBe('emergency');
        }
        // An emergency anywhere makes the suggested referral an emergency.
        if (emergencies(a).length > 0 || a.imaging.some((i) => i.urgency === 'emergency')) expect(suggestPriority(a).priority).toBe('emergency');
      }),
      RUNS,
    );
  });

  it('recording one more finding, present or absent, never removes an emergency', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...findingIds), fc.boolean(), (c, extra, asPresent) => {
        fc.pre(!c.findings.includes(extra) && !c.absent.includes(extra));
        const before = emergencies(assess(c));
        const more = asPresent ? { ...c, findings: [...c.findings, extra] } : { ...c, absent: [...c.absent, extra] };
        const after = emergencies(assess(more));
        for (const id of before) expect(after, `${id} lost after recording ${extra} ${asPresent ? 'present' : 'absent'}`).toContain(id);
      }),
      { numRuns: 1500 },
    );
  });

  it('an absent finding never removes any red flag, nor lowers its urgency', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...findingIds), (c, extra) => {
        fc.pre(!c.findings.includes(extra) && !c.absent.includes(extra));
        const before = assess(c).redFlags;
        const after = assess({ ...c, absent: [...c.absent, extra] }).redFlags;
        for (const f of before) expect(rank[after.find((g) => g.id === f.id)?.urgency ?? 'routine'], f.id).toBeGreaterThanOrEqual(rank[f.urgency]);
      }),
      { numRuns: 800 },
    );
  });

  it('keeps every must-not-miss cause with a key sign within the top three (or the top places the kept causes take)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = assess(c);
        const present = new Set(c.findings);
        const absent = new Set(c.absent);
        const kept = knowledgeBase.mustNotMiss.filter((m) => holds(m.keySigns, present, absent) && !(m.excludedWhen !== undefined && holds(m.excludedWhen, present, absent)));
        const within = Math.max(3, kept.length);
        for (const m of kept) {
          const entry = a.differential.find((d) => d.cause === m.cause)!;
          expect(entry.rank, `${m.cause} with a key sign`).toBeLessThanOrEqual(within);
          // Moved up: it says why, with findings of this case.
          if (entry.keptVisible !== undefined) {
            expect(entry.keptVisible.because.length, `${m.cause} kept without a sign`).toBeGreaterThan(0);
            for (const f of entry.keptVisible.because) expect(c.findings).toContain(f);
            // The reason is a sentence the clinician reads, not an empty line.
            expect(entry.keptVisible.reason, `${m.cause} kept without a reason`).toMatch(/^\S.{20,}\.$/);
          }
        }
        // Causes not kept are in score order; a cause says it was kept only if it was.
        const notKept = a.differential.filter((d) => d.keptVisible === undefined);
        for (let i = 1; i < notKept.length; i++) expect(notKept[i - 1]!.score).toBeGreaterThanOrEqual(notKept[i]!.score);
        for (const d of a.differential) if (d.keptVisible !== undefined) expect(kept.map((m) => m.cause)).toContain(d.cause);
      }),
      RUNS,
    );
  });

  it('reads "no findings recorded" exactly when nothing counted bears on a cause, and "conflicting" only for evidence on both sides', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const d of assess(c).differential) {
          const counted = d.basis.filter((b) => b.countedIn === undefined);
          expect(d.evidence === 'none', d.cause).toBe(counted.length === 0);
          expect(d.points, d.cause).toBe(counted.reduce((s, b) => s + b.weight, 0));
          if (d.evidence === 'for') expect(d.points).toBeGreaterThan(0);
          if (d.evidence === 'against') expect(d.points).toBeLessThan(0);
          // "Conflicting" needs findings on both sides that about cancel out (within a point; kb/scale.ts),
          // or that cancel exactly; one-sided evidence always leans its way.
          const both = counted.some((b) => b.weight > 0) && counted.some((b) => b.weight < 0);
          const cancelling = both && Math.abs(d.points ?? Number.NaN) <= 1;
          if (d.evidence === 'conflicting') expect(cancelling, d.cause).toBe(true);
          if (cancelling) expect(d.evidence, d.cause).toBe('conflicting');
        }
      }),
      RUNS,
    );
  });

  it('never lets an absent risk factor lower a cause', () => {
    const riskFactors = knowledgeBase.findings.filter((f) => f.group === 'risk-factors').map((f) => f.id);
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...riskFactors), (c, rf) => {
        fc.pre(!c.findings.includes(rf) && !c.absent.includes(rf));
        const before = assess(c).differential;
        const after = assess({ ...c, absent: [...c.absent, rf] }).differential;
        for (const d of before) expect(after.find((x) => x.cause === d.cause)!.points, d.cause).toBe(d.points);
      }),
      RUNS,
    );
  });
});
