import type { Citation, Strength, Urgency } from './assessment.ts';

export type { Strength };

/**
 * Types of the knowledge base. The knowledge base is data a clinician can review: every item
 * carries a citation (a section of the clinical source, or a named external reference) and the
 * date it was last reviewed.
 */

export const FINDING_GROUPS = [
  'location',
  'distribution',
  'character',
  'onset',
  'modifiers',
  'associated',
  'risk-factors',
  'examination',
] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

export interface CitedText {
  readonly text: string;
  readonly citation: Citation;
}

/** Regions of the back-view body map, each recording one location finding. */
export type BodyRegion = 'lower-back' | 'buttock' | 'posterior-thigh' | 'popliteal' | 'calf' | 'achilles' | 'medial-ankle-sole';

export interface FindingDef {
  readonly id: string;
  readonly group: FindingGroup;
  readonly label: string;
  /** Words a clinician might type for this finding (type-ahead picker). */
  readonly synonyms: readonly string[];
  readonly citation: Citation;
  /** Location findings only: the body-map region that records this finding. */
  readonly bodyRegion?: BodyRegion;
}

export interface FindingGroupDef {
  readonly id: FindingGroup;
  readonly label: string;
}

export type TreatmentKind = 'self-care' | 'medication' | 'physical-therapy' | 'lifestyle' | 'procedure' | 'surgery';

export interface Icd10Code {
  readonly code: string;
  readonly title: string;
}

export interface CauseDef {
  readonly id: string;
  readonly label: string;
  /** A few words for tight places (chips, PDF tables). */
  readonly shortLabel: string;
  /** A cause that must not be missed (a threat to life or limb) is flagged in the differential. */
  readonly mustNotMiss: boolean;
  readonly citation: Citation;
  readonly icd10: readonly Icd10Code[];
  readonly icd10Citation: Citation;
  readonly presentation: readonly CitedText[];
  readonly riskFactors: readonly CitedText[];
  readonly typicalPatient: readonly CitedText[];
  /** What the cause may signal beyond itself (e.g. PAD: heart attack and stroke risk). */
  readonly signals: readonly CitedText[];
  readonly treatments: readonly (CitedText & { readonly kind: TreatmentKind })[];
}

export type ImagingId = 'mri' | 'doppler-ultrasound' | 'x-ray';

export interface ImagingDef {
  readonly id: ImagingId;
  readonly label: string;
  readonly mainUse: CitedText;
  readonly advantage: CitedText;
  readonly limitation: CitedText;
  readonly cost: CitedText;
}

export type FlagUrgency = Exclude<Urgency, 'routine'>;

/**
 * One named criterion of a red flag's guideline. A flag is raised when any of its criteria is met,
 * with the highest urgency among those met, so the urgency always comes from the criterion that fired.
 */
export interface RedFlagCriterion {
  readonly id: string;
  /** The criterion in plain words, as the guideline draws it. */
  readonly label: string;
  readonly urgency: FlagUrgency;
  readonly when: Condition;
  readonly citation: Citation;
}

export interface RedFlagDef {
  readonly id: string;
  readonly label: string;
  /** What the clinician should do at each urgency the flag's criteria can reach, in plain words. */
  readonly action: Readonly<Partial<Record<FlagUrgency, string>>>;
  readonly citation: Citation;
  readonly criteria: readonly RedFlagCriterion[];
}

/** A numbered, named section of the clinical source text, quoted by its heading. */
export interface SourceSection {
  /** The short name items cite, e.g. "Common causes 3". */
  readonly id: string;
  /** A line that appears verbatim in the source text, so citations can be checked. */
  readonly heading: string;
  /** The enclosing section, if any: a section's text runs until the next heading that is not inside it. */
  readonly parent?: string;
}

export interface ExternalReference {
  readonly id: string;
  /** Full citation, e.g. "NICE NG158 (2020, updated 2023): Venous thromboembolic diseases". */
  readonly title: string;
}

/**
 * Why a rule's weight is what it is, for the reviewing clinician:
 * - source: the clinical source's own statement (the rule's quote) names the feature; the size follows
 *   the point scale in rules.ts (hallmark, typical, shared, weak);
 * - published: a diagnostic-accuracy figure quoted from a paper that was opened and read;
 * - expert-estimate: no quotable figure; the direction comes from the cited reference, the size is an
 *   estimate on the point scale, to be reviewed.
 */
export type WeightBasis =
  | { readonly kind: 'source'; readonly statement: string }
  | { readonly kind: 'published'; readonly reference: string; readonly figure: string; readonly quote: string }
  | { readonly kind: 'expert-estimate'; readonly note: string };

