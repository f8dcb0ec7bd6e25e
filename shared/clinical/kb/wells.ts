import type { Citation } from '../assessment.ts';
import type { WellsCriterionDef } from '../types.ts';

/**
 * The two-level Wells score for DVT (Wells 2003, as NICE NG158 uses it), in the published order.
 * Each criterion is met by any one of its findings. The last item is not a finding: the engine
 * computes it from the differential (engine/wells.ts).
 */
export const WELLS_ALTERNATIVE = 'alternative-diagnosis';

export const wellsCriteria: readonly WellsCriterionDef[] = [
  { id: 'active-cancer', label: 'Active cancer (treatment ongoing, within 6 months, or palliative)', points: 1, findings: ['rf-active-cancer'] },
  { id: 'paralysis-or-cast', label: 'Paralysis, paresis or recent plaster immobilisation of the leg', points: 1, findings: ['rf-leg-paralysis-or-cast'] },
  { id: 'bedridden-or-surgery', label: 'Recently bedridden 3 days or more, or major surgery within 12 weeks', points: 1, findings: ['rf-recent-surgery'] },
  { id: 'deep-vein-tenderness', label: 'Localised tenderness along the distribution of the deep venous system', points: 1, findings: ['ex-deep-vein-tenderness'] },
  { id: 'entire-leg-swollen', label: 'Entire leg swollen', points: 1, findings: ['ex-entire-leg-swollen'] },
  { id: 'calf-swelling-3cm', label: 'Calf swelling at least 3 cm larger than the other side', points: 1, findings: ['ex-calf-swelling-3cm'] },
  { id: 'pitting-oedema', label: 'Pitting oedema confined to the symptomatic leg', points: 1, findings: ['ex-pitting-edema'] },
  { id: 'collateral-veins', label: 'Collateral superficial veins (non-varicose)', points: 1, findings: ['ex-collateral-veins'] },
  { id: 'previous-dvt', label: 'Previously documented DVT', points: 1, findings: ['rf-previous-dvt'] },
  { id: WELLS_ALTERNATIVE, label: 'An alternative diagnosis at least as likely as DVT', points: -2, findings: [] },
];

/** DVT is "likely" at this many points or more. */
export const WELLS_LIKELY_AT = 2;

export const wellsCitation: Citation = { reference: 'wells-2003; nice-ng158' };

export const wellsNextStep = {
  likely:
    'DVT likely: proximal leg vein ultrasound with the result within 4 hours; if that is not possible, a D-dimer test and interim therapeutic anticoagulation, with the scan within 24 hours (NICE NG158).',
  unlikely:
    'DVT unlikely: D-dimer test with the result within 4 hours (if not possible, interim therapeutic anticoagulation); if positive, proximal leg vein ultrasound within 4 hours; if negative, DVT is unlikely and other diagnoses should be considered (NICE NG158).',
  /** When nothing in the case raises the question of DVT (kb/dvt.ts): the score is not shown as a result. */
  notApplicable: 'The Wells score does not apply: nothing recorded raises the question of DVT.',
} as const;

/**
 * Findings groups that count as a leg finding supporting an alternative diagnosis: what the patient
 * or the examiner notices in the leg, not where the pain is, how many legs, or a risk factor.
 */
export const WELLS_ALTERNATIVE_SUPPORT_GROUPS = ['character', 'onset', 'modifiers', 'associated', 'examination'] as const;

/**
 * How the "alternative diagnosis" item is suggested, stated once for the reviewer and the report.
 * Wells leaves the item to the examiner's judgement; the engine only proposes it, and the clinician
 * confirms or overrides it in the workspace (stored with the encounter, printed in the letter).
 * The proposal is made from the same cited rules as the differential, with the Wells findings left
 * out so they neither count for DVT twice nor against its rivals.
 */
export const WELLS_ALTERNATIVE_METHOD =
  'Suggested when another cause, scored on every finding except the Wells items, reaches at least weak strength with at least as many points as DVT, and is supported by a present leg finding that DVT does not share (not a Wells item, a feature of DVT, a location or a risk factor); the clinician confirms or overrides it.';
