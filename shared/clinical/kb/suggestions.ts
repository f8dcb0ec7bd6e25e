import type { Condition, ImagingRuleDef, InvestigationRuleDef } from '../types.ts';
import { DVT_SIGNS } from './redFlags.ts';

/**
 * When imaging and other tests are suggested, as data. Several rules may suggest the same
 * modality; the engine then lists it once, urgent if any rule says urgent, for all their causes,
 * with every rationale. `{findings}` in a rationale becomes the labels of the findings that met
 * the rule; `{wells}` the two-level Wells score.
 */

/** DVT is in question: a sign of a swollen or tender leg, or DVT among the three leading causes. */
export const DVT_IN_QUESTION: Condition = {
  anyOf: [...DVT_SIGNS.map((finding) => ({ finding })), { cause: 'dvt', minStrength: 'weak', maxRank: 3 }],
};

export const imagingRules: readonly ImagingRuleDef[] = [
  {
    id: 'doppler-suspected-dvt-likely',
    what: 'doppler-ultrasound',
    urgency: 'urgent',
    when: { allOf: [{ redFlag: 'suspected-dvt' }, { wells: 'likely' }] },
    for: ['dvt'],
    rationale:
      'DVT is suspected ({findings}; Wells {wells}): proximal leg vein ultrasound with the result within 4 hours. Doppler ultrasound detects blood-flow abnormalities such as DVT and is non-invasive and quick.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng158; acr-dvt-2018' },
  },
  {
    id: 'doppler-suspected-dvt-unlikely',
    what: 'doppler-ultrasound',
    urgency: 'urgent',
    when: { allOf: [{ redFlag: 'suspected-dvt' }, { wells: 'unlikely' }] },
    for: ['dvt'],
    rationale:
      'DVT is suspected ({findings}) with the Wells score {wells}: D-dimer first; if it is positive, proximal leg vein ultrasound with the result within 4 hours. Doppler ultrasound detects blood-flow abnormalities such as DVT.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-ng158; acr-dvt-2018' },
  },
  {
    id: 'doppler-limb-ischaemia',
    what: 'doppler-ultrasound',
    urgency: 'urgent',
    when: { redFlag: 'critical-limb-ischemia' },
    for: ['pad'],
    rationale: 'The limb may be threatened ({findings}): arterial Doppler (duplex) ultrasound with the urgent vascular assessment.',
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'nice-cg147; gvg-clti-2019' },
  },
  {
    id: 'doppler-pad',
    what: 'doppler-ultrasound',
    urgency: 'routine',
    when: { cause: 'pad', minStrength: 'moderate', maxRank: 3 },
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
    urgency: 'urgent',
    when: { redFlag: 'cauda-equina' },
    for: ['sciatica', 'lumbar-stenosis'],
    rationale: 'Possible cauda equina syndrome ({findings}): emergency MRI of the lumbar spine, the same day.',
    citation: { reference: 'girft-ces-2023; acr-low-back-pain-2021' },
  },
  {
    id: 'mri-neuro-deficit',
    what: 'mri',
    urgency: 'urgent',
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
];

export const investigationRules: readonly InvestigationRuleDef[] = [
  {
    id: 'd-dimer-wells-unlikely',
    what: 'd-dimer',
    when: { allOf: [DVT_IN_QUESTION, { wells: 'unlikely' }] },
    for: ['dvt'],
    rationale:
      'DVT is in question ({findings}) and the two-level Wells score is {wells}: D-dimer test; if positive, proximal leg vein ultrasound within 4 hours. DVT unlikely with a negative D-dimer rules DVT out.',
    citation: { reference: 'nice-ng158; wells-2003' },
  },
  {
    id: 'abpi-pad',
    what: 'ankle-brachial-index',
    when: { anyOf: [{ cause: 'pad', minStrength: 'weak', maxRank: 3 }, { finding: 'ex-diminished-pulses' }] },
    for: ['pad'],
    rationale: 'PAD is in question ({findings}): measure the ankle brachial pressure index.',
    citation: { reference: 'nice-cg147' },
  },
  {
    id: 'blood-tests-inflammation',
    what: 'blood-tests',
    when: { anyOf: [{ finding: 'warmth' }, { finding: 'redness' }] },
    for: [],
    rationale:
      'Signs of inflammation ({findings}): blood tests may be ordered to rule out infection or check inflammatory markers, depending on clinical suspicion.',
    citation: { source: 'Diagnostic approaches' },
  },
];
