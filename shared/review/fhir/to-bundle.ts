import type { Addendum, Encounter, Referral, ReferralPriority } from '../../api/encounter.ts';
import type { CauseDef, FindingDef } from '../../clinical/types.ts';
import { snomedOfFinding } from '../../coding/snomed.ts';
import {
  AMBULATORY,
  EXTENSION,
  IMAGING_CATEGORY,
  PAIN_SEVERITY,
  REFERRAL_CATEGORY,
  SYSTEM,
} from './codes.ts';
import { utf8ToBase64, uuidFromName } from './ids.ts';
import { withoutEmpty } from './prune.ts';
import type * as R4 from './types.ts';

/**
 * Encounters to a FHIR R4 Bundle of type "collection" (mapping.md says which element holds what).
 * Pure and deterministic for a given `exportedAt`: fullUrls derive from encounter id and revision.
 */

/** One encounter to export: its latest revision and its addenda. */
export interface FhirSourceEncounter {
  readonly encounter: Encounter;
  readonly addenda: readonly Addendum[];
}

/** What the mapping needs from the knowledge base: labels and ICD-10 codes. */
export interface FhirKnowledgeBase {
  readonly causes: readonly Pick<CauseDef, 'id' | 'label' | 'icd10'>[];
  readonly findings: readonly Pick<FindingDef, 'id' | 'label' | 'group'>[];
}

export interface ToFhirOptions {
  readonly kb: FhirKnowledgeBase;
  /** Bundle.timestamp; now when not given. */
  readonly exportedAt?: string;
}

const PRIORITY: Record<ReferralPriority, NonNullable<R4.ServiceRequest['priority']>> = {
  routine: 'routine',
  urgent: 'urgent',
  emergency: 'stat',
};

/**
 * A FHIR dateTime/instant from an ISO 8601 timestamp: FHIR needs seconds and a colon in the offset,
 * which ISO allows to omit. The instant is unchanged.
 */
export function fhirDateTime(iso: string): string {
  return iso.replace(/T(\d\d:\d\d)(?=[Z+-]|$)/, 'T$1:00').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
}

const nonEmpty = (s: string | null | undefined): s is string => s !== undefined && s !== null && s.trim() !== '';

function stringExt(url: string, value: string | null | undefined): R4.Extension[] {
  return nonEmpty(value) ? [{ url, valueString: value }] : [];
}

/** The referral letter's choices as one extension, or none when the encounter records none. */
function letterExt(referral: Referral): R4.Extension[] {
  const parts: R4.Extension[] = [];
  for (const [name, printed] of Object.entries(referral.sections ?? {})) {
    if (printed !== undefined) parts.push({ url: printed ? 'printed' : 'leftOut', valueCode: name });
  }
  if (referral.priorityChosen !== undefined) parts.push({ url: 'priorityChosen', valueBoolean: referral.priorityChosen });
  if (referral.differentialTop !== undefined) parts.push({ url: 'differentialTop', valueInteger: referral.differentialTop });
  parts.push(...stringExt('additions', referral.additions));
  return parts.length > 0 ? [{ url: EXTENSION.referralLetter, extension: parts }] : [];
}

/** The clinician's Wells alternative judgement as one extension, or none when the suggestion stands. */
function wellsAlternativeExt(judgement: Encounter['wellsAlternative']): R4.Extension[] {
  if (judgement === undefined) return [];
  return [
    {
      url: EXTENSION.wellsAlternative,
      extension: [{ url: 'met', valueBoolean: judgement.met }, ...(judgement.cause !== undefined ? [{ url: 'cause', valueCode: judgement.cause }] : [])],
    },
  ];
}

/** A collection Bundle's fields other than its entries. */
export function fhirBundleEnvelope(options: ToFhirOptions): { resourceType: 'Bundle'; type: 'collection'; timestamp: string } {
  return { resourceType: 'Bundle', type: 'collection', timestamp: fhirDateTime(options.exportedAt ?? new Date().toISOString()) };
}

