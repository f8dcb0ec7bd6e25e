import type { Condition } from '../types.ts';
import { anyFinding } from './conditionBuilders.ts';

/**
 * When DVT is in question: one definition, used by the Wells panel, the suspected-DVT red flag,
 * the PE red flag, the D-dimer and Doppler suggestions and the must-not-miss list, so they can
 * never disagree. NICE NG158 applies the two-level Wells score to anyone with signs or symptoms of
 * DVT; the source describes them (Common causes 3: "cramping or soreness behind one leg
 * accompanied by swelling, warmth, and redness", "most commonly behind the calves").
 */


/** Signs of a swollen or tender leg vein (the Wells examination items and the source's swelling). */
export const DVT_SIGNS: readonly string[] = [
  'calf-swelling',
  'ex-calf-swelling-3cm',
  'ex-entire-leg-swollen',
  'ex-pitting-edema',
  'ex-deep-vein-tenderness',
  'ex-collateral-veins',
];

/** Where DVT pain is felt (Common causes 3: "behind the calves", "behind one leg"). */
export const DVT_PAIN_SITES: readonly string[] = ['loc-calf', 'loc-popliteal'];

/**
 * Risk factors for venous thromboembolism, as vocabulary v2's possible-pe meaning lists them
 * (recent surgery, immobility or long travel, active cancer, previous DVT, oestrogen, leg cast or
 * fracture; ESC 2019 and NICE NG158 name the same). Obesity and smoking are weaker and left out.
 */
export const VTE_RISK_FACTORS: readonly string[] = [
  'rf-recent-surgery',
  'rf-long-travel-or-immobility',
  'rf-active-cancer',
  'rf-previous-dvt',
  'rf-estrogen-medication',
  'rf-leg-paralysis-or-cast',
  'rf-leg-fracture-or-crush',
];

export const DVT_SIGN: Condition = anyFinding(...DVT_SIGNS);
export const VTE_RISK: Condition = anyFinding(...VTE_RISK_FACTORS);

/**
 * DVT is in question: a sign of DVT; or pain behind the calf or knee with warmth or redness (the
 * symptoms the source names); or such pain in one leg with a risk factor for venous thromboembolism.
 * Only present findings count, so recording more can never take the question away.
 */
export const DVT_IN_QUESTION: Condition = {
  anyOf: [
    DVT_SIGN,
    { allOf: [anyFinding(...DVT_PAIN_SITES), anyFinding('warmth', 'redness')] },
    { allOf: [anyFinding(...DVT_PAIN_SITES), { finding: 'unilateral' }, VTE_RISK] },
  ],
};
