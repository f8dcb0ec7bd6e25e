import type { ImagingRuleDef, InvestigationRuleDef } from '../types.ts';
import { DVT_IN_QUESTION } from './dvt.ts';

/**
 * When imaging and other tests are suggested, as data. Several rules may suggest the same
 * modality; the engine then lists it once, at the highest urgency of its rules, for all their
 * causes, with every rationale. A rule of urgency 'red-flag' takes the urgency of the red flag its
 * condition names, as raised, so imaging called for by an emergency is an emergency everywhere.
 * `{findings}` in a rationale becomes the labels of the findings that met the rule; `{wells}` the
 * two-level Wells score.
 */

export { DVT_IN_QUESTION };

export const imagingRules: readonly ImagingRuleDef[] = [
  {
    id: 'doppler-suspected-dvt-likely',
    what: 'doppler-ultrasound',
    urgency: 'red-flag',
    when: { allOf: [{ redFlag: 'suspected-dvt' }, { wells: 'likely' }] },
    for: ['dvt'],
    rationale:
      'DVT is suspected ({findings}; Wells {wells}): proximal leg vein ultrasound with the result within 4 hours. Doppler ultrasound detects blood-flow abnormalities such as DVT and is non-invasive and quick.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng158; acr-dvt-2018' },
  },
  {
    id: 'doppler-dvt-unlikely',
    what: 'doppler-ultrasound',
    urgency: 'urgent',
    when: { allOf: [DVT_IN_QUESTION, { wells: 'unlikely' }] },
    for: ['dvt'],
    rationale:
      'DVT is in question ({findings}) with the Wells score {wells}: D-dimer first; if it is positive, proximal leg vein ultrasound with the result within 4 hours. Doppler ultrasound detects blood-flow abnormalities such as DVT.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng158; acr-dvt-2018' },
  },
  {
    id: 'doppler-limb-ischaemia',
    what: 'doppler-ultrasound',
    urgency: 'red-flag',
    when: { redFlag: 'critical-limb-ischemia' },
    for: ['pad'],
    rationale: 'The limb may be threatened ({findings}): arterial Doppler (duplex) ultrasound with the urgent vascular assessment.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-cg147; gvg-clti-2019' },
  },
  {
    id: 'doppler-pad',
    what: 'doppler-ultrasound',
    urgency: 'routine',
    // Not with acute limb ischaemia: imaging must not delay the emergency referral (ESVS 2020).
    when: { allOf: [{ cause: 'pad', minStrength: 'moderate', maxRank: 3 }, { unlessRedFlag: 'suspected-acute-limb-ischemia' }] },
    for: ['pad'],
    rationale:
      'PAD is a leading cause ({findings}): Doppler ultrasound detects blood-flow abnormalities such as PAD. NICE CG147 offers duplex ultrasound as first-line imaging when revascularisation is being considered, once the ankle brachial pressure index supports PAD.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-cg147; acr-claudication-2022' },
  },
  {
    id: 'ultrasound-bakers-cyst',
    what: 'doppler-ultrasound',
    urgency: 'routine',
    when: { cause: 'bakers-cyst-rupture', minStrength: 'moderate', maxRank: 3 },
    for: ['bakers-cyst-rupture', 'dvt'],
    rationale:
      'A ruptured Baker’s cyst is a leading cause ({findings}) and mimics DVT: ultrasound is the imaging method of choice for a popliteal cyst, and the Doppler study shows whether there is also a clot.',
    citation: { source: 'Less common causes 1; Diagnostic approaches, imaging table', reference: 'handy-2001' },
  },
  {
    id: 'mri-cauda-equina',
    what: 'mri',
    urgency: 'red-flag',
    when: { redFlag: 'cauda-equina' },
    for: ['sciatica', 'lumbar-stenosis'],
    rationale: 'Possible cauda equina syndrome ({findings}): emergency MRI of the lumbar spine, the same day.',
    citation: { reference: 'girft-ces-2023; acr-low-back-pain-2021' },
  },
  {
    id: 'mri-neuro-deficit',
    what: 'mri',
    urgency: 'red-flag',
    when: { redFlag: 'progressive-neuro-deficit' },
    for: ['sciatica', 'lumbar-stenosis'],
    rationale:
      'A neurological deficit ({findings}): MRI shows the nerve compression in detail, as needed for the urgent specialist assessment and for surgery if the deficit progresses.',
    citation: { source: 'Diagnostic approaches, imaging table; Sciatica management', reference: 'nice-cks-sciatica' },
  },
  {
    id: 'mri-sciatica',
    what: 'mri',
    urgency: 'routine',
    when: { cause: 'sciatica', minStrength: 'moderate', maxRank: 3 },
    for: ['sciatica'],
    rationale:
      'Sciatica is a leading cause ({findings}): MRI gives detailed images of disc herniation and nerve compression. Without red flags, image when the result would change management, e.g. symptoms persisting after about 6 weeks of conservative care or before an injection or surgery.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng59; acr-low-back-pain-2021' },
  },
  {
    id: 'mri-stenosis',
    what: 'mri',
    urgency: 'routine',
    when: { cause: 'lumbar-stenosis', minStrength: 'moderate', maxRank: 3 },
    for: ['lumbar-stenosis'],
    rationale:
      'Lumbar spinal stenosis is a leading cause ({findings}): MRI is the most appropriate non-invasive test to confirm it and shows the nerve compression in detail.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nass-stenosis-2013' },
  },
  {
    id: 'x-ray-knee-arthritis',
    what: 'x-ray',
    urgency: 'routine',
    when: { allOf: [{ cause: 'bakers-cyst-rupture', minStrength: 'moderate', maxRank: 3 }, { finding: 'rf-knee-arthritis-or-meniscal-injury' }] },
    for: ['bakers-cyst-rupture'],
    rationale:
      'A Baker’s cyst with knee joint disease ({findings}): a knee X-ray assesses the arthritis behind the cyst. It shows bone, not the cyst or a clot (limited soft-tissue detail).',
    citation: { source: 'Diagnostic approaches, imaging table; Less common causes 1' },
  },
  {
    id: 'doppler-popliteal-aneurysm',
    what: 'doppler-ultrasound',
    urgency: 'red-flag',
    // With acute limb ischaemia the referral comes first: imaging must not delay it (ESVS 2020).
    when: { allOf: [{ redFlag: 'suspected-popliteal-aneurysm' }, { unlessRedFlag: 'suspected-acute-limb-ischemia' }] },
    for: ['popliteal-artery-aneurysm', 'bakers-cyst-rupture'],
    rationale:
      'A possible popliteal aneurysm ({findings}): duplex ultrasound with the urgent vascular referral; it tells an aneurysm from a Baker’s cyst. Do not aspirate the lump first.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'svs-paa-2022' },
  },
  {
    id: 'doppler-superficial-vein-thrombosis',
    what: 'doppler-ultrasound',
    urgency: 'routine',
    when: { cause: 'superficial-vein-thrombosis', minStrength: 'moderate', maxRank: 3 },
    for: ['superficial-vein-thrombosis', 'dvt'],
    rationale:
      'Superficial vein thrombosis is a leading cause ({findings}): ultrasound shows how far the clot extends and whether a deep vein is involved.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-cks-svt' },
  },
  {
    id: 'doppler-popliteal-entrapment',
    what: 'doppler-ultrasound',
    urgency: 'routine',
    when: { allOf: [{ cause: 'popliteal-artery-entrapment', minStrength: 'moderate', maxRank: 3 }, { unlessRedFlag: 'suspected-acute-limb-ischemia' }] },
    for: ['popliteal-artery-entrapment'],
    rationale:
      'Popliteal artery entrapment is a leading cause ({findings}): duplex ultrasound at rest and with forced plantar flexion and dorsiflexion shows the artery compressed by the muscle.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'sinha-2012' },
  },
  {
    id: 'mri-spinal-infection',
    what: 'mri',
    urgency: 'red-flag',
    when: { redFlag: 'suspected-spinal-infection' },
    for: ['spinal-malignancy-or-infection'],
    rationale: 'Possible spinal infection ({findings}): MRI of the spine the same day, with the specialist assessment.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-cks-low-back-pain; nice-ng59' },
  },
  {
    id: 'mri-spinal-malignancy',
    what: 'mri',
    urgency: 'red-flag',
    when: { redFlag: 'suspected-spinal-malignancy' },
    for: ['spinal-malignancy-or-infection'],
    rationale:
      'Possible spinal malignancy ({findings}): MRI of the whole spine, within 24 hours with a new neurological deficit (suspected spinal cord or cauda equina compression), otherwise within a week.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng234' },
  },
  {
    id: 'x-ray-fracture-after-injury',
    what: 'x-ray',
    urgency: 'urgent',
    when: { allOf: [{ cause: 'fracture', minStrength: 'moderate', maxRank: 3 }, { finding: 'after-trauma' }] },
    for: ['fracture'],
    rationale: 'A fracture is a leading cause after an injury ({findings}): an X-ray assesses bony structures for fractures.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'patel-2011' },
  },
  {
    id: 'x-ray-fracture',
    what: 'x-ray',
    urgency: 'routine',
    when: { cause: 'fracture', minStrength: 'moderate', maxRank: 3 },
    for: ['fracture'],
    rationale:
      'A fracture, possibly a stress fracture, is a leading cause ({findings}): X-ray first; an early stress fracture may not show, and MRI follows when it is normal and the suspicion remains.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'acr-stress-fracture-2024; patel-2011' },
  },
];

