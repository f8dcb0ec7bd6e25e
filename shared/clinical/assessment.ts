import { z } from 'zod';

/**
 * The shape of an assessment: what `assess --json` prints, what the store keeps with each
 * revision and what the renderer and the referral show. Fields beyond the CLI contract
 * (labels, basis, actions) are there so a stored assessment reads the same years later,
 * without needing the knowledge base it came from.
 */

export const Urgency = z.enum(['emergency', 'urgent', 'routine']);
export type Urgency = z.infer<typeof Urgency>;

/** Where a fact comes from: a section of the clinical source, a named external reference, or both. */
export const Citation = z
  .object({ source: z.string().min(1).optional(), reference: z.string().min(1).optional() })
  .refine((c) => c.source !== undefined || c.reference !== undefined, 'A citation names a source section or a reference');
export type Citation = z.infer<typeof Citation>;

/** One finding's contribution to one cause: why the cause moved up or down. */
export const BasisItem = z.object({
  finding: z.string(),
  /** true: the finding is present; false: it was checked and found absent (a pertinent negative). */
  present: z.boolean(),
  /** Signed contribution to the score: positive supports, negative argues against. */
  weight: z.number(),
  /** Plain-language reason a clinician can read, e.g. "Calf swelling is typical of DVT". */
  reason: z.string(),
  rule: z.string(),
  citation: Citation,
  /**
   * The same observation is counted once, by the rule named here; this item adds nothing to the
   * points (absent in assessments stored before v2).
   */
  countedIn: z.string().optional(),
});
export type BasisItem = z.infer<typeof BasisItem>;

export const Strength = z.enum(['strong', 'moderate', 'weak', 'unlikely']);
export type Strength = z.infer<typeof Strength>;

/**
 * What the recorded findings say of a cause, in words: nothing recorded bears on it; evidence on
 * both sides that nets to about zero; or on balance for or against it.
 */
export const Evidence = z.enum(['none', 'conflicting', 'for', 'against']);
export type Evidence = z.infer<typeof Evidence>;

export const DifferentialEntry = z.object({
  cause: z.string(),
  label: z.string(),
  rank: z.number().int().min(1),
  /** 0..1, comparable between causes of one assessment only. */
  score: z.number().min(0).max(1),
  /** The signed sum of the basis weights the score is computed from (absent in assessments stored before it was added). */
  points: z.number().optional(),
  strength: Strength,
  supporting: z.array(z.string()),
  against: z.array(z.string()),
  basis: z.array(BasisItem),
  mustNotMiss: z.boolean(),
  /** Absent in assessments stored before v2. */
  evidence: Evidence.optional(),
  /** A must-not-miss cause moved up to stay visible, and why (absent when it ranks there on its points). */
  keptVisible: z.object({ because: z.array(z.string()), reason: z.string() }).optional(),
});
export type DifferentialEntry = z.infer<typeof DifferentialEntry>;

export const RedFlagHit = z.object({
  id: z.string(),
  label: z.string(),
  urgency: z.enum(['emergency', 'urgent']),
  because: z.array(z.string()),
  /** The guideline criteria that were met, in words, highest urgency first (absent before v2). */
  criteria: z.array(z.object({ id: z.string(), label: z.string(), urgency: z.enum(['emergency', 'urgent']) })).optional(),
  action: z.string(),
  citation: Citation,
});
export type RedFlagHit = z.infer<typeof RedFlagHit>;

export const ImagingSuggestion = z.object({
  modality: z.enum(['mri', 'doppler-ultrasound', 'x-ray']),
  label: z.string(),
  /** The urgency of the red flag that calls for it, else that of its rule. */
  urgency: Urgency,
  for: z.array(z.string()),
  rationale: z.string().min(1),
  citation: Citation,
});
export type ImagingSuggestion = z.infer<typeof ImagingSuggestion>;

export const InvestigationSuggestion = z.object({
  test: z.string(),
  label: z.string(),
  /** Absent in assessments stored before v2. */
  urgency: Urgency.optional(),
  for: z.array(z.string()),
  rationale: z.string().min(1),
  citation: Citation,
});
export type InvestigationSuggestion = z.infer<typeof InvestigationSuggestion>;

export const WellsDvt = z.object({
  points: z.number().int(),
  category: z.enum(['likely', 'unlikely']),
  /** Finding ids that scored, in the order of the Wells items. */
  items: z.array(z.string()),
  /** Every Wells criterion with whether it scored, so the UI and the referral can show the whole score. */
  criteria: z.array(z.object({ id: z.string(), label: z.string(), points: z.number().int(), met: z.boolean(), findings: z.array(z.string()) })),
  nextStep: z.string(),
  citation: Citation,
  /** The cause judged at least as likely as DVT when the "alternative diagnosis" criterion is met. */
  alternative: z.string().optional(),
  /**
   * Whether the score applies: DVT is in question (signs or symptoms of DVT). When it does not, the
   * score is shown as not applying and nothing follows from it (absent before v2: it was always shown).
   */
  applies: z.boolean().optional(),
  /**
   * The "alternative diagnosis at least as likely" item as the clinician's judgement: the engine's
   * suggestion (with the present findings that support it), and whether the clinician confirmed or
   * overrode it. Absent before v2.
   */
  alternativeJudgement: z
    .object({
      state: z.enum(['suggested', 'confirmed', 'overridden', 'none']),
      suggested: z.string().optional(),
      suggestedBecause: z.array(z.string()),
      /** The alternative the clinician named, when it differs from the suggestion. */
      chosen: z.string().optional(),
    })
    .optional(),
});
export type WellsDvt = z.infer<typeof WellsDvt>;

export const Assessment = z.object({
  differential: z.array(DifferentialEntry),
  redFlags: z.array(RedFlagHit),
  imaging: z.array(ImagingSuggestion),
  investigations: z.array(InvestigationSuggestion),
  scores: z.object({ wellsDvt: WellsDvt }),
});
export type Assessment = z.infer<typeof Assessment>;

/** An assessment as stored with an encounter revision: it names the knowledge base it came from. */
export const StoredAssessment = Assessment.extend({ knowledgeBase: z.string() });
export type StoredAssessment = z.infer<typeof StoredAssessment>;
