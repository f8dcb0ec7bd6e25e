import fc from 'fast-check';
import { Encounter, EncounterDraft, type Addendum } from '../../../shared/api/encounter.ts';
import { assessForStorage } from '../../../shared/clinical/index.ts';
import { icd10Choices } from '../../../shared/coding/icd10.ts';
import type { FhirSourceEncounter } from '../../../shared/review/fhir/index.ts';
import { generateEncounters } from './generate.ts';

/**
 * Random stored encounters for property tests of the FHIR export: generate.ts's encounters, with
 * fields blanked at random (no clinician, blank complaint, referral with nothing but a priority,
 * empty addendum author...) since empty optional parts are where empty FHIR elements come from.
 * Test data only.
 */

const blankable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const sourceEncounter: fc.Arbitrary<FhirSourceEncounter> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    signed: fc.boolean(),
    blankComplaint: fc.boolean(),
    blankNotes: fc.boolean(),
    clinician: fc.constantFrom('none', 'blank-role', 'blank-name', 'full'),
    pain: fc.constantFrom('none', 'intensity-only', 'full', 'blank-duration'),
    referral: fc.constantFrom('none', 'bare', 'full', 'letter-only'),
    identifier: fc.boolean(),
    birthDate: fc.boolean(),
    chooseCode: fc.boolean(),
    wellsAlternative: fc.constantFrom(undefined, { met: false }, { met: true }, { met: true, cause: 'bakers-cyst-rupture' }, { met: true, cause: 'cellulitis' }),
    addenda: fc.array(fc.record({ text: fc.string({ minLength: 1, maxLength: 40 }), author: blankable(fc.constantFrom('', 'Dr Sam Reyes')) }), { maxLength: 2 }),
  })
  .map((o) => {
    const { draft } = generateEncounters({ count: 1, seed: o.seed })[0]!;
    const working = draft.workingDiagnosis ?? null;
    const codes = working === null ? [] : icd10Choices(working);
    const fields = EncounterDraft.parse({
      ...draft,
      complaint: o.blankComplaint ? '' : draft.complaint,
      notes: o.blankNotes ? '' : draft.notes,
      clinician:
        o.clinician === 'none' ? null : o.clinician === 'blank-role' ? { name: 'Dr Sam Reyes', role: '' } : o.clinician === 'blank-name' ? { name: '', role: 'GP' } : draft.clinician,
      pain: o.pain === 'none' ? null : o.pain === 'intensity-only' ? { intensity: 4 } : o.pain === 'blank-duration' ? { duration: '' } : draft.pain,
      referral:
        o.referral === 'none'
          ? null
          : o.referral === 'bare'
            ? { to: '', priority: 'routine', question: '' }
            : o.referral === 'letter-only'
              ? { to: '', question: '', reason: '', treatmentTried: '', additions: '', sections: {} }
              : { to: 'Vascular clinic', priority: 'urgent', question: 'Please assess.', reason: 'Wells likely', treatmentTried: 'None', sections: { notes: false } },
      patient: { ...draft.patient, identifier: o.identifier ? draft.patient.identifier : '', birthDate: o.birthDate ? draft.patient.birthDate : null },
      ...(o.chooseCode && codes.length > 1 ? { workingDiagnosisCode: codes.at(-1)!.code } : {}),
      ...(o.wellsAlternative !== undefined ? { wellsAlternative: o.wellsAlternative } : {}),
    });
    const { id: _id, baseRevision: _base, ...rest } = fields;
    const signed = o.signed;
    const encounter = Encounter.parse({
      ...rest,
      id: `enc-${o.seed}`,
      revision: 1 + (o.seed % 4),
      status: signed ? 'signed' : 'draft',
      assessment: assessForStorage({ findings: rest.findings, absent: rest.absent, sex: rest.patient.sex, wellsAlternative: rest.wellsAlternative ?? null }),
      createdAt: rest.seenAt,
      savedAt: rest.seenAt,
      signedAt: signed ? rest.seenAt : null,
      signedBy: signed ? 'Dr Sam Reyes' : null,
    });
    const addenda: Addendum[] = signed
      ? o.addenda.map((a, i) => ({ id: `add-${i + 1}`, text: a.text, createdAt: rest.seenAt, author: a.author ?? '' }))
      : [];
    return { encounter, addenda };
  });

/** Paths of every empty string, array or object in a JSON value (FHIR JSON allows none). */
export function emptyPaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [path] : [];
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => emptyPaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([k, v]) => emptyPaths(v, `${path}.${k}`));
  }
  return [];
}
