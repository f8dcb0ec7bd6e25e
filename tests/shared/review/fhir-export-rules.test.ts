import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { causes } from '../../../shared/clinical/kb/causes.ts';
import { findings } from '../../../shared/clinical/kb/findings.ts';
import { FHIR_SYSTEM, toFhirBundle, type R4 } from '../../../shared/review/fhir/index.ts';
import { encounterFixture } from './fixtures.ts';
import { emptyPaths, sourceEncounter } from './fhir-random.ts';
import { medplumErrors } from './fhir-medplum.ts';
import { fhirSchemaErrors } from './fhir-schema.ts';

const kb = { causes, findings };
const EXPORTED_AT = '2026-04-01T09:00:00.000Z';

const icd10Codings = (concept: R4.CodeableConcept | undefined) => (concept?.coding ?? []).filter((c) => c.system === FHIR_SYSTEM.icd10);

describe('FHIR export: JSON rules over random encounters', () => {
  it('never writes an empty array, object or string, and stays valid (JSON schema and Medplum validator)', () => {
    fc.assert(
      fc.property(fc.array(sourceEncounter, { minLength: 1, maxLength: 3 }), (items) => {
        const unique = [...new Map(items.map((i) => [i.encounter.id, i])).values()];
        const bundle = toFhirBundle(unique, { kb, exportedAt: EXPORTED_AT });
        expect(emptyPaths(bundle)).toEqual([]);
        expect(fhirSchemaErrors(bundle as R4.Bundle & { entry: R4.BundleEntry[] })).toEqual([]);
        expect(medplumErrors(bundle)).toEqual([]);
      }),
      { numRuns: 40, seed: 12 },
    );
  }, 120_000);

  it('a referral with no reason, treatment or letter choices has no extension at all', () => {
    const e = encounterFixture({ referral: { to: 'Vascular clinic', priority: 'routine', question: 'Please assess.' } });
    const bundle = toFhirBundle([{ encounter: e, addenda: [] }], { kb, exportedAt: EXPORTED_AT });
    const referral = bundle.entry!.map((x) => x.resource).find((r) => r.resourceType === 'ServiceRequest' && r.intent === 'order')!;
    expect(referral).not.toHaveProperty('extension');
    expect(emptyPaths(bundle)).toEqual([]);
  });

  it('an export of no encounters is a Bundle without entries, not an empty list', () => {
    const bundle = toFhirBundle([], { kb, exportedAt: EXPORTED_AT });
    expect(bundle).toEqual({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-04-01T09:00:00.000Z' });
  });
});

describe('FHIR export: one ICD-10 code per concept', () => {
  const conditionOf = (bundle: R4.Bundle) => bundle.entry!.map((x) => x.resource).find((r): r is R4.Condition => r.resourceType === 'Condition')!;

  it("codes every cause's concept (Condition, differential, imaging reasons) with exactly one ICD-10 code", () => {
    fc.assert(
      fc.property(sourceEncounter, (item) => {
        const bundle = toFhirBundle([item], { kb, exportedAt: EXPORTED_AT });
        const concepts: R4.CodeableConcept[] = [];
        for (const { resource: r } of bundle.entry!) {
          if (r.resourceType === 'Condition' && r.code) concepts.push(r.code);
          if (r.resourceType === 'RiskAssessment') concepts.push(...(r.prediction ?? []).flatMap((p) => (p.outcome ? [p.outcome] : [])));
          if (r.resourceType === 'ServiceRequest') concepts.push(...(r.reasonCode ?? []).filter((c) => c.coding !== undefined));
        }
        for (const concept of concepts) {
          const cause = concept.coding!.find((c) => c.system === FHIR_SYSTEM.cause)!.code!;
          expect(icd10Codings(concept)).toHaveLength(causes.find((c) => c.id === cause)!.icd10.length > 0 ? 1 : 0);
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it("sciatica exports its default M54.3 alone, or the clinician's more specific choice alone", () => {
    const plain = conditionOf(toFhirBundle([{ encounter: encounterFixture({ workingDiagnosis: 'sciatica' }), addenda: [] }], { kb, exportedAt: EXPORTED_AT }));
    expect(icd10Codings(plain.code)).toEqual([{ system: FHIR_SYSTEM.icd10, code: 'M54.3', display: 'Sciatica' }]);
    const chosen = conditionOf(
      toFhirBundle([{ encounter: encounterFixture({ workingDiagnosis: 'sciatica', workingDiagnosisCode: 'M51.1' }), addenda: [] }], { kb, exportedAt: EXPORTED_AT }),
    );
    expect(icd10Codings(chosen.code).map((c) => c.code)).toEqual(['M51.1']);
  });

  it('refuses a chosen code that is not one of the working diagnosis codes, or one without a working diagnosis', () => {
    const base = { seenAt: '2026-03-02T10:30:00.000Z', patient: { name: 'Ada Example' } };
    expect(EncounterDraft.safeParse({ ...base, workingDiagnosis: 'sciatica', workingDiagnosisCode: 'M51.1' }).success).toBe(true);
    const wrong = EncounterDraft.safeParse({ ...base, workingDiagnosis: 'sciatica', workingDiagnosisCode: 'I80.2' });
    expect(wrong.error?.issues[0]?.message).toMatch(/ICD-10 I80.2 is not a code of this working diagnosis \(its codes: M54.3, M54.4, M51.1\)/);
    expect(EncounterDraft.safeParse({ ...base, workingDiagnosisCode: 'M54.3' }).error?.issues[0]?.message).toMatch(/without a working diagnosis/);
  });
});
