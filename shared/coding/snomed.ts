import { FINDING_IDS } from '../clinical/vocabulary.ts';

/**
 * SNOMED CT codes of the vocabulary's findings, exported beside the app's own code on each finding
 * Observation and read on import. A finding gets a code only when one SNOMED CT concept means what
 * the finding means, and only a code read in a published source (named per entry; `SOURCES`).
 * Every other finding says why it has none. A test checks that the table covers every finding
 * and that every code is a well-formed SCTID (concept partition, Verhoeff check digit).
 * The display is the term as the source gives it.
 */

export const SOURCES = {
  ips: 'HL7 International Patient Summary, SNOMED CT IPS free set value set (HL7/fhir-ips, input/fsh/valuesets/ProblemsSnomedCtIpsFreeSet.fsh, SNOMED CT 2022-07-31)',
  cimi: 'HL7 CIMI pain assessment implementation guide (HL7/cimi-pain-assessment, fsh sources)',
} as const;

export interface SnomedCode {
  readonly code: string;
  readonly display: string;
  readonly source: keyof typeof SOURCES;
}

/** Why a finding has no SNOMED CT code. */
export interface NoSnomedCode {
  readonly none: string;
}

const QUALIFIER = 'SNOMED CT has this only as a qualifier value (a pain quality, onset, side or radiation), not as a clinical finding to code an Observation with';
const COMPOUND = 'Two or more findings in one; a single SNOMED CT code would claim only part of it, and the codings of one concept must mean the same thing';
const PLACE = 'SNOMED CT has the body structure, but no "pain in" finding for this exact place was found in a published source';
const CIRCUMSTANCE = 'A circumstance or aggravating factor of the pain rather than a finding SNOMED CT codes on its own';
const NOT_FOUND = 'No SNOMED CT finding with this meaning was found in a published source reviewed for this table';