export function toFhirBundle(items: readonly FhirSourceEncounter[], options: ToFhirOptions): R4.Bundle {
  const entriesOf = fhirEntryBuilder(options);
  return withoutEmpty<R4.Bundle>({ ...fhirBundleEnvelope(options), entry: items.flatMap(entriesOf) });
}

/**
 * The Bundle's entries one encounter at a time, in the order toFhirBundle lists them, so an export
 * can be written to a file as it goes (the builder remembers the patients already written and the
 * identifiers used). Entries are not yet pruned of empty values: withoutEmpty each before writing.
 */
export function fhirEntryBuilder(options: ToFhirOptions): (item: FhirSourceEncounter) => R4.BundleEntry[] {
  const causeById = new Map(options.kb.causes.map((c) => [c.id, c]));
  const findingById = new Map(options.kb.findings.map((f) => [f.id, f]));
  let entries: R4.BundleEntry[] = [];
  const used = new Set<string>();
  const patientUrls = new Map<string, string>();

  const urlOf = (name: string) => `urn:uuid:${uuidFromName(name)}`;
  const add = (name: string, resource: R4.Resource): string => {
    const id = uuidFromName(name);
    // Distinct names hashing alike is astronomically unlikely; if it happens, fail loudly rather than merge resources.
    if (used.has(id)) throw new Error(`Two resources of the export would share the identifier ${id}`);
    used.add(id);
    resource.id = id;
    entries.push({ fullUrl: `urn:uuid:${id}`, resource });
    return `urn:uuid:${id}`;
  };

  // One ICD-10 code per concept (codings of one concept must mean the same thing): the one the
  // clinician chose for the working diagnosis, else the cause's default, listed first by the knowledge base.
  const causeConcept = (id: string, fallbackLabel?: string, chosenIcd10?: string): R4.CodeableConcept => {
    const cause = causeById.get(id);
    const label = cause?.label ?? fallbackLabel ?? id;
    const icd10 = cause?.icd10.find((c) => c.code === chosenIcd10) ?? cause?.icd10[0];
    return {
      coding: [
        ...(icd10 !== undefined ? [{ system: SYSTEM.icd10, code: icd10.code, display: icd10.title }] : []),
        { system: SYSTEM.cause, code: id, display: label },
      ],
      text: label,
    };
  };

  return ({ encounter: e, addenda }) => {
    entries = [];
    const key = `${e.id}|${e.revision}`;
    const signed = e.status === 'signed';
    // A date seen that came without a time is written as it came (FHIR dateTime allows a date, month or year).
    const seenAt = e.seenAtAsGiven ?? fhirDateTime(e.seenAt);

    const birthDate = e.patient.birthDate ?? e.patient.birthDateAsGiven ?? null;
    const patientKey = JSON.stringify([e.patient.name, birthDate, e.patient.sex, e.patient.identifier]);
    let patientUrl = patientUrls.get(patientKey);
    if (patientUrl === undefined) {
      patientUrl = add(`patient|${patientKey}`, {
        resourceType: 'Patient',
        ...(nonEmpty(e.patient.identifier) ? { identifier: [{ system: SYSTEM.patientIdentifier, value: e.patient.identifier }] } : {}),
        name: [{ text: e.patient.name }],
        gender: e.patient.sex,
        ...(birthDate !== null ? { birthDate } : {}),
      });
      patientUrls.set(patientKey, patientUrl);
    }
    const subject = { reference: patientUrl, display: e.patient.name };
    const encounterUrl = urlOf(`${key}|Encounter`);
    const conditionUrl = e.workingDiagnosis !== null ? urlOf(`${key}|Condition`) : null;

    const pain = e.pain;
    const painExt: R4.Extension[] =
      pain === null
        ? []
        : [
            {
              url: EXTENSION.pain,
              extension: [
                ...(pain.intensity !== undefined ? [{ url: 'intensity', valueInteger: pain.intensity }] : []),
                ...(nonEmpty(pain.duration) ? [{ url: 'duration', valueString: pain.duration }] : []),
                ...(pain.side !== undefined ? [{ url: 'side', valueCode: pain.side }] : []),
              ],
            },
          ].filter((x) => x.extension.length > 0);

    const clinician = e.clinician;
    const participant =
      clinician !== null && (nonEmpty(clinician.name) || nonEmpty(clinician.role))
        ? [
            {
              ...(nonEmpty(clinician.name) ? { individual: { display: clinician.name } } : {}),
              ...(nonEmpty(clinician.role) ? { extension: [{ url: EXTENSION.clinicianRole, valueString: clinician.role }] } : {}),
            },
          ]
        : [];

    add(`${key}|Encounter`, {
      resourceType: 'Encounter',
      meta: { versionId: String(e.revision), lastUpdated: fhirDateTime(e.savedAt) },
      extension: [
        ...stringExt(EXTENSION.notes, e.notes),
        ...painExt,
        ...wellsAlternativeExt(e.wellsAlternative),
        { url: EXTENSION.createdAt, valueDateTime: fhirDateTime(e.createdAt) },
        ...(signed && e.signedAt !== null
          ? [
              {
                url: EXTENSION.signature,
                extension: [{ url: 'at', valueDateTime: fhirDateTime(e.signedAt) }, ...stringExt('by', e.signedBy)],
              },
            ]
          : []),
        ...addenda.map((a) => ({
          url: EXTENSION.addendum,
          extension: [
            { url: 'id', valueString: a.id },
            { url: 'text', valueString: a.text },
            { url: 'createdAt', valueDateTime: fhirDateTime(a.createdAt) },
            ...stringExt('author', a.author),
          ],
        })),
      ],
      identifier: [{ system: SYSTEM.encounter, value: e.id }],
      status: signed ? 'finished' : 'in-progress',
      class: { ...AMBULATORY },
      subject,
      ...(participant.length > 0 ? { participant } : {}),
      period: { start: seenAt },
      ...(nonEmpty(e.complaint) ? { reasonCode: [{ text: e.complaint }] } : {}),
      ...(conditionUrl !== null ? { diagnosis: [{ condition: { reference: conditionUrl }, rank: 1 }] } : {}),
    });

    const encounterRef = { reference: encounterUrl };
    const observationUrls: string[] = [];
    const observe = (id: string, present: boolean) => {
      const finding = findingById.get(id);
      const label = finding?.label ?? id;
      const snomed = snomedOfFinding(id);
      observationUrls.push(
        add(`${key}|Observation|${id}`, {
          resourceType: 'Observation',
          status: signed ? 'final' : 'preliminary',
          ...(finding?.group === 'examination' ? { category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'exam', display: 'Exam' }] }] } : {}),
          code: {
            coding: [
              { system: SYSTEM.finding, code: id, display: label },
              // The reviewed SNOMED CT code beside the app's own, when the finding has one (shared/coding/snomed.ts).
              ...(snomed !== undefined ? [{ system: SYSTEM.snomed, code: snomed.code, display: snomed.display }] : []),
            ],
            text: label,
          },
          subject,
          encounter: encounterRef,
          effectiveDateTime: seenAt,
          valueBoolean: present,
        }),
      );
    };
    e.findings.forEach((id) => observe(id, true));
    e.absent.forEach((id) => observe(id, false));
    if (pain?.intensity !== undefined) {
      add(`${key}|Observation|pain-severity`, {
        resourceType: 'Observation',
        status: signed ? 'final' : 'preliminary',
        code: { coding: [{ ...PAIN_SEVERITY }], text: 'Pain intensity (0 to 10)' },
        subject,
        encounter: encounterRef,
        effectiveDateTime: seenAt,
        valueInteger: pain.intensity,
      });
    }

    if (e.workingDiagnosis !== null) {
      const label = e.assessment.differential.find((d) => d.cause === e.workingDiagnosis)?.label;
      add(`${key}|Condition`, {
        resourceType: 'Condition',
        clinicalStatus: { coding: [{ system: SYSTEM.conditionClinical, code: 'active', display: 'Active' }] },
        verificationStatus: { coding: [{ system: SYSTEM.conditionVerification, code: 'provisional', display: 'Provisional' }] },
        category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
        code: causeConcept(e.workingDiagnosis, label, e.workingDiagnosisCode),
        subject,
        encounter: encounterRef,
        recordedDate: seenAt,
      });
    }

    const requestStatus = signed ? 'active' : 'draft';
    const referral = e.referral;
    if (referral !== null) {
      add(`${key}|ServiceRequest|referral`, {
        resourceType: 'ServiceRequest',
        extension: [
          ...stringExt(EXTENSION.referralReason, referral.reason),
          ...stringExt(EXTENSION.treatmentTried, referral.treatmentTried),
          ...letterExt(referral),
        ],
        status: requestStatus,
        intent: 'order',
        category: [{ coding: [{ ...REFERRAL_CATEGORY }] }],
        priority: PRIORITY[referral.priority],
        code: { text: nonEmpty(referral.to) ? `Referral to ${referral.to}` : 'Referral' },
        subject,
        encounter: encounterRef,
        authoredOn: seenAt,
        ...(clinician !== null && nonEmpty(clinician.name) ? { requester: { display: clinician.name } } : {}),
        ...(nonEmpty(referral.to) ? { performer: [{ display: referral.to }] } : {}),
        ...(nonEmpty(referral.question) ? { reasonCode: [{ text: referral.question }] } : {}),
        ...(conditionUrl !== null ? { reasonReference: [{ reference: conditionUrl }] } : {}),
      });
    }

    for (const imaging of e.assessment.imaging) {
      add(`${key}|ServiceRequest|imaging|${imaging.modality}`, {
        resourceType: 'ServiceRequest',
        status: requestStatus,
        intent: 'proposal',
        category: [{ coding: [{ ...IMAGING_CATEGORY }] }],
        // FHIR's request priorities: an emergency is "stat", as for the referral.
        priority: PRIORITY[imaging.urgency],
        code: { coding: [{ system: SYSTEM.imaging, code: imaging.modality, display: imaging.label }], text: imaging.label },
        subject,
        encounter: encounterRef,
        authoredOn: seenAt,
        ...(imaging.for.length > 0
          ? { reasonCode: imaging.for.map((c) => causeConcept(c, e.assessment.differential.find((d) => d.cause === c)?.label)) }
          : {}),
        note: [{ text: imaging.rationale }],
      });
    }

    const a = e.assessment;
    add(`${key}|RiskAssessment`, {
      resourceType: 'RiskAssessment',
      extension: [
        {
          url: EXTENSION.storedAssessment,
          valueAttachment: { contentType: 'application/json', data: utf8ToBase64(JSON.stringify(a)), title: 'Leg Pain DDx assessment' },
        },
      ],
      status: signed ? 'final' : 'preliminary',
      method: {
        coding: [{ system: SYSTEM.knowledgeBase, code: a.knowledgeBase, display: `Leg Pain DDx knowledge base ${a.knowledgeBase}` }],
        text: `Leg Pain DDx differential, knowledge base ${a.knowledgeBase}`,
      },
      subject,
      encounter: encounterRef,
      occurrenceDateTime: seenAt,
      ...(observationUrls.length > 0 ? { basis: observationUrls.map((reference) => ({ reference })) } : {}),
      ...(a.differential.length > 0
        ? {
            prediction: [...a.differential]
              .sort((x, y) => x.rank - y.rank)
              .map((d) => ({ outcome: causeConcept(d.cause, d.label), rationale: `Rank ${d.rank}, ${d.strength}` })),
          }
        : {}),
      ...(a.redFlags.length > 0
        ? { note: a.redFlags.map((f) => ({ text: `Red flag (${f.urgency}): ${f.label}. ${f.action}` })) }
        : {}),
    });
    return entries;
  };
}
