import type { Citation, Urgency } from './assessment.ts';

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

export interface RedFlagDef {
  readonly id: string;
  readonly label: string;
  readonly urgency: Exclude<Urgency, 'routine'>;
  /** What the clinician should do, in plain words. */
  readonly action: string;
  readonly citation: Citation;
}

/** A numbered, named section of the clinical source text, quoted by its heading. */
export interface SourceSection {
  /** The short name items cite, e.g. "Common causes 3". */
  readonly id: string;
  /** A line that appears verbatim in the source text, so citations can be checked. */
  readonly heading: string;
}

export interface ExternalReference {
  readonly id: string;
  /** Full citation, e.g. "NICE NG158 (2020, updated 2023): Venous thromboembolic diseases". */
  readonly title: string;
}
