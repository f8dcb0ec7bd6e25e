/**
 * The subset of FHIR R4 (4.0.1) data types that the export writes. Only the elements used are
 * declared; the tests validate every exported Bundle against the official R4 JSON schema.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference?: string;
  display?: string;
}
export interface Identifier {
  system?: string;
  value?: string;
}
export interface Attachment {
  contentType?: string;
  data?: string;
  title?: string;
}
export interface Extension {
  url: string;
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueCode?: string;
  valueDateTime?: string;
  valueAttachment?: Attachment;
  extension?: Extension[];
}
export interface Annotation {
  text: string;
}
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
}

interface DomainResource {
  id?: string;
  meta?: Meta;
  extension?: Extension[];
}

export interface Patient extends DomainResource {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: { text?: string }[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
}

export interface Encounter extends DomainResource {
  resourceType: 'Encounter';
  identifier?: Identifier[];
  status: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled' | 'entered-in-error' | 'unknown';
  class: Coding;
  subject?: Reference;
  participant?: { individual?: Reference; extension?: Extension[] }[];
  period?: { start?: string };
  reasonCode?: CodeableConcept[];
  diagnosis?: { condition: Reference; rank?: number }[];
}

export interface Observation extends DomainResource {
  resourceType: 'Observation';
  identifier?: Identifier[];
  status: 'registered' | 'preliminary' | 'final' | 'amended';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
  effectiveDateTime?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
}

export interface Condition extends DomainResource {
  resourceType: 'Condition';
  identifier?: Identifier[];
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  recordedDate?: string;
}

export interface ServiceRequest extends DomainResource {
  resourceType: 'ServiceRequest';
  identifier?: Identifier[];
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'directive' | 'order';
  category?: CodeableConcept[];
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  code?: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  authoredOn?: string;
  requester?: Reference;
  performer?: Reference[];
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  note?: Annotation[];
}

export interface RiskAssessment extends DomainResource {
  resourceType: 'RiskAssessment';
  identifier?: Identifier[];
  status: 'registered' | 'preliminary' | 'final' | 'amended';
  method?: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  occurrenceDateTime?: string;
  basis?: Reference[];
  prediction?: { outcome?: CodeableConcept; rationale?: string }[];
  note?: Annotation[];
}

export type Resource = Patient | Encounter | Observation | Condition | ServiceRequest | RiskAssessment;

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp?: string;
  /** Absent when the Bundle has no entries (FHIR JSON has no empty arrays). */
  entry?: BundleEntry[];
}

/** An entry of a transaction Bundle: the resource and what the server is to do with it. */
export interface TransactionEntry {
  fullUrl: string;
  resource: Resource;
  request: { method: 'POST' | 'PUT'; url: string; ifNoneExist?: string };
}

export interface TransactionBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  timestamp?: string;
  /** Absent when the Bundle has no entries (FHIR JSON has no empty arrays). */
  entry?: TransactionEntry[];
}
