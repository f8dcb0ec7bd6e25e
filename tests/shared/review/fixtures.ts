import { Encounter } from '../../../shared/api/encounter.ts';
import { StoredAssessment, type DifferentialEntry } from '../../../shared/clinical/assessment.ts';

/**
 * A stored assessment shaped like the engine's output, for tests of pure code that only reads
 * assessments (comparison, FHIR mapping). Values are test data, not clinical statements.
 */
export function storedAssessment(knowledgeBase = 'kb-test-2'): StoredAssessment {
  const cause = (cause: string, label: string, rank: number, score: number, strength: DifferentialEntry['strength']): DifferentialEntry => ({
    cause,
    label,
    rank,
    score,
    strength,
    supporting: [],
    against: [],
    basis: [],
    mustNotMiss: cause === 'dvt',
  });
  return StoredAssessment.parse({
    knowledgeBase,
    differential: [
      cause('dvt', 'Deep vein thrombosis', 1, 0.9, 'strong'),
      cause('bakers-cyst-rupture', "Ruptured Baker's (popliteal) cyst", 2, 0.5, 'moderate'),
      cause('muscle-strain', 'Hamstring or calf muscle strain / overuse', 3, 0.3, 'weak'),
      cause('pad', 'Peripheral artery disease (vascular claudication)', 4, 0.1, 'unlikely'),
    ],
    redFlags: [
      { id: 'suspected-dvt', label: 'Suspected DVT', urgency: 'urgent', because: ['calf-swelling'], action: 'Test today', citation: { reference: 'test' } },
    ],
    imaging: [
      {
        modality: 'doppler-ultrasound',
        label: 'Doppler ultrasound',
        urgency: 'urgent',
        for: ['dvt', 'bakers-cyst-rupture'],
        rationale: 'test rationale',
        citation: { source: 'test' },
      },
    ],
    investigations: [{ test: 'd-dimer', label: 'D-dimer', for: ['dvt'], rationale: 'test rationale', citation: { reference: 'test' } }],
    scores: {
      wellsDvt: { points: 3, category: 'likely', items: [], criteria: [], nextStep: 'test', citation: { reference: 'test' } },
    },
  });
}

/** A deep copy to alter into an "older knowledge base" version. */
export const clone = <T>(value: T): T => structuredClone(value);

/** A stored encounter revision (what encounter.get returns, without addenda). */
export function encounterFixture(overrides: Partial<Encounter> = {}): Encounter {
  return Encounter.parse({
    id: 'enc-0001',
    revision: 3,
    status: 'signed',
    seenAt: '2026-03-02T10:30:00.000Z',
    patient: { name: 'Ada Example', birthDate: '1958-03-14', sex: 'female', identifier: 'MRN 004211' },
    clinician: { name: 'Dr Sam Reyes', role: 'General practitioner' },
    complaint: 'Pain at the back of the left calf for 3 days',
    pain: { intensity: 6, duration: '3 days', side: 'left' },
    findings: ['loc-calf', 'unilateral', 'calf-swelling', 'ex-deep-vein-tenderness'],
    absent: ['after-intense-activity'],
    notes: 'Flew back from Sydney on Friday.\nCalf 3 cm larger than the right — «ünïcödé» ✓',
    workingDiagnosis: 'dvt',
    referral: {
      to: 'Vascular clinic',
      priority: 'emergency',
      question: 'Please exclude proximal DVT',
      reason: 'Wells likely',
      treatmentTried: 'None',
      // The letter's choices, so the round trips carry them too.
      sections: { negatives: false, signature: true },
      priorityChosen: true,
      differentialTop: 3,
      additions: 'Prefers morning appointments.',
    },
    // The clinician's own judgement of the Wells alternative item, so the round trips carry it too.
    wellsAlternative: { met: true, cause: 'bakers-cyst-rupture' },
    assessment: storedAssessment(),
    createdAt: '2026-03-02T10:31:00.000Z',
    savedAt: '2026-03-02T10:45:00.000Z',
    signedAt: '2026-03-02T10:46:00.000Z',
    signedBy: 'Dr Sam Reyes',
    ...overrides,
  });
}
