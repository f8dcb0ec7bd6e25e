import type { MustNotMissDef } from '../types.ts';
import { anyFinding } from './conditionBuilders.ts';
import { DVT_IN_QUESTION } from './dvt.ts';

/**
 * Must-not-miss causes and the key signs that keep each visible: with one of them recorded, the
 * cause stays within the top three of the differential (or, when more must-not-miss causes are
 * kept than three, within the top places they take), with the reason, whatever its points say,
 * until the recorded findings exclude it. One entry per must-not-miss cause (checked by the tests).
 */


export const mustNotMiss: readonly MustNotMissDef[] = [
  {
    cause: 'dvt',
    keySigns: DVT_IN_QUESTION,
    reason: 'DVT is in question: keep it on the list until it is excluded (D-dimer or ultrasound, NICE NG158).',
    citation: { source: 'Common causes 3', reference: 'nice-ng158' },
  },
  {
    cause: 'pad',
    keySigns: anyFinding('exertional-relieved-by-rest', 'ex-diminished-pulses', 'cold-pale-foot'),
    reason: 'Claudication, weak foot pulses or a cold foot: arterial disease threatens the limb and signals heart and stroke risk.',
    citation: { source: 'Common causes 4', reference: 'nice-cg147' },
  },
  {
    cause: 'acute-limb-ischemia',
    keySigns: { anyOf: [{ finding: 'cold-pale-foot' }, { allOf: [{ finding: 'onset-sudden' }, { finding: 'ex-diminished-pulses' }] }] },
    excludedWhen: { absent: 'ex-diminished-pulses' },
    reason: 'A cold, pale foot, or sudden pain with weak pulses: acute limb ischaemia threatens the limb within hours.',
    citation: { reference: 'esvs-ali-2020' },
  },
  {
    cause: 'acute-compartment-syndrome',
    keySigns: anyFinding('pain-out-of-proportion', 'ex-pain-on-passive-stretch', 'ex-tense-compartment'),
    reason: 'Pain out of proportion, pain on passive stretch or a tense compartment: compartment syndrome needs fasciotomy within hours.',
    citation: { reference: 'boast-10-2014' },
  },
  {
    cause: 'popliteal-artery-aneurysm',
    keySigns: anyFinding('ex-pulsatile-popliteal-mass', 'ex-popliteal-mass', 'rf-arterial-aneurysm'),
    excludedWhen: { absent: 'ex-pulsatile-popliteal-mass' },
    reason: 'A lump behind the knee may be an aneurysm, not a Baker’s cyst: feel for pulsation before treating it as a cyst.',
    citation: { reference: 'svs-paa-2022' },
  },
  {
    cause: 'spinal-malignancy-or-infection',
    keySigns: {
      allOf: [
        anyFinding('loc-lower-back', 'radiates-from-back', 'back-pain-night-constant'),
        anyFinding('rf-history-of-cancer', 'rf-active-cancer', 'unexplained-weight-loss', 'fever', 'rf-iv-drug-use', 'rf-immunosuppression', 'back-pain-night-constant'),
      ],
    },
    reason: 'Back pain with a red flag for cancer or infection: serious spinal pathology must be excluded.',
    citation: { reference: 'nice-cks-low-back-pain; nice-ng234' },
  },
  {
    cause: 'popliteal-artery-entrapment',
    keySigns: anyFinding('ex-pulses-lost-on-plantarflexion'),
    reason: 'Pulses lost on plantar flexion: an entrapped popliteal artery can thrombose and threaten the limb.',
    citation: { reference: 'sinha-2012' },
  },
];
