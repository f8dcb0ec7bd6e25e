/**
 * Code systems, identifier systems and extension URLs of the FHIR export (see mapping.md).
 * Local systems are URNs under urn:leg-pain-ddx so they can never clash with a real terminology.
 */

export const SYSTEM = {
  finding: 'urn:leg-pain-ddx:finding',
  cause: 'urn:leg-pain-ddx:cause',
  imaging: 'urn:leg-pain-ddx:imaging',
  knowledgeBase: 'urn:leg-pain-ddx:knowledge-base',
  encounter: 'urn:leg-pain-ddx:encounter',
  patientIdentifier: 'urn:leg-pain-ddx:patient-identifier',
  /** WHO ICD-10 (the knowledge base's icd10 codes cite ICD-10 WHO 2019). */
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  snomed: 'http://snomed.info/sct',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  loinc: 'http://loinc.org',
} as const;

const ext = (name: string) => `urn:leg-pain-ddx:fhir:${name}`;

export const EXTENSION = {
  /** Encounter: free-text notes (history, examination, plan). R4 Encounter has no note element. */
  notes: ext('notes'),
  /** Encounter: pain characteristics (sub-extensions intensity, duration, side). */
  pain: ext('pain'),
  /** Encounter: the clinician's role (the name is in participant.individual.display). */
  clinicianRole: ext('clinician-role'),
  /** Encounter: when the encounter was first created in Leg Pain DDx. */
  createdAt: ext('created-at'),
  /** Encounter: signature (sub-extensions at, by). */
  signature: ext('signature'),
  /** Encounter: one addendum (sub-extensions text, createdAt, author, id). */
  addendum: ext('addendum'),
  /**
   * Encounter: the clinician's judgement of the Wells item "alternative diagnosis at least as
   * likely as DVT" (sub-extensions met valueBoolean, cause valueCode in urn:leg-pain-ddx:cause);
   * absent when the clinician left the engine's suggestion standing.
   */
  wellsAlternative: ext('wells-alternative'),
  /** RiskAssessment: the stored assessment exactly as the engine produced it (application/json). */
  storedAssessment: ext('stored-assessment'),
  /** ServiceRequest (referral): reason for referral when it differs from the question. */
  referralReason: ext('referral-reason'),
  /** ServiceRequest (referral): treatment already tried. */
  treatmentTried: ext('treatment-tried'),
  /**
   * ServiceRequest (referral): the letter's choices (sub-extensions leftOut and printed, one per
   * section named, valueCode; priorityChosen valueBoolean; differentialTop valueInteger; additions).
   */
  referralLetter: ext('referral-letter'),
} as const;

/** SNOMED CT 3457005 "Patient referral" (procedure), the usual category of a referral ServiceRequest. */
export const REFERRAL_CATEGORY = { system: SYSTEM.snomed, code: '3457005', display: 'Patient referral' } as const;
/** SNOMED CT 363679005 "Imaging" (procedure), from FHIR R4's ServiceRequest category example value set. */
export const IMAGING_CATEGORY = { system: SYSTEM.snomed, code: '363679005', display: 'Imaging' } as const;
/** LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported". */
export const PAIN_SEVERITY = {
  system: SYSTEM.loinc,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
} as const;
/** HL7 v3 ActCode AMB "ambulatory": a consultation outside an inpatient stay. */
export const AMBULATORY = { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' } as const;
