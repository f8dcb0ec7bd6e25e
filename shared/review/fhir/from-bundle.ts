import { z } from 'zod';
import { ApiError } from '../../api/errors.ts';
import { EncounterDraft, type Addendum, type EncounterStatus, type ReferralPriority } from '../../api/encounter.ts';
import { StoredAssessment } from '../../clinical/assessment.ts';
import { EXTENSION, SYSTEM } from './codes.ts';
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

const ObservationR = z.object({
  resourceType: z.literal('Observation'),
  code: CodeableConcept,
  encounter: Reference.optional(),
  valueBoolean: z.boolean().optional(),
});

const ConditionR = z.object({
  resourceType: z.literal('Condition'),
  code: CodeableConcept.optional(),
  encounter: Reference.optional(),
  verificationStatus: CodeableConcept.optional(),
});

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
      }),
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
}

export interface FhirReadResult {
  readonly encounters: FhirEncounterRecord[];
  readonly skipped: { index: number; reason: string }[];
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

  // Everything that points at an encounter, grouped by the encounter's keys.
  const children = new Map<string, unknown[]>();
  for (const entry of entries) {
    const ref = (entry.resource as { encounter?: { reference?: unknown } }).encounter?.reference;
    if (typeof ref === 'string') children.set(ref, [...(children.get(ref) ?? []), entry.resource]);
  }

  const encounters: FhirEncounterRecord[] = [];
  const skipped: { index: number; reason: string }[] = [];
  entries.forEach((entry, index) => {
    if (entry.resource.resourceType !== 'Encounter') return;
    const label = `Encounter ${encounters.length + skipped.length + 1} in the file`;
    try {
      const keys = keysOf(index);
      encounters.push(readEncounter(index, keys[0] ?? null, entry.resource, keys.flatMap((k) => children.get(k) ?? []), byRef));
    } catch (error) {
      skipped.push({ index, reason: `${label}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  return { encounters, skipped };
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

function readEncounter(
  index: number,
  sourceKey: string | null,
  raw: unknown,
  related: unknown[],
  byRef: Map<string, { index: number; resource: unknown }>,
): FhirEncounterRecord {
  const enc = EncounterR.safeParse(raw);
  if (!enc.success) throw new Error(zodMessage(enc.error, 'Encounter'));
  const e = enc.data;

  const subjectRef = e.subject?.reference;
  const patientRaw = subjectRef !== undefined ? byRef.get(subjectRef)?.resource : undefined;
  if (patientRaw === undefined) throw new Error('the patient it refers to is not in the file');
  const pat = PatientR.safeParse(patientRaw);
  if (!pat.success) throw new Error(zodMessage(pat.error, 'Patient'));
  const p = pat.data;
  const name = p.name?.[0];
  const identifier = p.identifier?.find((i) => i.system === SYSTEM.patientIdentifier) ?? p.identifier?.[0];

  const findings: string[] = [];
  const absent: string[] = [];
  let workingDiagnosis: string | null = null;
  let referral: Record<string, unknown> | null = null;
  let assessment: StoredAssessment | null = null;
  for (const r of related) {
    const type = (r as { resourceType: string }).resourceType;
    if (type === 'Observation') {
      const o = ObservationR.safeParse(r);
      if (!o.success) throw new Error(zodMessage(o.error, 'Observation'));
      const code = codeIn(o.data.code, SYSTEM.finding);
      if (code !== undefined && o.data.valueBoolean !== undefined) (o.data.valueBoolean ? findings : absent).push(code);
    } else if (type === 'Condition') {
      const c = ConditionR.safeParse(r);
      if (!c.success) throw new Error(zodMessage(c.error, 'Condition'));
      const cause = codeIn(c.data.code, SYSTEM.cause);
      if (cause !== undefined && workingDiagnosis === null) workingDiagnosis = cause;
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
      }
    } else if (type === 'RiskAssessment') {
      const ra = RiskAssessmentR.safeParse(r);
      if (!ra.success) throw new Error(zodMessage(ra.error, 'RiskAssessment'));
      const data = ext(ra.data.extension, EXTENSION.storedAssessment)?.valueAttachment?.data;
      if (data !== undefined) assessment = readStoredAssessment(data);
    }
  }

  const painExt = ext(e.extension, EXTENSION.pain);
  const intensity = sub(painExt, 'intensity')?.valueInteger;
  const duration = sub(painExt, 'duration')?.valueString;
  const side = sub(painExt, 'side')?.valueCode;
  const pain =
    painExt === undefined
      ? null
      : { ...(intensity !== undefined ? { intensity } : {}), ...(duration !== undefined ? { duration } : {}), ...(side !== undefined ? { side } : {}) };

  const participant = e.participant?.[0];
  const clinicianName = participant?.individual?.display;
  const clinicianRole = ext(participant?.extension, EXTENSION.clinicianRole)?.valueString;
  const clinician =
    participant === undefined || (clinicianName === undefined && clinicianRole === undefined)
      ? null
      : { name: clinicianName ?? '', role: clinicianRole ?? '' };

  const draft = EncounterDraft.safeParse({
    seenAt: e.period?.start,
    patient: {
      name: name?.text ?? [...(name?.given ?? []), name?.family].filter((x) => x !== undefined).join(' '),
      birthDate: p.birthDate ?? null,
      sex: p.gender ?? 'unknown',
      identifier: identifier?.value ?? '',
    },
    clinician,
    complaint: e.reasonCode?.[0]?.text ?? '',
    pain,
    findings,
    absent,
    notes: ext(e.extension, EXTENSION.notes)?.valueString ?? '',
    workingDiagnosis,
    referral,
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
