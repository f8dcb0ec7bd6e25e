import type { Condition, RedFlagDef, RedFlagTrigger } from '../types.ts';

/**
 * The red flags of vocabulary v1 and, below, the conditions that raise them. A red flag is raised
 * whatever rank its cause has in the differential. Urgency follows the vocabulary's meaning.
 */
export const redFlags: readonly RedFlagDef[] = [
  {
    id: 'suspected-dvt',
    label: 'Suspected deep vein thrombosis',
    urgency: 'urgent',
    action:
      'Assess the same day; do not discharge unassessed. Two-level Wells score: DVT likely, proximal leg vein (Doppler) ultrasound with the result within 4 hours (if not possible, D-dimer and interim anticoagulation); DVT unlikely, D-dimer, and the ultrasound within 4 hours if it is positive.',
    citation: { source: 'Common causes 3; DVT treatment', reference: 'nice-ng158' },
  },
  {
    id: 'possible-pe',
    label: 'Possible pulmonary embolism',
    urgency: 'emergency',
    action: 'Emergency: breathlessness or chest pain with features of DVT. Send to emergency care now for assessment for pulmonary embolism.',
    citation: { source: 'Common causes 3', reference: 'esc-pe-2019; nice-ng158' },
  },
  {
    id: 'cauda-equina',
    label: 'Possible cauda equina syndrome',
    urgency: 'emergency',
    action: 'Emergency: same-day referral to the emergency department or on-call spinal team for emergency MRI of the lumbar spine.',
    citation: { reference: 'girft-ces-2023; nice-cks-sciatica' },
  },
  {
    id: 'progressive-neuro-deficit',
    label: 'Neurological deficit (weakness or foot drop)',
    urgency: 'urgent',
    action: 'Urgent specialist (spinal) referral; record power, reflexes and sensation so progression can be judged. Surgery is considered when deficits progress rapidly.',
    citation: { source: 'Sciatica management', reference: 'nice-cks-sciatica' },
  },
  {
    id: 'critical-limb-ischemia',
    label: 'Possible critical limb ischaemia',
    urgency: 'urgent',
    action:
      'Urgent referral to the vascular service. If the foot became cold, pale or pulseless suddenly, treat it as acute limb ischaemia: an emergency.',
    citation: { reference: 'nice-cg147; gvg-clti-2019; esvs-ali-2020' },
  },
];

/** Findings of a swollen or tender leg vein: what makes DVT a question at all (Common causes 3; Wells 2003). */
export const DVT_SIGNS: readonly string[] = ['calf-swelling', 'ex-calf-swelling-3cm', 'ex-entire-leg-swollen', 'ex-pitting-edema', 'ex-deep-vein-tenderness'];

const anyFinding = (ids: readonly string[]): Condition => ({ anyOf: ids.map((finding) => ({ finding })) });

export const redFlagTriggers: readonly RedFlagTrigger[] = [
  {
    redFlag: 'suspected-dvt',
    when: { allOf: [anyFinding(DVT_SIGNS), { anyOf: [{ wells: 'likely' }, { cause: 'dvt', minStrength: 'moderate' }] }] },
    note:
      'A swollen or tender leg with either a two-level Wells score of DVT likely (NICE NG158) or DVT scoring at least moderate on the findings. A swollen calf with a clear alternative (e.g. a strain, a ruptured Baker’s cyst) and Wells unlikely leads to a D-dimer instead (investigations).',
  },
  {
    redFlag: 'possible-pe',
    when: {
      allOf: [{ finding: 'dyspnea-or-chest-pain' }, { anyOf: [{ redFlag: 'suspected-dvt' }, { cause: 'dvt', minStrength: 'weak', maxRank: 3 }] }],
    },
    note: 'Breathlessness or chest pain when DVT is suspected or among the three leading causes (ESC 2019: PE usually arises from a leg DVT).',
  },
  {
    redFlag: 'cauda-equina',
    when: anyFinding(['saddle-anesthesia', 'bladder-bowel-dysfunction']),
    note: 'Every case here presents with back or leg pain, so saddle numbness or new bladder or bowel dysfunction alone raises it (GIRFT 2023).',
  },
  {
    redFlag: 'progressive-neuro-deficit',
    when: anyFinding(['weakness', 'foot-drop']),
    note: 'Weakness or foot drop (Sciatica management: surgery if deficits progress rapidly, like weakness in foot drop).',
  },
  {
    redFlag: 'critical-limb-ischemia',
    when: {
      allOf: [
        anyFinding(['pain-at-rest', 'cold-pale-foot']),
        {
          anyOf: [
            { finding: 'ex-diminished-pulses' },
            { finding: 'exertional-relieved-by-rest' },
            { cause: 'pad', minStrength: 'weak', maxRank: 3 },
          ],
        },
      ],
    },
    note: 'Rest pain or a cold, pale foot with arterial features: diminished pulses, claudication, or PAD among the three leading causes (Global Vascular Guidelines 2019; ESVS 2020).',
  },
];
