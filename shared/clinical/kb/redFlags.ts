import type { RedFlagDef } from '../types.ts';
import { all, anyFinding } from './conditionBuilders.ts';
import { DVT_IN_QUESTION, DVT_SIGN, VTE_RISK } from './dvt.ts';

/**
 * The red flags of vocabulary v2, each raised by the named criteria of its guideline, whatever the
 * differential says: no criterion reads a cause's rank or score. A flag is raised when any of its
 * criteria is met, at the highest urgency among those met, and its action is the one written for
 * that urgency. Criteria read present findings only (and the Wells score where NICE NG158 makes it
 * the criterion), so recording more findings never takes an emergency away; the one exception is
 * explicit: chronic limb-threatening ischaemia gives way to acute limb ischaemia, which is more
 * specific and more urgent. The order is the vocabulary's.
 */


/** Pain of spinal origin: back pain, pain radiating from the back, or constant or night back pain. */
const SPINAL_PAIN = anyFinding('loc-lower-back', 'radiates-from-back', 'back-pain-night-constant');
const CANCER_OR_WEIGHT_LOSS = anyFinding('rf-history-of-cancer', 'rf-active-cancer', 'unexplained-weight-loss');
const NEW_DEFICIT = anyFinding('weakness', 'foot-drop', 'bilateral-neuro-deficit', 'saddle-anesthesia', 'bladder-bowel-dysfunction');