/** A finding-to-cause relation: a present finding (or a pertinent negative) moves a cause up or down. */
export interface RuleDef {
  /** Stable id, `<cause>:<finding>` for a present finding, `<cause>:no-<finding>` for a pertinent negative. */
  readonly id: string;
  readonly cause: string;
  readonly finding: string;
  /** 'present': the finding is recorded; 'absent': it was checked and found absent. */
  readonly when: 'present' | 'absent';
  /** Signed weight in points: positive supports the cause, negative argues against it. */
  readonly weight: number;
  readonly reason: string;
  readonly citation: Citation;
  /** For a citation of the source: the words of the cited section this rule rests on (checked verbatim by the tests). */
  readonly quote?: string;
  readonly basis: WeightBasis;
  /**
   * Rules of one cause that read the same observation (calf swelling seen, measured at 3 cm, the
   * whole leg swollen) share this key, and only one of them counts: the strongest present one, else
   * the strongest absent one. The others are shown in the basis as counted under it.
   */
  readonly observation?: string;
}

/**
 * A condition over an assessment in progress, kept as data so red flags and suggestions can be
 * reviewed: a finding present, a cause ranking high enough, the Wells category, an earlier red flag.
 */
export type Condition =
  | { readonly finding: string }
  /** The finding was checked and found absent (used only to say a must-not-miss cause is excluded). */
  | { readonly absent: string }
  | { readonly anyOf: readonly Condition[] }
  | { readonly allOf: readonly Condition[] }
  /** The two-level Wells score applies (DVT is in question) and has this category. */
  | { readonly wells: 'likely' | 'unlikely' }
  /** The Wells "alternative diagnosis at least as likely" item, as suggested or as the clinician judged it. */
  | { readonly wellsAlternative: 'met' | 'not-met' }
  /** The cause scores at least minStrength and, when maxRank is given, ranks no lower than maxRank. */
  | { readonly cause: string; readonly minStrength: Exclude<Strength, 'unlikely'>; readonly maxRank?: number }
  | { readonly redFlag: string }
  /** The red flag was not raised: lets a general flag give way to a more specific one of the same or higher urgency. */
  | { readonly unlessRedFlag: string };

/** A must-not-miss cause and the signs that keep it visible in the ranked list. */
export interface MustNotMissDef {
  readonly cause: string;
  /** Met: the cause is kept within the top three (or just below the others kept) with this reason. */
  readonly keySigns: Condition;
  /** Recorded findings that exclude the cause well enough to let it rank on its points again. */
  readonly excludedWhen?: Condition;
  readonly reason: string;
  readonly citation: Citation;
}

/**
 * A suggestion rule (imaging or another investigation). `rationale` may contain `{findings}` (the
 * labels of the findings that met the condition) and `{wells}` (e.g. "3 points, likely").
 */
export interface SuggestionRule<K extends string> {
  readonly id: string;
  readonly what: K;
  readonly when: Condition;
  readonly for: readonly string[];
  readonly rationale: string;
  readonly citation: Citation;
}

/**
 * 'red-flag': the urgency of the red flag(s) the rule's condition names, as raised; so imaging called
 * for by an emergency is an emergency too.
 */
export type SuggestionUrgency = 'routine' | 'urgent' | 'red-flag';

export interface ImagingRuleDef extends SuggestionRule<ImagingId> {
  readonly urgency: SuggestionUrgency;
}

export type InvestigationId = 'd-dimer' | 'ankle-brachial-index' | 'blood-tests';

export interface InvestigationDef {
  readonly id: InvestigationId;
  readonly label: string;
  readonly citation: Citation;
}

export interface InvestigationRuleDef extends SuggestionRule<InvestigationId> {
  readonly urgency: SuggestionUrgency;
}

/** One criterion of the two-level Wells score for DVT. */
export interface WellsCriterionDef {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  /** Findings any one of which meets the criterion; empty for the computed "alternative diagnosis" item. */
  readonly findings: readonly string[];
}

/** How a cause's points become a 0..1 score and a strength; one place, so every consumer agrees. */
export interface ScoreScale {
  /** score = 1 / (1 + exp(-(points - midpoint) / spread)) */
  readonly midpoint: number;
  readonly spread: number;
  /** Lowest score of each strength, best first. */
  readonly strength: { readonly strong: number; readonly moderate: number; readonly weak: number };
  /** Net points within this distance of zero, with evidence on both sides, read "conflicting evidence". */
  readonly conflictingWithin: number;
  /** What the strength words mean, shown once in the UI and the report. */
  readonly explanation: string;
}
