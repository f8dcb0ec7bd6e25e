import { z } from 'zod';
import { ApiError } from '../../api/errors.ts';
import { EncounterDraft, type Addendum, type EncounterStatus, type ReferralPriority } from '../../api/encounter.ts';
import { StoredAssessment } from '../../clinical/assessment.ts';
import { causeOfIcd10, icd10Choices } from '../../coding/icd10.ts';
import { findingOfSnomed } from '../../coding/snomed.ts';
import { EXTENSION, PAIN_SEVERITY, SYSTEM } from './codes.ts';
import { readBirthDate, readSeenAt } from './dates.ts';
import { base64ToUtf8, uuidFromName } from './ids.ts';

/**
 * A FHIR R4 Bundle back to encounters (the inverse of toFhirBundle; mapping.md). The file is
 * checked with zod schemas of the subset read here, so a bad file gets a clear error; each
 * encounter is then checked on its own, so one bad encounter spoils nothing else.
 */

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Reference = z.object({ reference: z.string().optional(), display: z.string().optional() });
type ExtensionT = {
  url: string;
  valueString?: string | undefined;
  valueInteger?: number | undefined;
  valueBoolean?: boolean | undefined;
  valueCode?: string | undefined;
  valueDateTime?: string | undefined;
  valueAttachment?: { contentType?: string | undefined; data?: string | undefined } | undefined;
  extension?: ExtensionT[] | undefined;
};
const Extension: z.ZodType<ExtensionT> = z.lazy(() =>
  z.object({
    url: z.string(),
    valueString: z.string().optional(),
    valueInteger: z.number().int().optional(),
    valueBoolean: z.boolean().optional(),
    valueCode: z.string().optional(),
    valueDateTime: z.string().optional(),
    valueAttachment: z.object({ contentType: z.string().optional(), data: z.string().optional() }).optional(),
    extension: z.array(Extension).optional(),
  }),
);
const extensions = z.array(Extension).optional();

const PatientR = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(z.object({ system: z.string().optional(), value: z.string().optional() })).optional(),
  name: z
    .array(z.object({ text: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional() }))
    .optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: z.string().optional(),
});

const EncounterR = z.object({
  resourceType: z.literal('Encounter'),
  id: z.string().optional(),
  meta: z.object({ versionId: z.string().optional(), lastUpdated: z.string().optional() }).optional(),
  extension: extensions,
  identifier: z.array(z.object({ system: z.string().optional(), value: z.string().optional() })).optional(),
  status: z.string(),
  subject: Reference.optional(),
  participant: z.array(z.object({ individual: Reference.optional(), extension: extensions })).optional(),
  period: z.object({ start: z.string().optional() }).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
});

const ObservationR = z
  .object({
    resourceType: z.literal('Observation'),
    status: z.string().optional(),
    code: CodeableConcept,
    encounter: Reference.optional(),
    valueBoolean: z.boolean().optional(),
    valueInteger: z.number().optional(),
    valueQuantity: z.object({ value: z.number().optional() }).loose().optional(),
  })
  .loose();

const ConditionR = z.object({
  resourceType: z.literal('Condition'),
  code: CodeableConcept.optional(),
  encounter: Reference.optional(),
  verificationStatus: CodeableConcept.optional(),
});

/** ICD-10 code systems other systems use: WHO's and the US clinical modification (read only where the code is WHO's too). */
const ICD10_SYSTEMS = new Set([SYSTEM.icd10, 'http://hl7.org/fhir/sid/icd-10-cm']);

const ServiceRequestR = z.object({
  resourceType: z.literal('ServiceRequest'),
  extension: extensions,
  intent: z.string(),
  priority: z.enum(['routine', 'urgent', 'asap', 'stat']).optional(),
  encounter: Reference.optional(),
  performer: z.array(Reference).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
});

const RiskAssessmentR = z.object({
  resourceType: z.literal('RiskAssessment'),
  extension: extensions,
  encounter: Reference.optional(),
});

const BundleR = z.object({
  resourceType: z.literal('Bundle', { error: 'This file is not a FHIR Bundle' }),
  type: z.string(),
  entry: z
    .array(
      z.object({
        fullUrl: z.string().optional(),
        resource: z.object({ resourceType: z.string(), id: z.string().optional() }).loose(),
      }).loose(),
      { error: 'The FHIR Bundle has no list of entries' },
    )
    .default([]),
});