export const investigationRules: readonly InvestigationRuleDef[] = [
  {
    id: 'd-dimer-wells-unlikely',
    what: 'd-dimer',
    urgency: 'urgent',
    when: { allOf: [DVT_IN_QUESTION, { wells: 'unlikely' }] },
    for: ['dvt'],
    rationale:
      'DVT is in question ({findings}) and the two-level Wells score is {wells}: D-dimer test; if positive, proximal leg vein ultrasound within 4 hours. DVT unlikely with a negative D-dimer rules DVT out.',
    citation: { reference: 'nice-ng158; wells-2003' },
  },
  {
    id: 'abpi-pad',
    what: 'ankle-brachial-index',
    urgency: 'routine',
    when: {
      allOf: [
        { anyOf: [{ cause: 'pad', minStrength: 'weak', maxRank: 3 }, { finding: 'ex-diminished-pulses' }] },
        { unlessRedFlag: 'suspected-acute-limb-ischemia' },
      ],
    },
    for: ['pad'],
    rationale: 'PAD is in question ({findings}): measure the ankle brachial pressure index.',
    citation: { reference: 'nice-cg147' },
  },
  {
    id: 'blood-tests-inflammation',
    what: 'blood-tests',
    urgency: 'routine',
    when: { anyOf: [{ finding: 'warmth' }, { finding: 'redness' }] },
    for: [],
    rationale:
      'Signs of inflammation ({findings}): blood tests may be ordered to rule out infection or check inflammatory markers, depending on clinical suspicion.',
    citation: { source: 'Diagnostic approaches' },
  },
  {
    id: 'blood-tests-spinal-infection',
    what: 'blood-tests',
    urgency: 'red-flag',
    when: { redFlag: 'suspected-spinal-infection' },
    for: ['spinal-malignancy-or-infection'],
    rationale: 'Possible spinal infection ({findings}): blood tests for infection and inflammatory markers with the same-day assessment.',
    citation: { reference: 'nice-cks-low-back-pain' },
  },
];
