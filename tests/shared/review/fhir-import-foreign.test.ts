import { describe, expect, it } from 'vitest';
import { causes } from '../../../shared/clinical/kb/causes.ts';
import { findings } from '../../../shared/clinical/kb/findings.ts';
import { fromFhirBundle, toFhirBundle } from '../../../shared/review/fhir/index.ts';
import { encounterFixture } from './fixtures.ts';
import { fhirSchemaErrors } from './fhir-schema.ts';
import { bundle, others, patient } from './foreign-bundles.ts';

/**
 * Import of Bundles in the shape other systems write (hand-written here, not made by our export):
 * dates of every FHIR precision, a LOINC pain score, an ICD-10 Condition, SNOMED CT coded findings,
 * a coded reason without words, elements the app has no place for, and a Bundle with no Encounter.
 */

describe('FHIR import from other systems', () => {
  it.each([
    ['a date', '2026-10-01', '2026-10-01'],
    ['a month', '2026-10', '2026-10-01'],
    ['a year', '2026', '2026-01-01'],
  ])('accepts the date seen as %s and keeps it as given', (_, start, day) => {
    const { encounters, skipped } = fromFhirBundle(bundle('1960-05-14', start));
    expect(skipped).toEqual([]);
    expect(encounters[0]!.fields.seenAtAsGiven).toBe(start);
    expect(encounters[0]!.fields.seenAt.startsWith(`${day}T00:00:00`)).toBe(true);
  });

  it('takes a date seen with a time as it is, with nothing kept beside it', () => {
    const { encounters } = fromFhirBundle(bundle('1960-05-14', '2026-10-01T09:30:00+02:00'));
    expect(encounters[0]!.fields.seenAt).toBe('2026-10-01T09:30:00+02:00');
    expect(encounters[0]!.fields.seenAtAsGiven).toBeUndefined();
  });

  it.each([
    ['1960', null, '1960'],
    ['1960-05', null, '1960-05'],
    ['1960-05-14', '1960-05-14', undefined],
  ])('accepts a birth date of %s: stored as given, never made more precise', (given, birthDate, asGiven) => {
    const { encounters, skipped } = fromFhirBundle(bundle(given, '2026-10-01'));
    expect(skipped).toEqual([]);
    expect(encounters[0]!.fields.patient.birthDate).toBe(birthDate);
    expect(encounters[0]!.fields.patient.birthDateAsGiven).toBe(asGiven);
  });

  it('still refuses a date that is no date (30 February), naming the field', () => {
    expect(fromFhirBundle(bundle('1960', '2026-02-30')).skipped[0]!.reason).toMatch(/date seen \(Encounter\.period\.start\)/);
  });

  it('maps the LOINC pain score, the ICD-10 Condition, SNOMED CT findings and a coded reason', () => {
    const [record] = fromFhirBundle(bundle('1960', '2026-10-01')).encounters;
    expect(record!.fields.pain).toEqual({ intensity: 7 });
    expect(record!.fields.workingDiagnosis).toBe('sciatica');
    expect(record!.fields.workingDiagnosisCode).toBe('M51.1');
    expect(record!.fields.findings).toEqual(['numbness', 'rf-diabetes']);
    expect(record!.fields.absent).toEqual(['foot-drop']);
    expect(record!.fields.patient).toMatchObject({ name: 'Astrid M Lindqvist', identifier: '00012345', sex: 'female' });
  });

  it('lists every element it did not import, per encounter, and the resources that belong to no encounter', () => {
    const result = fromFhirBundle(bundle('1960', '2026-10-01'));
    expect(result.encounters[0]!.notImported).toEqual([
      'Encounter.type',
      'Encounter.serviceProvider',
      'Patient.address',
      'Patient.telecom',
      'Observation (entry 8) http://loinc.org 8867-4 "Heart rate": no finding of Leg Pain DDx has this code',
      'Encounter.reasonCode http://snomed.info/sct 10601006: a code without words',
    ]);
    expect(result.notes).toEqual(['Entry 9 (AllergyIntolerance) belongs to no Encounter of the file: not imported.']);
  });

  it('says so when a Bundle has no Encounter', () => {
    const result = fromFhirBundle({ resourceType: 'Bundle', type: 'collection', entry: [patient('1960'), others[0]!, others[6]!] });
    expect(result.encounters).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual([
      'The file has no Encounter, so there is nothing to import: Leg Pain DDx imports encounters with their patient and findings (the file holds 1 Patient, 1 Observation, 1 AllergyIntolerance).',
    ]);
  });

  it('leaves out an Observation entered in error or a refuted Condition, and says so', () => {
    const b = bundle('1960', '2026-10-01');
    (b.entry[4]!.resource as { status?: string }).status = 'entered-in-error';
    (b.entry[3]!.resource as Record<string, unknown>).verificationStatus = { coding: [{ code: 'refuted' }] };
    const [record] = fromFhirBundle(b).encounters;
    expect(record!.fields.findings).toEqual(['rf-diabetes']);
    expect(record!.fields.workingDiagnosis).toBeNull();
    expect(record!.notImported).toContain('Observation (entry 5) marked entered-in-error');
    expect(record!.notImported).toContain('Condition (entry 4) marked refuted');
  });

  it('exports dates kept as given as they were given, so they come back the same', () => {
    const e = encounterFixture({
      seenAt: '2026-10-01T00:00:00+02:00',
      seenAtAsGiven: '2026-10',
      patient: { name: 'Astrid Lindqvist', birthDate: null, birthDateAsGiven: '1960', sex: 'female', identifier: '00012345' },
      workingDiagnosis: 'sciatica',
      workingDiagnosisCode: 'M51.1',
    });
    const out = toFhirBundle([{ encounter: e, addenda: [] }], { kb: { causes, findings }, exportedAt: '2026-11-01T00:00:00Z' });
    expect(fhirSchemaErrors(out as Parameters<typeof fhirSchemaErrors>[0])).toEqual([]);
    const resources = (out.entry ?? []).map((x) => x.resource);
    expect(resources.find((r) => r.resourceType === 'Encounter')).toMatchObject({ period: { start: '2026-10' } });
    expect(resources.find((r) => r.resourceType === 'Patient')).toMatchObject({ birthDate: '1960' });
    const [back] = fromFhirBundle(out).encounters;
    expect(back!.fields).toMatchObject({ seenAtAsGiven: '2026-10', patient: { birthDate: null, birthDateAsGiven: '1960' }, workingDiagnosis: 'sciatica', workingDiagnosisCode: 'M51.1' });
    expect(back!.notImported).toEqual([]);
  });
});
