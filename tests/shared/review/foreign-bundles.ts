/**
 * Bundles in the shape other systems write (hand-written, not made by our export): a patient with
 * an address and phone, an encounter with a type, a coded reason without words and a diagnosis
 * list, a LOINC pain score, an ICD-10 Condition linked only from the encounter, SNOMED CT coded
 * findings, a heart rate the app has no place for, and an allergy that belongs to no encounter.
 * Test data only.
 */

export const patient = (birthDate: string) => ({
  fullUrl: 'https://ehr.example.org/fhir/Patient/p-77',
  resource: {
    resourceType: 'Patient',
    id: 'p-77',
    identifier: [{ system: 'https://ehr.example.org/mrn', value: '00012345' }],
    name: [{ use: 'official', family: 'Lindqvist', given: ['Astrid', 'M'] }],
    gender: 'female',
    birthDate,
    address: [{ city: 'Uppsala' }],
    telecom: [{ system: 'phone', value: '+46 18 000 000' }],
  },
});

export const encounter = (start: string) => ({
  fullUrl: 'https://ehr.example.org/fhir/Encounter/e-501',
  resource: {
    resourceType: 'Encounter',
    id: 'e-501',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ coding: [{ system: 'http://snomed.info/sct', code: '11429006', display: 'Consultation' }] }],
    subject: { reference: 'Patient/p-77' },
    period: { start },
    reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '10601006' }] }],
    diagnosis: [{ condition: { reference: 'Condition/c-1' }, rank: 1 }],
    serviceProvider: { display: 'Uppsala vårdcentral' },
  },
});

export const others = [
  {
    fullUrl: 'https://ehr.example.org/fhir/Observation/o-pain',
    resource: {
      resourceType: 'Observation',
      id: 'o-pain',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }] },
      subject: { reference: 'Patient/p-77' },
      encounter: { reference: 'Encounter/e-501' },
      valueQuantity: { value: 7, system: 'http://unitsofmeasure.org', code: '{score}' },
    },
  },
  // Linked only from Encounter.diagnosis, as many systems do.
  {
    fullUrl: 'https://ehr.example.org/fhir/Condition/c-1',
    resource: {
      resourceType: 'Condition',
      id: 'c-1',
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'M51.1', display: 'Lumbar and other intervertebral disc disorders with radiculopathy' }] },
      subject: { reference: 'Patient/p-77' },
    },
  },
  {
    fullUrl: 'https://ehr.example.org/fhir/Observation/o-numb',
    resource: {
      resourceType: 'Observation',
      id: 'o-numb',
      status: 'final',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '44077006', display: 'Numbness' }] },
      subject: { reference: 'Patient/p-77' },
      encounter: { reference: 'Encounter/e-501' },
    },
  },
  {
    fullUrl: 'https://ehr.example.org/fhir/Observation/o-drop',
    resource: {
      resourceType: 'Observation',
      id: 'o-drop',
      status: 'final',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '6077001' }] },
      subject: { reference: 'Patient/p-77' },
      encounter: { reference: 'Encounter/e-501' },
      valueBoolean: false,
    },
  },
  {
    fullUrl: 'https://ehr.example.org/fhir/Condition/c-dm',
    resource: {
      resourceType: 'Condition',
      id: 'c-dm',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '73211009', display: 'Diabetes mellitus' }] },
      subject: { reference: 'Patient/p-77' },
      encounter: { reference: 'Encounter/e-501' },
    },
  },
  {
    fullUrl: 'https://ehr.example.org/fhir/Observation/o-hr',
    resource: {
      resourceType: 'Observation',
      id: 'o-hr',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
      subject: { reference: 'Patient/p-77' },
      encounter: { reference: 'Encounter/e-501' },
      valueQuantity: { value: 72, unit: '/min' },
    },
  },
  {
    fullUrl: 'https://ehr.example.org/fhir/AllergyIntolerance/a-1',
    resource: { resourceType: 'AllergyIntolerance', id: 'a-1', patient: { reference: 'Patient/p-77' }, code: { text: 'Penicillin' } },
  },
];

// Each call builds its own copy: a test that edits its bundle must not change the next test's.
export const bundle = (birthDate: string, start: string) => ({ resourceType: 'Bundle', type: 'searchset', entry: [patient(birthDate), encounter(start), ...structuredClone(others)] });

