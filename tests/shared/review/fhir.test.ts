import { describe, expect, it } from 'vitest';
import type { Encounter } from '../../../shared/api/encounter.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { causes } from '../../../shared/clinical/kb/causes.ts';
import { findings } from '../../../shared/clinical/kb/findings.ts';
import { FHIR_SYSTEM, fhirDateTime, fromFhirBundle, readFhirJson, toFhirBundle, type R4 } from '../../../shared/review/fhir/index.ts';
import { encounterFixture, storedAssessment } from './fixtures.ts';
import { fhirSchemaErrors } from './fhir-schema.ts';
import { medplumErrors } from './fhir-medplum.ts';

const realKb = { causes, findings };
/** The real knowledge base, with an ICD-10 code added to DVT so the mapping is exercised whatever the KB holds today. */
const kbWithCode = {
  findings,
  causes: causes.map((c) => (c.id === 'dvt' ? { ...c, icd10: [{ code: 'I80.2', title: 'Test title' }] } : c)),
};
const EXPORTED_AT = '2026-04-01T09:00:00.000Z';

const resources = <T extends R4.Resource['resourceType']>(bundle: R4.Bundle, type: T) =>
  (bundle.entry! ?? []).map((e) => e.resource).filter((r): r is Extract<R4.Resource, { resourceType: T }> => r.resourceType === type);

const draftFixture = (): Encounter =>
  encounterFixture({
    id: 'enc-0002',
    revision: 1,
    status: 'draft',
    signedAt: null,
    signedBy: null,
    patient: { name: 'Bo Other', birthDate: null, sex: 'unknown', identifier: '' },
    clinician: null,
    complaint: '',
    pain: null,
    notes: '',
    findings: ['loc-buttock'],
    absent: [],
    workingDiagnosis: null,
    referral: null,
    wellsAlternative: undefined,
    assessment: { ...storedAssessment('kb-test-1'), imaging: [], redFlags: [] },
  });