export const redFlags: readonly RedFlagDef[] = [
  {
    id: 'suspected-dvt',
    label: 'Suspected deep vein thrombosis',
    action: {
      urgent:
        'Assess the same day; do not discharge unassessed. Two-level Wells score: DVT likely, proximal leg vein (Doppler) ultrasound with the result within 4 hours (if not possible, D-dimer and interim anticoagulation); DVT unlikely, D-dimer, and the ultrasound within 4 hours if it is positive.',
    },
    citation: { source: 'Common causes 3; DVT treatment', reference: 'nice-ng158' },
    criteria: [
      {
        id: 'dvt-wells-likely',
        label: 'DVT is in question and the two-level Wells score says DVT likely',
        urgency: 'urgent',
        when: all(DVT_IN_QUESTION, { wells: 'likely' }),
        citation: { reference: 'nice-ng158; wells-2003' },
      },
      {
        id: 'dvt-signs-no-alternative',
        label: 'A swollen or tender leg with no other diagnosis judged at least as likely as DVT',
        urgency: 'urgent',
        when: all(DVT_SIGN, { wellsAlternative: 'not-met' }),
        citation: { source: 'Common causes 3', reference: 'nice-ng158' },
      },
    ],
  },
  {
    id: 'possible-pe',
    label: 'Possible pulmonary embolism',
    action: {
      emergency:
        'Emergency: breathlessness or chest pain with features of DVT or a risk factor for venous thromboembolism. Send to emergency care now for assessment for pulmonary embolism.',
    },
    citation: { source: 'Common causes 3', reference: 'esc-pe-2019; nice-ng158' },
    criteria: [
      {
        id: 'pe-with-dvt-features',
        label: 'Breathlessness or chest pain with signs or symptoms of DVT',
        urgency: 'emergency',
        when: all({ finding: 'dyspnea-or-chest-pain' }, DVT_IN_QUESTION),
        citation: { source: 'Common causes 3', reference: 'esc-pe-2019' },
      },
      {
        id: 'pe-with-vte-risk',
        label: 'Breathlessness or chest pain with a risk factor for venous thromboembolism, even without a swollen leg',
        urgency: 'emergency',
        when: all({ finding: 'dyspnea-or-chest-pain' }, VTE_RISK),
        citation: { reference: 'esc-pe-2019; nice-ng158' },
      },
    ],
  },
  {
    id: 'cauda-equina',
    label: 'Possible cauda equina syndrome',
    action: {
      emergency: 'Emergency: same-day referral to the emergency department or on-call spinal team for emergency MRI of the lumbar spine.',
    },
    citation: { reference: 'girft-ces-2023; nice-cks-sciatica' },
    criteria: [
      {
        id: 'ces-saddle-or-sphincter',
        label: 'Saddle numbness or new bladder or bowel dysfunction',
        urgency: 'emergency',
        when: anyFinding('saddle-anesthesia', 'bladder-bowel-dysfunction'),
        citation: { reference: 'girft-ces-2023' },
      },
      {
        id: 'ces-bilateral-sciatica',
        label: 'Sciatica in both legs: radicular pain below the knee on both sides',
        urgency: 'emergency',
        when: all({ finding: 'bilateral' }, { finding: 'radiates-below-knee' }),
        citation: { reference: 'girft-ces-2023; nice-cks-sciatica' },
      },
      {
        id: 'ces-bilateral-deficit',
        label: 'New numbness or weakness in both legs',
        urgency: 'emergency',
        when: { finding: 'bilateral-neuro-deficit' },
        citation: { reference: 'girft-ces-2023; nice-cks-sciatica' },
      },
    ],
  },
  {
    id: 'progressive-neuro-deficit',
    label: 'Neurological deficit (weakness or foot drop)',
    action: {
      urgent:
        'Urgent specialist (spinal) referral; record power, reflexes and sensation so progression can be judged. Surgery is considered when deficits progress rapidly.',
    },
    citation: { source: 'Sciatica management', reference: 'nice-cks-sciatica' },
    criteria: [
      {
        id: 'weakness-or-foot-drop',
        label: 'Leg or foot weakness, or foot drop',
        urgency: 'urgent',
        // Weakness of an ischaemic limb or a tight compartment is not a nerve-root deficit: those
        // emergencies name it, and a spinal MRI would only delay them.
        when: all(
          anyFinding('weakness', 'foot-drop'),
          { unlessRedFlag: 'suspected-acute-limb-ischemia' },
          { unlessRedFlag: 'suspected-compartment-syndrome' },
        ),
        citation: { source: 'Sciatica management', reference: 'nice-cks-sciatica' },
      },
    ],
  },
  {
    id: 'critical-limb-ischemia',
    label: 'Possible chronic limb-threatening ischaemia',
    action: {
      urgent:
        'Urgent referral to the vascular service. If the foot became cold, pale or pulseless suddenly, treat it as acute limb ischaemia: an emergency.',
    },
    citation: { reference: 'nice-cg147; gvg-clti-2019' },
    criteria: [
      {
        id: 'rest-pain-with-arterial-disease',
        label: 'Rest pain or a cold, pale foot with arterial disease (diminished pulses or claudication), not of sudden onset',
        urgency: 'urgent',
        when: all(
          anyFinding('pain-at-rest', 'cold-pale-foot'),
          anyFinding('ex-diminished-pulses', 'exertional-relieved-by-rest'),
          { unlessRedFlag: 'suspected-acute-limb-ischemia' },
        ),
        citation: { reference: 'gvg-clti-2019; nice-cg147' },
      },
    ],
  },
  {
    id: 'suspected-acute-limb-ischemia',
    label: 'Suspected acute limb ischaemia',
    action: {
      emergency:
        'Emergency: immediate referral to the on-call vascular team; imaging must not delay it. Record the time of onset, sensation and movement of the foot.',
    },
    citation: { reference: 'esvs-ali-2020' },
    criteria: [
      {
        id: 'ali-sudden-cold-pale',
        label: 'A foot that suddenly became cold, pale or discoloured',
        urgency: 'emergency',
        when: all({ finding: 'onset-sudden' }, { finding: 'cold-pale-foot' }),
        citation: { reference: 'esvs-ali-2020' },
      },
      {
        id: 'ali-sudden-pulseless',
        label: 'Sudden pain with absent foot pulses and rest pain, numbness, tingling or weakness',
        urgency: 'emergency',
        when: all({ finding: 'onset-sudden' }, { finding: 'ex-diminished-pulses' }, anyFinding('pain-at-rest', 'numbness', 'tingling', 'weakness')),
        citation: { reference: 'esvs-ali-2020' },
      },
    ],
  },
  {
    id: 'suspected-compartment-syndrome',
    label: 'Suspected acute compartment syndrome',
    action: {
      emergency:
        'Emergency: release any cast or dressing down to the skin, keep the leg at heart level, and get an immediate orthopaedic review for fasciotomy. Foot pulses are usually still present.',
    },
    citation: { reference: 'boast-10-2014' },
    criteria: [
      {
        id: 'acs-pain-after-injury',
        label: 'Pain out of proportion or on passive stretch after an injury, a fracture or crush, or with a cast, or with a tense compartment',
        urgency: 'emergency',
        when: all(
          anyFinding('pain-out-of-proportion', 'ex-pain-on-passive-stretch'),
          anyFinding('after-trauma', 'rf-leg-fracture-or-crush', 'rf-leg-paralysis-or-cast', 'ex-tense-compartment'),
        ),
        citation: { reference: 'boast-10-2014' },
      },
      {
        id: 'acs-tense-after-injury',
        label: 'A tense, hard compartment after an injury, a fracture or crush',
        urgency: 'emergency',
        when: all({ finding: 'ex-tense-compartment' }, anyFinding('after-trauma', 'rf-leg-fracture-or-crush')),
        citation: { reference: 'boast-10-2014; donaldson-2014' },
      },
    ],
  },
  {
    id: 'suspected-spinal-infection',
    label: 'Suspected spinal infection',
    action: {
      emergency: 'Emergency: same-day specialist assessment and MRI of the spine for discitis or epidural abscess.',
    },
    citation: { reference: 'nice-cks-low-back-pain; nice-ng59' },
    criteria: [
      {
        id: 'spinal-pain-with-fever',
        label: 'Back pain or sciatica with fever or systemic illness',
        urgency: 'emergency',
        when: all(SPINAL_PAIN, { finding: 'fever' }),
        citation: { reference: 'nice-cks-low-back-pain; nice-ng59' },
      },
      {
        id: 'spinal-pain-at-risk',
        label: 'Constant or night back pain in a person who injects drugs or is immunosuppressed',
        urgency: 'emergency',
        when: all({ finding: 'back-pain-night-constant' }, anyFinding('rf-iv-drug-use', 'rf-immunosuppression')),
        citation: { reference: 'nice-cks-low-back-pain' },
      },
    ],
  },
  {
    id: 'suspected-spinal-malignancy',
    label: 'Suspected spinal malignancy',
    action: {
      urgent: 'Urgent: MRI of the whole spine within a week and referral to the acute oncology or spinal team.',
      emergency:
        'Emergency: suspected spinal cord or cauda equina compression. MRI of the whole spine within 24 hours and immediate contact with the acute oncology or spinal team.',
    },
    citation: { reference: 'nice-ng234; nice-cks-low-back-pain' },
    criteria: [
      {
        id: 'spinal-pain-with-cancer-deficit',
        label: 'Back pain with a history of cancer or unexplained weight loss, and a new neurological deficit',
        urgency: 'emergency',
        when: all(SPINAL_PAIN, CANCER_OR_WEIGHT_LOSS, NEW_DEFICIT),
        citation: { reference: 'nice-ng234' },
      },
      {
        id: 'spinal-pain-with-cancer',
        label: 'Back pain with a history of cancer (active or treated) or unexplained weight loss',
        urgency: 'urgent',
        when: all(SPINAL_PAIN, CANCER_OR_WEIGHT_LOSS),
        citation: { reference: 'nice-ng234; nice-cks-low-back-pain' },
      },
    ],
  },
  {
    id: 'suspected-popliteal-aneurysm',
    label: 'Suspected popliteal artery aneurysm',
    action: {
      urgent:
        'Urgent vascular referral and duplex ultrasound; do not aspirate the lump as a Baker’s cyst. With a suddenly cold, pale foot it is acute limb ischaemia: an emergency.',
    },
    citation: { reference: 'svs-paa-2022' },
    criteria: [
      {
        id: 'pulsatile-popliteal-mass',
        label: 'A pulsatile, expansile mass or a bounding pulse behind the knee',
        urgency: 'urgent',
        when: { finding: 'ex-pulsatile-popliteal-mass' },
        citation: { reference: 'svs-paa-2022' },
      },
      {
        id: 'popliteal-lump-with-aneurysm',
        label: 'A lump behind the knee in a person with a known aortic or popliteal aneurysm',
        urgency: 'urgent',
        when: all({ finding: 'rf-arterial-aneurysm' }, anyFinding('ex-popliteal-mass', 'swelling-behind-knee')),
        citation: { reference: 'svs-paa-2022' },
      },
    ],
  },
];