export const FINDING_SNOMED: Readonly<Record<string, SnomedCode | NoSnomedCode>> = {
  'loc-lower-back': { code: '279039007', display: 'Low back pain', source: 'ips' },
  'loc-buttock': { code: '279043006', display: 'Pain in buttock', source: 'ips' },
  'loc-posterior-thigh': { none: PLACE },
  'loc-popliteal': { none: PLACE },
  'loc-calf': { code: '300954003', display: 'Pain in calf', source: 'ips' },
  'loc-achilles': { none: PLACE },
  'loc-medial-ankle-sole': { none: PLACE },
  unilateral: { none: QUALIFIER },
  bilateral: { none: QUALIFIER },
  'radiates-from-back': { none: QUALIFIER },
  'radiates-below-knee': { none: QUALIFIER },
  'follows-nerve-path': { none: QUALIFIER },
  // The CIMI guide lists 410707003, 62404004, 410705006, 410709000 and 410711009 as "sensation
  // quality (qualifier value)", not findings.
  'char-sharp': { none: QUALIFIER },
  'char-burning': { none: QUALIFIER },
  'char-shooting': { none: QUALIFIER },
  'char-cramping': { none: QUALIFIER },
  'char-aching': { none: QUALIFIER },
  // 385315009 is an onset qualifier value (and the CIMI guide prints it for both sudden and gradual onset).
  'onset-sudden': { none: QUALIFIER },
  'onset-gradual': { none: QUALIFIER },
  'after-intense-activity': { none: CIRCUMSTANCE },
  'worse-sitting': { none: CIRCUMSTANCE },
  'worse-bending-forward': { none: CIRCUMSTANCE },
  'exertional-relieved-by-rest': { code: '63491006', display: 'Intermittent claudication', source: 'ips' },
  'standing-walking-slow-relief': { code: '303081002', display: 'Neurogenic claudication', source: 'ips' },
  'relieved-sitting-or-flexion': { none: CIRCUMSTANCE },
  'worse-running-jumping': { none: CIRCUMSTANCE },
  'worse-with-movement': { none: CIRCUMSTANCE },
  'pain-at-rest': { none: NOT_FOUND },
  numbness: { code: '44077006', display: 'Numbness', source: 'ips' },
  tingling: { code: '62507009', display: 'Pins and needles', source: 'ips' },
  weakness: { code: '102568007', display: 'Paresis of lower extremity', source: 'ips' },
  'foot-drop': { code: '6077001', display: 'Foot-drop', source: 'ips' },
  'calf-swelling': { none: 'The published codes found are for swelling of any limb or of both lower limbs, not of the calf or one leg' },
  warmth: { none: NOT_FOUND },
  redness: { code: '247441003', display: 'Erythema', source: 'ips' },
  'bruising-calf-ankle': { none: 'The finding is the pattern (spreading down toward the ankle); Ecchymosis would drop it' },
  'localized-tenderness': { none: 'Tenderness (247348008) would drop "localised" and "muscle"' },
  stiffness: { code: '271587009', display: 'Stiffness', source: 'cimi' },
  'swelling-behind-knee': { none: COMPOUND },
  'difficulty-walking': { none: NOT_FOUND },
  'dyspnea-or-chest-pain': { none: COMPOUND },
  'saddle-anesthesia': { none: NOT_FOUND },
  'bladder-bowel-dysfunction': { none: COMPOUND },
  'cold-pale-foot': { none: COMPOUND },
  'rf-long-travel-or-immobility': { none: COMPOUND },
  'rf-recent-surgery': { none: COMPOUND },
  'rf-obesity': { code: '414916001', display: 'Obesity', source: 'ips' },
  'rf-smoking': { code: '77176002', display: 'Smoker', source: 'ips' },
  'rf-estrogen-medication': { none: 'The published code found (Oral contraceptive prescribed) covers only part of oestrogen-containing medication' },
  'rf-active-cancer': { none: "The Wells item's time limit (treatment within 6 months, or palliative) has no SNOMED CT finding; Malignant neoplastic disease would drop it" },
  'rf-previous-dvt': { code: '161508001', display: 'History of deep vein thrombosis', source: 'ips' },
  'rf-leg-paralysis-or-cast': { none: COMPOUND },
  'rf-athlete': { none: NOT_FOUND },
  'rf-knee-arthritis-or-meniscal-injury': { none: COMPOUND },
  'rf-disc-or-back-problems': { none: COMPOUND },
  'rf-diabetes': { code: '73211009', display: 'Diabetes mellitus', source: 'ips' },
  'rf-cardiovascular-disease': { none: COMPOUND },
  'ex-slr-positive': { none: NOT_FOUND },
  'ex-deep-vein-tenderness': { none: NOT_FOUND },
  'ex-calf-swelling-3cm': { none: 'A measured threshold of the Wells score; no SNOMED CT finding states it' },
  'ex-entire-leg-swollen': { none: NOT_FOUND },
  'ex-pitting-edema': { none: 'The Wells item is pitting oedema confined to the symptomatic leg; no published code for that was found' },
  'ex-collateral-veins': { none: NOT_FOUND },
  'ex-diminished-pulses': { none: COMPOUND },
  'ex-popliteal-mass': { none: NOT_FOUND },
  'ex-crescent-sign': { none: NOT_FOUND },
  'ex-tinel-tarsal': { none: NOT_FOUND },
  'ex-achilles-tenderness': { none: NOT_FOUND },
  // Vocabulary v2 findings, reviewed against the same IPS free set.
  'pain-out-of-proportion': { none: NOT_FOUND },
  'after-trauma': { none: CIRCUMSTANCE },
  'felt-pop-or-kicked': { none: NOT_FOUND },
  'exercise-calf-tightness': { none: NOT_FOUND },
  'back-pain-night-constant': { none: COMPOUND },
  fever: { none: 'Fever (386661006) would drop the rigors and the feeling systemically unwell that the finding also records' },
  'unexplained-weight-loss': { code: '422868009', display: 'Unexplained weight loss', source: 'ips' },
  'bilateral-neuro-deficit': { none: COMPOUND },
  'rf-atrial-fibrillation': { none: 'Atrial fibrillation (49436004) would drop the other sources of embolism (recent heart attack, valve disease) the finding records' },
  'rf-arterial-aneurysm': { none: COMPOUND },
  'rf-leg-fracture-or-crush': { none: COMPOUND },
  'rf-skin-break': { none: COMPOUND },
  'rf-varicose-veins': { code: '72866009', display: 'Varicose veins of lower extremity', source: 'ips' },
  'rf-history-of-cancer': { none: 'The published codes found are for a history of cancer of one site (colon, lung, ...); none for a history of any cancer' },
  'rf-iv-drug-use': { none: NOT_FOUND },
  'rf-immunosuppression': { none: NOT_FOUND },
  'rf-training-increase': { none: CIRCUMSTANCE },
  'ex-pain-on-passive-stretch': { none: NOT_FOUND },
  'ex-tense-compartment': { none: NOT_FOUND },
  'ex-thompson-positive': { none: NOT_FOUND },
  'ex-achilles-gap': { none: NOT_FOUND },
  'ex-pulsatile-popliteal-mass': { none: COMPOUND },
  'ex-spreading-erythema': { none: 'Erythema (247441003, the code of "Redness") would drop spreading, hot and tender; no code for the whole sign was found' },
  'ex-tender-superficial-cord': { none: NOT_FOUND },
  'ex-focal-bone-tenderness': { none: NOT_FOUND },
  'ex-pulses-lost-on-plantarflexion': { none: NOT_FOUND },
};

export const hasSnomed = (entry: SnomedCode | NoSnomedCode | undefined): entry is SnomedCode => entry !== undefined && 'code' in entry;

/** The SNOMED CT code of a finding, when it has one. */
export function snomedOfFinding(findingId: string): SnomedCode | undefined {
  const entry = FINDING_SNOMED[findingId];
  return hasSnomed(entry) ? entry : undefined;
}

const findingBySnomed = new Map<string, string>();
for (const id of FINDING_IDS) {
  const entry = FINDING_SNOMED[id];
  if (hasSnomed(entry)) findingBySnomed.set(entry.code, id);
}

/** The finding a SNOMED CT code stands for, for import; undefined when the table has no finding with it. */
export function findingOfSnomed(code: string): string | undefined {
  return findingBySnomed.get(code.trim());
}

// Verhoeff's tables: d is the multiplication of the dihedral group D5; each row of p applies the
// permutation of row 1 once more than the row before, so the rows are derived, not typed.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
const P: number[][] = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];
for (let i = 1; i < 8; i++) P.push(P[i - 1]!.map((j) => P1[j]!));

/** Verhoeff check over a string of digits (the SCTID check digit, SNOMED CT Technical Implementation Guide). */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  [...digits].reverse().forEach((digit, i) => (c = D[c]![P[i % 8]![Number(digit)]!]!));
  return c === 0;
}

/** A concept SCTID: 6 to 18 digits, no leading zero, concept partition (00 or 10), valid check digit. */
export function isConceptSctid(code: string): boolean {
  return /^[1-9]\d{5,17}$/.test(code) && ['00', '10'].includes(code.slice(-3, -1)) && verhoeffValid(code);
}
