import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { KB_VERSION, assessForStorage, type CaseInput } from '../../../shared/clinical/index.ts';
import { AssessmentComparison, compareAssessments } from '../../../shared/review/compare.ts';
import { clone, storedAssessment } from './fixtures.ts';

describe('compareAssessments', () => {
  it('reports no change when the same knowledge base gives the same assessment', () => {
    const a = storedAssessment();
    const c = compareAssessments(a, clone(a));
    expect(c.changed).toBe(false);
    expect(c.knowledgeBase).toEqual({ then: 'kb-test-2', now: 'kb-test-2', same: true });
    expect(c.differential.every((d) => d.movement === 'same' && d.rankDelta === 0)).toBe(true);
    expect(c.redFlags.map((f) => f.change)).toEqual(['same']);
    expect(c.topCause).toEqual({ then: 'dvt', now: 'dvt', changed: false });
    expect(() => AssessmentComparison.parse(c)).not.toThrow();
  });

  it('shows ranks, red flags, imaging and Wells that an older knowledge base had differently', () => {
    const now = storedAssessment('kb-test-2');
    const older = clone(now);
    older.knowledgeBase = 'kb-test-1';
    // The older knowledge base ranked the strain first and DVT second, did not know the cyst,
    // raised no DVT red flag, suggested routine Doppler plus an X-ray, and scored Wells 1.
    older.differential = [
      { ...now.differential[2]!, rank: 1, score: 0.8, strength: 'strong' },
      { ...now.differential[0]!, rank: 2, score: 0.6, strength: 'moderate' },
      { ...now.differential[3]!, rank: 3 },
      { ...now.differential[3]!, cause: 'tendonitis', label: 'Tendonitis', rank: 4 },
    ];
    older.redFlags = [];
    older.imaging = [
      { ...now.imaging[0]!, urgency: 'routine', for: ['dvt'] },
      { modality: 'x-ray', label: 'X-ray', urgency: 'routine', for: ['muscle-strain'], rationale: 'old', citation: { source: 'old' } },
    ];
    older.scores.wellsDvt = { ...now.scores.wellsDvt, points: 1, category: 'unlikely' };

    const c = compareAssessments(older, now);

    expect(c.changed).toBe(true);
    expect(c.knowledgeBase).toEqual({ then: 'kb-test-1', now: 'kb-test-2', same: false });
    expect(c.topCause).toEqual({ then: 'muscle-strain', now: 'dvt', changed: true });
    expect(c.differential.map((d) => [d.cause, d.movement, d.rankDelta])).toEqual([
      ['dvt', 'up', 1],
      ['bakers-cyst-rupture', 'new', 0],
      ['muscle-strain', 'down', -2],
      ['pad', 'down', -1],
      ['tendonitis', 'gone', 0],
    ]);
    const dvt = c.differential[0]!;
    expect(dvt.then).toEqual({ rank: 2, score: 0.6, strength: 'moderate' });
    expect(dvt.now).toEqual({ rank: 1, score: 0.9, strength: 'strong' });
    expect(dvt.strengthChanged).toBe(true);

    expect(c.redFlags).toEqual([{ id: 'suspected-dvt', label: 'Suspected DVT', change: 'added', then: null, now: 'urgent' }]);
    expect(c.imaging.map((i) => [i.modality, i.change, i.then, i.now])).toEqual([
      ['doppler-ultrasound', 'urgency', 'routine', 'urgent'],
      ['x-ray', 'removed', 'routine', null],
    ]);
    expect(c.imaging[0]!.forThen).toEqual(['dvt']);
    expect(c.imaging[0]!.forNow).toEqual(['dvt', 'bakers-cyst-rupture']);
    expect(c.wellsDvt).toEqual({
      then: { points: 1, category: 'unlikely', applies: true },
      now: { points: 3, category: 'likely', applies: true },
      pointsChanged: true,
      categoryChanged: true,
      appliesChanged: false,
    });
    expect(() => AssessmentComparison.parse(c)).not.toThrow();
  });

  it('reports a red flag removed today and one whose urgency changed', () => {
    const now = storedAssessment();
    const older = clone(now);
    older.redFlags = [
      { ...now.redFlags[0]!, urgency: 'emergency' },
      { id: 'cauda-equina', label: 'Cauda equina', urgency: 'emergency', because: [], action: 'old', citation: { source: 'old' } },
    ];
    const c = compareAssessments(older, now);
    expect(c.redFlags.map((f) => [f.id, f.change, f.then, f.now])).toEqual([
      ['suspected-dvt', 'urgency', 'emergency', 'urgent'],
      ['cauda-equina', 'removed', 'emergency', null],
    ]);
    expect(c.changed).toBe(true);
  });

  it('counts a change in which causes an imaging suggestion serves as a change', () => {
    const now = storedAssessment();
    const older = clone(now);
    older.imaging[0]!.for = ['dvt'];
    const c = compareAssessments(older, now);
    expect(c.imaging[0]!.change).toBe('same');
    expect(c.changed).toBe(true);
  });

  it('reports investigations added and removed', () => {
    const now = storedAssessment();
    const older = clone(now);
    older.investigations = [{ test: 'abi', label: 'Ankle-brachial index', for: ['pad'], rationale: 'old', citation: { source: 'old' } }];
    const c = compareAssessments(older, now);
    expect(c.investigations).toEqual([
      { test: 'd-dimer', label: 'D-dimer', change: 'added', then: null, now: null },
      { test: 'abi', label: 'Ankle-brachial index', change: 'removed', then: null, now: null },
    ]);
  });

  it('shows what a v2 knowledge base changes for an assessment stored with v1: evidence, a cause kept visible, urgencies, and a Wells score that no longer applies', () => {
    const then = storedAssessment('kb-v1');
    const now = clone(then);
    now.knowledgeBase = 'kb-v2';
    now.differential = now.differential.map((d) =>
      d.cause === 'pad'
        ? { ...d, evidence: 'none' as const }
        : d.cause === 'dvt'
          ? { ...d, evidence: 'for' as const, keptVisible: { because: ['calf-swelling'], reason: 'A key sign of DVT is recorded' } }
          : { ...d, evidence: 'conflicting' as const },
    );
    now.imaging = now.imaging.map((i) => ({ ...i, urgency: 'emergency' as const }));
    now.investigations = now.investigations.map((i) => ({ ...i, urgency: 'urgent' as const }));
    now.scores.wellsDvt = { ...now.scores.wellsDvt, applies: false, alternativeJudgement: { state: 'none', suggestedBecause: [] } };

    const c = compareAssessments(then, now);
    expect(() => AssessmentComparison.parse(c)).not.toThrow();
    // Evidence is new in v2: a side that does not say it is not a change of evidence; the rank and strength still count.
    expect(c.differential.every((d) => !d.evidenceChanged)).toBe(true);
    expect(c.differential.find((d) => d.cause === 'pad')!.now).toEqual({ rank: 4, score: 0.1, strength: 'unlikely', evidence: 'none' });
    expect(c.differential.find((d) => d.cause === 'dvt')!.now!.keptVisible).toBe('A key sign of DVT is recorded');
    expect(c.imaging.map((i) => [i.change, i.then, i.now])).toEqual([['urgency', 'urgent', 'emergency']]);
    // An investigation stored without an urgency is not said to have changed urgency.
    expect(c.investigations).toEqual([{ test: 'd-dimer', label: 'D-dimer', change: 'same', then: null, now: 'urgent' }]);
    expect(c.wellsDvt).toMatchObject({ then: { points: 3, category: 'likely' }, now: { applies: false, alternative: 'none' }, appliesChanged: true });
    expect(c.changed).toBe(true);

    // Between two v2 assessments, evidence that changes is a change even at the same rank and strength.
    const later = clone(now);
    later.differential = later.differential.map((d) => (d.cause === 'pad' ? { ...d, evidence: 'against' as const } : d));
    const again = compareAssessments(now, later);
    expect(again.differential.find((d) => d.cause === 'pad')!.evidenceChanged).toBe(true);
    expect(again.changed).toBe(true);
  });

  it('is deterministic and does not modify its inputs', () => {
    const now = storedAssessment();
    const older = clone(now);
    older.differential.reverse().forEach((d, i) => (d.rank = i + 1));
    const before = JSON.stringify([older, now]);
    const a = compareAssessments(older, now);
    const b = compareAssessments(clone(older), clone(now));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify([older, now])).toBe(before);
  });

  it('shows what knowledge base v2 changes for an assessment stored by v1, which stays as it was stored', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, 'stored-v1', 'swollen-warm-calf.json'), 'utf8')) as { case: CaseInput; assessment: unknown };
    const stored = StoredAssessment.parse(file.assessment);
    expect(stored.knowledgeBase).toBe('2026.11.1+vocabulary-v1');
    const frozen = structuredClone(stored);
    const c = compareAssessments(stored, assessForStorage(file.case));
    expect(stored).toEqual(frozen);
    expect(c.knowledgeBase).toEqual({ then: '2026.11.1+vocabulary-v1', now: KB_VERSION, same: false });
    // v1 let absent risk factors take the DVT flag and the Doppler away from a swollen, warm calf; v2 does not.
    expect(c.redFlags).toEqual([{ id: 'suspected-dvt', label: 'Suspected deep vein thrombosis', change: 'added', then: null, now: 'urgent' }]);
    expect(c.imaging.find((i) => i.modality === 'doppler-ultrasound')).toMatchObject({ change: 'added', now: 'urgent', forNow: ['dvt'] });
    expect(c.differential.filter((d) => d.movement === 'new').map((d) => d.cause).sort()).toEqual(
      ['achilles-rupture', 'acute-compartment-syndrome', 'acute-limb-ischemia', 'cellulitis', 'chronic-exertional-compartment-syndrome', 'fracture', 'popliteal-artery-aneurysm', 'popliteal-artery-entrapment', 'spinal-malignancy-or-infection', 'superficial-vein-thrombosis'],
    );
    const dvt = c.differential.find((d) => d.cause === 'dvt')!;
    expect(dvt).toMatchObject({ then: { rank: 1 }, now: { rank: 1 } });
    expect(dvt.now!.score).toBeGreaterThan(dvt.then!.score);
    expect(c.wellsDvt).toMatchObject({ then: { applies: true }, now: { applies: true }, appliesChanged: false });
    expect(c.changed).toBe(true);
  });

  it('says when the Wells score no longer applies today', () => {
    const stored = { ...assessForStorage({ findings: ['loc-lower-back', 'saddle-anesthesia'] }), knowledgeBase: 'older' };
    const old = { ...stored, scores: { wellsDvt: { ...stored.scores.wellsDvt, applies: undefined } } };
    const c = compareAssessments(old, assessForStorage({ findings: ['loc-lower-back', 'saddle-anesthesia'] }));
    expect(c.wellsDvt).toMatchObject({ then: { applies: true }, now: { applies: false }, appliesChanged: true });
    expect(c.changed).toBe(true);
  });
});