describe('toFhirBundle', () => {
  const signed = encounterFixture();
  const addenda = [{ id: 'add-1', text: 'D-dimer came back raised.', createdAt: '2026-03-03T08:00:00.000Z', author: 'Dr Sam Reyes' }];
  const bundle = toFhirBundle([{ encounter: signed, addenda }, { encounter: draftFixture(), addenda: [] }], { kb: kbWithCode, exportedAt: EXPORTED_AT });

  it('is valid against the official FHIR R4 JSON schema and Medplum\'s validator', () => {
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(medplumErrors(bundle)).toEqual([]);
  });

  it("Medplum's validator is live: it catches a missing required element and an unknown one", () => {
    const missing = structuredClone(bundle);
    delete (missing.entry!.find((e) => e.resource.resourceType === 'Encounter')!.resource as unknown as Record<string, unknown>).status;
    expect(medplumErrors(missing).join('\n')).toMatch(/status/);
    const unknown = structuredClone(bundle);
    (unknown.entry![0]!.resource as unknown as Record<string, unknown>).nickname = 'Ada';
    expect(medplumErrors(unknown).join('\n')).toMatch(/nickname/);
  });

  it('the schema check catches an invalid resource (the validator is live)', () => {
    const broken = structuredClone(bundle);
    (broken.entry![0]!.resource as unknown as Record<string, unknown>).gender = 'woman';
    expect(fhirSchemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('maps the patient, with sex to gender and the identifier kept', () => {
    const [ada, bo] = resources(bundle, 'Patient');
    expect(ada).toMatchObject({
      identifier: [{ system: FHIR_SYSTEM.patientIdentifier, value: 'MRN 004211' }],
      name: [{ text: 'Ada Example' }],
      gender: 'female',
      birthDate: '1958-03-14',
    });
    expect(bo).toEqual({ resourceType: 'Patient', id: bo!.id, name: [{ text: 'Bo Other' }], gender: 'unknown' });
  });

  it('maps the encounter: status by signature, seen at, complaint, subject', () => {
    const [e1, e2] = resources(bundle, 'Encounter');
    expect(e1).toMatchObject({
      status: 'finished',
      identifier: [{ system: FHIR_SYSTEM.encounter, value: 'enc-0001' }],
      meta: { versionId: '3' },
      period: { start: '2026-03-02T10:30:00.000Z' },
      reasonCode: [{ text: 'Pain at the back of the left calf for 3 days' }],
      participant: [{ individual: { display: 'Dr Sam Reyes' } }],
    });
    expect(e1!.subject!.reference).toBe(bundle.entry![0]!.fullUrl);
    expect(e2!.status).toBe('in-progress');
    expect(e2!.reasonCode).toBeUndefined();
  });

  it('records each finding as an Observation: present true, absent false, with the label', () => {
    const encounterUrl = bundle.entry!.find((e) => e.resource.resourceType === 'Encounter')!.fullUrl;
    const obs = resources(bundle, 'Observation').filter(
      (o) => o.encounter?.reference === encounterUrl && o.code.coding?.[0]?.system === FHIR_SYSTEM.finding,
    );
    expect(obs.map((o) => [o.code.coding![0]!.code, o.valueBoolean])).toEqual([
      ['loc-calf', true],
      ['unilateral', true],
      ['calf-swelling', true],
      ['ex-deep-vein-tenderness', true],
      ['after-intense-activity', false],
    ]);
    expect(obs[0]!.code.text).toBe(findings.find((f) => f.id === 'loc-calf')!.label);
    expect(obs[3]!.category?.[0]?.coding?.[0]?.code).toBe('exam');
    expect(obs.every((o) => o.status === 'final')).toBe(true);
  });

  it('codes the working diagnosis with ICD-10 from the knowledge base and the local cause code', () => {
    const [condition] = resources(bundle, 'Condition');
    expect(condition!.verificationStatus!.coding![0]!.code).toBe('provisional');
    expect(condition!.code!.coding).toEqual([
      { system: 'http://hl7.org/fhir/sid/icd-10', code: 'I80.2', display: 'Test title' },
      { system: FHIR_SYSTEM.cause, code: 'dvt', display: causes.find((c) => c.id === 'dvt')!.label },
    ]);
    expect(resources(bundle, 'Condition')).toHaveLength(1);
  });

  it("carries one ICD-10 code, the real knowledge base's default for the cause", () => {
    const b = toFhirBundle([{ encounter: signed, addenda: [] }], { kb: realKb, exportedAt: EXPORTED_AT });
    const icd = resources(b, 'Condition')[0]!.code!.coding!.filter((c) => c.system === 'http://hl7.org/fhir/sid/icd-10');
    expect(icd.map((c) => c.code)).toEqual([causes.find((c) => c.id === 'dvt')!.icd10[0]!.code]);
  });

  it('maps the referral to an order with emergency as stat, and imaging to proposals', () => {
    const requests = resources(bundle, 'ServiceRequest');
    const referral = requests.find((r) => r.intent === 'order')!;
    expect(referral).toMatchObject({
      status: 'active',
      priority: 'stat',
      performer: [{ display: 'Vascular clinic' }],
      reasonCode: [{ text: 'Please exclude proximal DVT' }],
      requester: { display: 'Dr Sam Reyes' },
    });
    const imaging = requests.filter((r) => r.intent === 'proposal');
    // The draft's assessment suggests no imaging, so only the signed encounter's Doppler is there.
    expect(imaging.map((r) => [r.code!.coding![0]!.code, r.priority, r.status])).toEqual([['doppler-ultrasound', 'urgent', 'active']]);
    expect(imaging[0]!.reasonCode!.map((c) => c.coding!.at(-1)!.code)).toEqual(['dvt', 'bakers-cyst-rupture']);
  });

  it('keeps the stored assessment and its knowledge-base version in a RiskAssessment', () => {
    const [ra] = resources(bundle, 'RiskAssessment');
    expect(ra!.method!.coding![0]).toMatchObject({ system: FHIR_SYSTEM.knowledgeBase, code: 'kb-test-2' });
    expect(ra!.prediction!.map((p) => p.outcome!.coding!.at(-1)!.code)).toEqual(['dvt', 'bakers-cyst-rupture', 'muscle-strain', 'pad']);
    expect(ra!.note![0]!.text).toContain('Suspected DVT');
  });

  it('gives stable, unique fullUrls derived from encounter id and revision', () => {
    const again = toFhirBundle([{ encounter: signed, addenda }, { encounter: draftFixture(), addenda: [] }], { kb: kbWithCode, exportedAt: EXPORTED_AT });
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    const urls = bundle.entry!.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.every((u) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u))).toBe(true);
    const nextRevision = toFhirBundle([{ encounter: { ...signed, revision: 4 }, addenda }], { kb: kbWithCode, exportedAt: EXPORTED_AT });
    const encUrl = (b: R4.Bundle) => b.entry!.find((e) => e.resource.resourceType === 'Encounter')!.fullUrl;
    expect(encUrl(nextRevision)).not.toBe(encUrl(bundle));
  });

  it('exports imaging called for by an emergency with the FHIR priority "stat"', () => {
    const base = storedAssessment();
    const emergency = encounterFixture({ assessment: { ...base, imaging: base.imaging.map((i) => ({ ...i, modality: 'mri', label: 'MRI', urgency: 'emergency' as const })) } });
    const b = toFhirBundle([{ encounter: emergency, addenda: [] }], { kb: realKb, exportedAt: EXPORTED_AT });
    const imaging = resources(b, 'ServiceRequest').filter((r) => r.intent === 'proposal');
    expect(imaging.map((r) => r.priority)).toEqual(['stat']);
    expect(fhirSchemaErrors(b)).toEqual([]);
  });

  it('shares one Patient between encounters of the same patient', () => {
    const b = toFhirBundle(
      [
        { encounter: signed, addenda: [] },
        { encounter: { ...signed, id: 'enc-0009', seenAt: '2026-05-01T09:00:00.000Z' }, addenda: [] },
      ],
      { kb: realKb, exportedAt: EXPORTED_AT },
    );
    expect(resources(b, 'Patient')).toHaveLength(1);
    expect(new Set(resources(b, 'Encounter').map((e) => e.subject!.reference)).size).toBe(1);
    expect(fhirSchemaErrors(b)).toEqual([]);
  });
});

describe('fromFhirBundle', () => {
  const items = [
    { encounter: encounterFixture(), addenda: [{ id: 'add-1', text: 'D-dimer raised.', createdAt: '2026-03-03T08:00:00.000Z', author: 'Dr Sam Reyes' }] },
    { encounter: draftFixture(), addenda: [] },
  ];
  const bundle = toFhirBundle(items, { kb: realKb, exportedAt: EXPORTED_AT });

  it('reads back every field the clinician wrote, the stored assessment and the addenda', () => {
    const { encounters, skipped } = readFhirJson(JSON.stringify(bundle));
    expect(skipped).toEqual([]);
    expect(encounters).toHaveLength(2);
    for (const [i, record] of encounters.entries()) {
      const original = items[i]!.encounter;
      expect(record.id).toBe(original.id);
      expect(record.fromLegPainDdx).toBe(true);
      expect(record.revision).toBe(original.revision);
      expect(record.status).toBe(original.status);
      expect(record.createdAt).toBe(original.createdAt);
      expect(record.savedAt).toBe(original.savedAt);
      expect(record.signedAt).toBe(original.signedAt);
      expect(record.signedBy).toBe(original.signedBy);
      expect(record.assessment).toEqual(original.assessment);
      expect(record.addenda).toEqual(items[i]!.addenda);
      const { seenAt, patient, clinician, complaint, pain, findings: f, absent, notes, workingDiagnosis, referral, wellsAlternative } = original;
      expect(record.fields).toEqual({ seenAt, patient, clinician, complaint, pain, findings: f, absent, notes, workingDiagnosis, referral, wellsAlternative });
    }
    expect(encounters[0]!.fields.wellsAlternative).toEqual({ met: true, cause: 'bakers-cyst-rupture' });
    expect(encounters[1]!.fields).not.toHaveProperty('wellsAlternative');
  });

  it("carries the clinician's Wells judgement that the item is not met, and refuses a judgement that names a cause it says is not met", () => {
    const notMet = toFhirBundle([{ encounter: encounterFixture({ wellsAlternative: { met: false } }), addenda: [] }], { kb: realKb, exportedAt: EXPORTED_AT });
    expect(fhirSchemaErrors(notMet)).toEqual([]);
    expect(fromFhirBundle(notMet).encounters[0]!.fields.wellsAlternative).toEqual({ met: false });
    const contradictory = structuredClone(notMet);
    const enc = contradictory.entry!.find((e) => e.resource.resourceType === 'Encounter')!.resource as R4.Encounter;
    enc.extension!.find((x) => x.url.endsWith('wells-alternative'))!.extension!.push({ url: 'cause', valueCode: 'cellulitis' });
    const { encounters, skipped } = fromFhirBundle(contradictory);
    expect(encounters).toEqual([]);
    expect(skipped[0]!.reason).toMatch(/named only when the Wells item is judged met.*wells-alternative/);
  });

  it('rejects a file that is not JSON or not a Bundle with a clear message', () => {
    expect(() => readFhirJson('{not json')).toThrow(ApiError);
    expect(() => readFhirJson('{not json')).toThrow(/not valid JSON/);
    expect(() => fromFhirBundle({ resourceType: 'Patient' })).toThrow(/not a FHIR Bundle/);
    expect(() => fromFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: 'x' })).toThrow(/no list of entries/);
  });

  it('skips a bad encounter with a reason and keeps the others', () => {
    const broken = structuredClone(bundle);
    const obs = broken.entry!.find((e) => e.resource.resourceType === 'Observation')!.resource as R4.Observation;
    obs.code.coding![0]!.code = 'calf-swollen';
    const { encounters, skipped } = fromFhirBundle(broken);
    expect(encounters.map((e) => e.id)).toEqual(['enc-0002']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.index).toBe(broken.entry!.findIndex((e) => e.resource.resourceType === 'Encounter'));
    expect(skipped[0]!.reason).toMatch(/Encounter 1 in the file: Unknown finding id "calf-swollen".*findings present/);
  });

  it('names a missing patient and a bad date', () => {
    const noPatient = structuredClone(bundle);
    noPatient.entry! = noPatient.entry!.filter((e) => e.resource.resourceType !== 'Patient');
    expect(fromFhirBundle(noPatient).skipped.map((s) => s.reason)).toEqual([
      'Encounter 1 in the file: the patient it refers to is not in the file',
      'Encounter 2 in the file: the patient it refers to is not in the file',
    ]);
    const badDate = structuredClone(bundle);
    (badDate.entry!.find((e) => e.resource.resourceType === 'Encounter')!.resource as R4.Encounter).period = { start: '2026-02-30' };
    expect(fromFhirBundle(badDate).skipped[0]!.reason).toMatch(/date seen \(Encounter\.period\.start\)/);
  });

  it('reads a plain FHIR encounter from elsewhere (no Leg Pain DDx extensions)', () => {
    const foreign = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'http://example.org/Patient/p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Jo'], family: 'Bloggs' }], gender: 'male' } },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'e1',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: 'Patient/p1' },
            period: { start: '2025-01-01T09:00:00Z' },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: FHIR_SYSTEM.finding, code: 'loc-calf' }] },
            encounter: { reference: 'Encounter/e1' },
            valueBoolean: true,
          },
        },
        { resource: { resourceType: 'ServiceRequest', status: 'active', intent: 'order', priority: 'asap', subject: { reference: 'Patient/p1' }, encounter: { reference: 'Encounter/e1' } } },
      ],
    };
    const { encounters, skipped } = fromFhirBundle(foreign);
    expect(skipped).toEqual([]);
    expect(encounters[0]!.id).toMatch(/^fhir-[0-9a-f-]{36}$/);
    expect(fromFhirBundle(foreign).encounters[0]!.id).toBe(encounters[0]!.id);
    expect(encounters[0]).toMatchObject({
      fromLegPainDdx: false,
      revision: null,
      status: 'draft',
      assessment: null,
      fields: { patient: { name: 'Jo Bloggs', sex: 'male', birthDate: null, identifier: '' }, findings: ['loc-calf'], referral: { priority: 'urgent', to: '' } },
    });
  });
});

describe('fhirDateTime', () => {
  it('adds the seconds and the offset colon FHIR requires, keeping the instant', () => {
    expect(fhirDateTime('2026-03-02T10:30Z')).toBe('2026-03-02T10:30:00Z');
    expect(fhirDateTime('2026-03-02T10:30+0100')).toBe('2026-03-02T10:30:00+01:00');
    expect(fhirDateTime('2026-03-02T10:30:15.250-05:00')).toBe('2026-03-02T10:30:15.250-05:00');
  });
});