/** One encounter read back from a Bundle. */
export interface FhirEncounterRecord {
  /** Position of the Encounter in Bundle.entry (0-based). */
  readonly index: number;
  /**
   * The Leg Pain DDx id (identifier with system urn:leg-pain-ddx:encounter). An encounter from
   * elsewhere gets "fhir-" and a UUID hashed from its fullUrl (or Encounter/id), so importing the
   * same file twice adds it once.
   */
  readonly id: string;
  /** True when the encounter was exported by Leg Pain DDx (it carries our encounter identifier). */
  readonly fromLegPainDdx: boolean;
  readonly revision: number | null;
  readonly status: EncounterStatus;
  readonly createdAt: string | null;
  readonly savedAt: string | null;
  readonly signedAt: string | null;
  readonly signedBy: string | null;
  /** The clinician's fields, validated as encounter.save validates them. */
  readonly fields: Omit<EncounterDraft, 'id' | 'baseRevision'>;
  /** The assessment as stored on the day, when the file carries it. */
  readonly assessment: StoredAssessment | null;
  readonly addenda: readonly Addendum[];
  /** Every element of this encounter's resources that was not imported, each saying what it was and why. */
  readonly notImported: readonly string[];
}

export interface FhirReadResult {
  readonly encounters: FhirEncounterRecord[];
  readonly skipped: { index: number; reason: string }[];
  /** Resources that belong to no Encounter of the file (and so were not imported), or a word on a file without encounters. */
  readonly notes: readonly string[];
}

const EXPORT_PRIORITY: Record<string, ReferralPriority> = { routine: 'routine', urgent: 'urgent', asap: 'urgent', stat: 'emergency' };

/** Where a field of the encounter lives in FHIR, so an error names something a reader can find. */
const FIELD_PLACE: Record<string, string> = {
  seenAt: 'the date seen (Encounter.period.start)',
  patient: 'the patient (Patient)',
  clinician: 'the clinician (Encounter.participant)',
  complaint: 'the complaint (Encounter.reasonCode)',
  pain: 'the pain details',
  findings: 'the findings present (Observation)',
  absent: 'the findings absent (Observation)',
  notes: 'the notes',
  workingDiagnosis: 'the working diagnosis (Condition)',
  referral: 'the referral (ServiceRequest)',
  wellsAlternative: 'the Wells alternative-diagnosis judgement (Encounter.extension wells-alternative)',
};

const sub = (ext: ExtensionT | undefined, url: string) => ext?.extension?.find((x) => x.url === url);
const ext = (list: ExtensionT[] | undefined, url: string) => list?.find((x) => x.url === url);
const codeIn = (concept: z.infer<typeof CodeableConcept> | undefined, system: string) =>
  concept?.coding?.find((c) => c.system === system)?.code;

/** The referral letter's choices from their extension (see letterExt in to-bundle.ts); section names this version does not know are dropped by the schema. */
function letterChoices(letter: ExtensionT | undefined): Record<string, unknown> {
  if (letter === undefined) return {};
  const parts = letter.extension ?? [];
  const sections: Record<string, boolean> = {};
  for (const part of parts) {
    if ((part.url === 'printed' || part.url === 'leftOut') && part.valueCode !== undefined) sections[part.valueCode] = part.url === 'printed';
  }
  const chosen = sub(letter, 'priorityChosen')?.valueBoolean;
  const top = sub(letter, 'differentialTop')?.valueInteger;
  const additions = sub(letter, 'additions')?.valueString;
  return {
    ...(Object.keys(sections).length > 0 ? { sections } : {}),
    ...(chosen !== undefined ? { priorityChosen: chosen } : {}),
    ...(top !== undefined ? { differentialTop: top } : {}),
    ...(additions !== undefined ? { additions } : {}),
  };
}

/** The clinician's Wells alternative judgement from its extension (see wellsAlternativeExt in to-bundle.ts); absent: the suggestion stands. */
function wellsAlternative(judgement: ExtensionT | undefined): Record<string, unknown> {
  if (judgement === undefined) return {};
  const cause = sub(judgement, 'cause')?.valueCode;
  // A judgement without its "met" part is passed on as it is, so the schema refuses it with the place named.
  return { wellsAlternative: { met: sub(judgement, 'met')?.valueBoolean, ...(cause !== undefined ? { cause } : {}) } };
}

/** Reads the encounters of a parsed FHIR Bundle. Throws ApiError('invalid') when the file is not a Bundle at all. */
export function fromFhirBundle(input: unknown): FhirReadResult {
  const parsed = BundleR.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    throw new ApiError('invalid', `${issue?.message ?? 'This file is not a FHIR Bundle'}${where}`);
  }
  const entries = parsed.data.entry;

  // References are resolved by fullUrl and by the relative form "Type/id".
  const byRef = new Map<string, { index: number; resource: unknown }>();
  entries.forEach((entry, index) => {
    if (entry.fullUrl !== undefined) byRef.set(entry.fullUrl, { index, resource: entry.resource });
    if (entry.resource.id !== undefined) byRef.set(`${entry.resource.resourceType}/${entry.resource.id}`, { index, resource: entry.resource });
  });
  const keysOf = (index: number) => {
    const entry = entries[index]!;
    return [entry.fullUrl, entry.resource.id !== undefined ? `${entry.resource.resourceType}/${entry.resource.id}` : undefined].filter(
      (k): k is string => k !== undefined,
    );
  };

  // Everything that points at an encounter (its `encounter`, or the encounter's `diagnosis`), grouped by the encounter's keys.
  const children = new Map<string, { index: number; resource: unknown }[]>();
  const attach = (ref: string, child: { index: number; resource: unknown }) => {
    const list = children.get(ref) ?? [];
    if (!list.some((c) => c.index === child.index)) list.push(child);
    children.set(ref, list);
  };
  const linked = new Set<number>();
  entries.forEach((entry, index) => {
    const ref = (entry.resource as { encounter?: { reference?: unknown } }).encounter?.reference;
    if (typeof ref === 'string') attach(ref, { index, resource: entry.resource });
  });
  entries.forEach((entry, index) => {
    if (entry.resource.resourceType !== 'Encounter') return;
    const diagnoses = (entry.resource as { diagnosis?: { condition?: { reference?: unknown } }[] }).diagnosis ?? [];
    for (const d of Array.isArray(diagnoses) ? diagnoses : []) {
      const target = typeof d?.condition?.reference === 'string' ? byRef.get(d.condition.reference) : undefined;
      if (target !== undefined) for (const key of keysOf(index)) attach(key, target);
    }
  });

  const encounters: FhirEncounterRecord[] = [];
  const skipped: { index: number; reason: string }[] = [];
  entries.forEach((entry, index) => {
    if (entry.resource.resourceType !== 'Encounter') return;
    const label = `Encounter ${encounters.length + skipped.length + 1} in the file`;
    const keys = keysOf(index);
    const related = keys.flatMap((k) => children.get(k) ?? []).filter((c, i, all) => all.findIndex((x) => x.index === c.index) === i);
    linked.add(index);
    for (const c of related) linked.add(c.index);
    try {
      const subject = (entry.resource as { subject?: { reference?: unknown } }).subject?.reference;
      const patient = typeof subject === 'string' ? byRef.get(subject) : undefined;
      if (patient !== undefined) linked.add(patient.index);
      encounters.push(readEncounter(index, keys[0] ?? null, entry.resource, related, byRef));
    } catch (error) {
      skipped.push({ index, reason: `${label}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  const notes: string[] = [];
  if (!entries.some((e) => e.resource.resourceType === 'Encounter')) {
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.resource.resourceType, (counts.get(e.resource.resourceType) ?? 0) + 1);
    const held = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
    notes.push(
      `The file has no Encounter, so there is nothing to import: Leg Pain DDx imports encounters with their patient and findings${held ? ` (the file holds ${held})` : ' (the file holds no resources)'}.`,
    );
  } else {
    entries.forEach((entry, index) => {
      if (!linked.has(index)) notes.push(`Entry ${index + 1} (${entry.resource.resourceType}) belongs to no Encounter of the file: not imported.`);
    });
  }
  return { encounters, skipped, notes };
}

/** Parses JSON text and reads it as a FHIR Bundle; a file that is not JSON gets a clear error. */
export function readFhirJson(json: string): FhirReadResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ApiError('invalid', 'This file is not valid JSON, so it cannot be a FHIR export');
  }
  return fromFhirBundle(value);
}

function zodMessage(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${what} is not valid`;
  return `${issue.message} (${what}${issue.path.length > 0 ? `, at ${issue.path.join('.')}` : ''})`;
}

/** Top-level elements of an Encounter and a Patient that the import reads; any other is listed as not imported. */
const ENCOUNTER_READ = new Set(['resourceType', 'id', 'meta', 'extension', 'identifier', 'status', 'class', 'subject', 'participant', 'period', 'reasonCode', 'diagnosis', 'text']);
const PATIENT_READ = new Set(['resourceType', 'id', 'meta', 'identifier', 'name', 'gender', 'birthDate', 'text']);

const codingText = (concept: z.infer<typeof CodeableConcept> | undefined): string => {
  const coding = concept?.coding?.[0];
  const code = coding ? `${coding.system ?? 'no system'} ${coding.code ?? ''}`.trim() : '';
  const words = concept?.text ?? coding?.display;
  return [code, words !== undefined ? `"${words}"` : ''].filter((x) => x !== '').join(' ') || 'no code';
};

function readEncounter(
  index: number,
  sourceKey: string | null,
  raw: unknown,
  related: { index: number; resource: unknown }[],
  byRef: Map<string, { index: number; resource: unknown }>,
): FhirEncounterRecord {
  const enc = EncounterR.safeParse(raw);
  if (!enc.success) throw new Error(zodMessage(enc.error, 'Encounter'));
  const e = enc.data;
  const notImported: string[] = [];
  const fromLegPainDdx = e.identifier?.some((i) => i.system === SYSTEM.encounter) ?? false;

  for (const key of Object.keys(raw as object)) if (!ENCOUNTER_READ.has(key)) notImported.push(`Encounter.${key}`);

  const subjectRef = e.subject?.reference;
  const patientRaw = subjectRef !== undefined ? byRef.get(subjectRef)?.resource : undefined;
  if (patientRaw === undefined) throw new Error('the patient it refers to is not in the file');
  const pat = PatientR.safeParse(patientRaw);
  if (!pat.success) throw new Error(zodMessage(pat.error, 'Patient'));
  const p = pat.data;
  for (const key of Object.keys(patientRaw as object)) if (!PATIENT_READ.has(key)) notImported.push(`Patient.${key}`);
  const name = p.name?.[0];
  const identifier = p.identifier?.find((i) => i.system === SYSTEM.patientIdentifier) ?? p.identifier?.[0];

  const findings: string[] = [];
  const absent: string[] = [];
  const record = (id: string, present: boolean) => {
    if (findings.includes(id) || absent.includes(id)) return;
    (present ? findings : absent).push(id);
  };
  let painScore: number | undefined;
  let workingDiagnosis: string | null = null;
  let workingDiagnosisCode: string | undefined;
  let referral: Record<string, unknown> | null = null;
  let assessment: StoredAssessment | null = null;
  for (const { index: at, resource: r } of related) {
    const type = (r as { resourceType: string }).resourceType;
    const where = `${type} (entry ${at + 1})`;
    const status = (r as { status?: unknown }).status;
    const verification = (r as { verificationStatus?: { coding?: { code?: unknown }[] } }).verificationStatus?.coding?.[0]?.code;
    if (status === 'entered-in-error' || status === 'cancelled' || verification === 'entered-in-error' || verification === 'refuted') {
      notImported.push(`${where} marked ${String(verification === 'entered-in-error' || verification === 'refuted' ? verification : status)}`);
      continue;
    }
    if (type === 'Observation') {
      const o = ObservationR.safeParse(r);
      if (!o.success) throw new Error(zodMessage(o.error, 'Observation'));
      const own = codeIn(o.data.code, SYSTEM.finding);
      const snomedCode = o.data.code.coding?.find((c) => c.system === SYSTEM.snomed && c.code !== undefined)?.code;
      const viaSnomed = own === undefined && snomedCode !== undefined ? findingOfSnomed(snomedCode) : undefined;
      if (own !== undefined && o.data.valueBoolean !== undefined) {
        record(own, o.data.valueBoolean);
      } else if (own !== undefined) {
        notImported.push(`${where} finding ${own} without a yes/no value`);
      } else if (viaSnomed !== undefined) {
        // A coded finding from another system: present unless it says false (an Observation of a finding asserts it).
        if (o.data.valueBoolean !== undefined || !Object.keys(r as object).some((k) => k.startsWith('value'))) record(viaSnomed, o.data.valueBoolean ?? true);
        else notImported.push(`${where} SNOMED CT ${snomedCode}: its value is not a yes/no`);
      } else if (codeIn(o.data.code, SYSTEM.loinc) === PAIN_SEVERITY.code) {
        const score = o.data.valueInteger ?? o.data.valueQuantity?.value;
        if (score !== undefined && Number.isInteger(score) && score >= 0 && score <= 10) painScore ??= score;
        else notImported.push(`${where} pain score (LOINC ${PAIN_SEVERITY.code}) without a whole number from 0 to 10`);
      } else {
        notImported.push(`${where} ${codingText(o.data.code)}: no finding of Leg Pain DDx has this code`);
      }
    } else if (type === 'Condition') {
      const c = ConditionR.safeParse(r);
      if (!c.success) throw new Error(zodMessage(c.error, 'Condition'));
      const own = codeIn(c.data.code, SYSTEM.cause);
      const icd = c.data.code?.coding?.find((x) => x.system !== undefined && ICD10_SYSTEMS.has(x.system) && x.code !== undefined)?.code;
      const fromIcd = icd !== undefined ? causeOfIcd10(icd) : undefined;
      const snomedCode = c.data.code?.coding?.find((x) => x.system === SYSTEM.snomed && x.code !== undefined)?.code;
      const finding = snomedCode !== undefined ? findingOfSnomed(snomedCode) : undefined;
      const cause = own ?? fromIcd?.cause;
      if (cause !== undefined && workingDiagnosis === null) {
        workingDiagnosis = cause;
        // The code given, when it is one of the cause's and not its default (the default needs no choice).
        const code = fromIcd?.cause === cause ? fromIcd.code : undefined;
        if (code !== undefined && icd10Choices(cause)[0]?.code !== code) workingDiagnosisCode = code;
      } else if (cause !== undefined) {
        notImported.push(`${where} ${codingText(c.data.code)}: a second diagnosis (the first became the working diagnosis)`);
      } else if (finding !== undefined) {
        record(finding, true);
      } else {
        notImported.push(`${where} ${codingText(c.data.code)}: no cause or finding of Leg Pain DDx has this code`);
      }
    } else if (type === 'ServiceRequest') {
      const s = ServiceRequestR.safeParse(r);
      if (!s.success) throw new Error(zodMessage(s.error, 'ServiceRequest'));
      // Imaging suggestions (intent "proposal") come from the assessment; only the clinician's order is a referral.
      if (s.data.intent === 'order' && referral === null) {
        referral = {
          to: s.data.performer?.[0]?.display ?? '',
          priority: EXPORT_PRIORITY[s.data.priority ?? 'routine'],
          question: s.data.reasonCode?.[0]?.text ?? '',
          ...(ext(s.data.extension, EXTENSION.referralReason)?.valueString !== undefined
            ? { reason: ext(s.data.extension, EXTENSION.referralReason)!.valueString }
            : {}),
          ...(ext(s.data.extension, EXTENSION.treatmentTried)?.valueString !== undefined
            ? { treatmentTried: ext(s.data.extension, EXTENSION.treatmentTried)!.valueString }
            : {}),
          ...letterChoices(ext(s.data.extension, EXTENSION.referralLetter)),
        };
      } else if (!(fromLegPainDdx && s.data.intent === 'proposal')) {
        notImported.push(`${where} with intent ${s.data.intent}${s.data.intent === 'order' ? ': a second referral (the first was imported)' : ''}`);
      }
    } else if (type === 'RiskAssessment') {
      const ra = RiskAssessmentR.safeParse(r);
      if (!ra.success) throw new Error(zodMessage(ra.error, 'RiskAssessment'));
      const data = ext(ra.data.extension, EXTENSION.storedAssessment)?.valueAttachment?.data;
      if (data !== undefined) assessment = readStoredAssessment(data);
      else notImported.push(`${where}: not a Leg Pain DDx assessment (the app assesses the findings itself)`);
    } else {
      notImported.push(`${where}: Leg Pain DDx does not import this kind of resource`);
    }
  }

  const painExt = ext(e.extension, EXTENSION.pain);
  const intensity = sub(painExt, 'intensity')?.valueInteger ?? painScore;
  const duration = sub(painExt, 'duration')?.valueString;
  const side = sub(painExt, 'side')?.valueCode;
  const pain =
    painExt === undefined && intensity === undefined
      ? null
      : { ...(intensity !== undefined ? { intensity } : {}), ...(duration !== undefined ? { duration } : {}), ...(side !== undefined ? { side } : {}) };

  const participant = e.participant?.[0];
  const clinicianName = participant?.individual?.display;
  const clinicianRole = ext(participant?.extension, EXTENSION.clinicianRole)?.valueString;
  const clinician =
    participant === undefined || (clinicianName === undefined && clinicianRole === undefined)
      ? null
      : { name: clinicianName ?? '', role: clinicianRole ?? '' };
  if ((e.participant?.length ?? 0) > 1) notImported.push(`Encounter.participant: ${e.participant!.length - 1} more participant(s) after the first`);

  // The complaint: the reason's text, else the words of its coding; the other reasons are listed.
  const reason = e.reasonCode?.[0];
  const complaint = reason?.text ?? reason?.coding?.find((c) => c.display !== undefined)?.display ?? '';
  if (reason !== undefined && complaint === '') notImported.push(`Encounter.reasonCode ${codingText(reason)}: a code without words`);
  else if (reason?.coding !== undefined && reason.coding.length > 0) notImported.push(`Encounter.reasonCode coding ${codingText({ coding: reason.coding })} (its words were imported as the complaint)`);
  for (const more of e.reasonCode?.slice(1) ?? []) notImported.push(`Encounter.reasonCode ${codingText(more)}: a further reason`);

  const seen = readSeenAt(e.period?.start);
  const born = readBirthDate(p.birthDate);
  const draft = EncounterDraft.safeParse({
    ...seen,
    patient: {
      name: name?.text ?? [...(name?.given ?? []), name?.family].filter((x) => x !== undefined).join(' '),
      ...born,
      sex: p.gender ?? 'unknown',
      identifier: identifier?.value ?? '',
    },
    clinician,
    complaint,
    pain,
    findings,
    absent,
    notes: ext(e.extension, EXTENSION.notes)?.valueString ?? '',
    workingDiagnosis,
    ...(workingDiagnosisCode !== undefined ? { workingDiagnosisCode } : {}),
    referral,
    ...wellsAlternative(ext(e.extension, EXTENSION.wellsAlternative)),
  });
  if (!draft.success) {
    const issue = draft.error.issues[0]!;
    const place = FIELD_PLACE[String(issue.path[0])] ?? String(issue.path.join('.'));
    throw new Error(`${issue.message} (${place})`);
  }
  const { id: _id, baseRevision: _base, ...fields } = draft.data;

  const signature = ext(e.extension, EXTENSION.signature);
  const addenda: Addendum[] = (e.extension ?? [])
    .filter((x) => x.url === EXTENSION.addendum)
    .map((a, i) => {
      const text = sub(a, 'text')?.valueString;
      const createdAt = sub(a, 'createdAt')?.valueDateTime;
      if (text === undefined || createdAt === undefined) throw new Error(`addendum ${i + 1} has no text or no time`);
      return { id: sub(a, 'id')?.valueString ?? `fhir-${index}-${i + 1}`, text, createdAt, author: sub(a, 'author')?.valueString ?? '' };
    });
  const known = new Set<string>(Object.values(EXTENSION));
  for (const x of e.extension ?? []) if (!known.has(x.url)) notImported.push(`Encounter.extension ${x.url}`);

  const versionId = e.meta?.versionId;
  const revision = versionId !== undefined && /^[1-9]\d{0,8}$/.test(versionId) ? Number(versionId) : null;
  const ownId = e.identifier?.find((i) => i.system === SYSTEM.encounter)?.value;
  return {
    index,
    id: ownId ?? `fhir-${uuidFromName(sourceKey ?? JSON.stringify(fields))}`,
    fromLegPainDdx: ownId !== undefined,
    revision,
    // Signed means signed in Leg Pain DDx: a "finished" encounter without our signature comes in as a draft.
    status: e.status === 'finished' && sub(signature, 'at')?.valueDateTime !== undefined ? 'signed' : 'draft',
    createdAt: ext(e.extension, EXTENSION.createdAt)?.valueDateTime ?? null,
    savedAt: e.meta?.lastUpdated ?? null,
    signedAt: sub(signature, 'at')?.valueDateTime ?? null,
    signedBy: sub(signature, 'by')?.valueString ?? null,
    fields,
    assessment,
    addenda,
    notImported,
  };
}

function readStoredAssessment(data: string): StoredAssessment {
  let json: unknown;
  try {
    json = JSON.parse(base64ToUtf8(data));
  } catch {
    throw new Error('the stored assessment attached to it cannot be read');
  }
  const parsed = StoredAssessment.safeParse(json);
  if (!parsed.success) throw new Error(zodMessage(parsed.error, 'the stored assessment'));
  return parsed.data;
}
