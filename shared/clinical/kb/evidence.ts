/**
 * Published diagnostic-accuracy figures behind rule weights, each quoted from a text that was opened
 * and read (the quote is verbatim; " … " joins two passages of the same abstract). A rule listed here
 * has basis 'published'; the weight itself stays on the knowledge base's point scale, chosen in the
 * light of the figure.
 *
 * A figure is listed only where the paper (or its official abstract) gives it for exactly the rule's
 * finding and cause. Near misses stay expert estimates, for example: Goodacre's "recent surgery" and
 * "recent immobilization" each cover only half of a finding that joins surgery and bed rest; "cool skin"
 * (Khan) is not "cold, pale or discoloured foot"; Suri's "no pain when seated" and "improvement when
 * bending forward" are each half of "relieved by sitting or leaning forward"; Goodacre's "difference in
 * calf diameter" states no 3 cm threshold.
 */
export interface PublishedFigure {
  /** Reference id (references.ts). */
  readonly reference: string;
  /** The figure, e.g. "sensitivity 0.96, specificity 0.93"; every number in it appears in the quote. */
  readonly figure: string;
  /** The sentence it was read in, verbatim. */
  readonly quote: string;
}

const GOODACRE =
  'Only malignancy (likelihood ratio [LR], 2.71), previous DVT (LR, 2.25), recent immobilization (LR, 1.98), difference in calf diameter (LR, 1.80), and recent surgery (LR, 1.76) were useful for ruling in DVT, while only absence of calf swelling (LR, 0.67) or difference in calf diameter (LR, 0.57) was useful for ruling out DVT.';
const KHAN_ASYMPTOMATIC =
  'For asymptomatic patients, the most useful clinical findings to diagnose PAD are the presence of claudication (likelihood ratio [LR], 3.30; 95% confidence interval [CI], 2.30-4.80), femoral bruit (LR, 4.80; 95% CI, 2.40-9.50), or any pulse abnormality (LR, 3.10; 95% CI, 1.40-6.60).';
const KHAN_SYMPTOMATIC =
  'When considering patients who are symptomatic with leg complaints, the most useful clinical findings are the presence of cool skin (LR, 5.90; 95% CI, 4.10-8.60), the presence of at least 1 bruit (LR, 5.60; 95% CI, 4.70-6.70), or any palpable pulse abnormality (LR, 4.70; 95% CI, 2.20-9.90).';
const SURI_PRESENT =
  'The most useful symptoms for increasing the likelihood of the clinical syndrome of LSS were having no pain when seated (LR, 7.4; 95% CI, 1.9–30), improvement of symptoms when bending forward (LR, 6.4; 95% CI, 4.1–9.9), the presence of bilateral buttock or leg pain (LR, 6.3; 95% CI, 3.1–13), and neurogenic claudication (LR, 3.7; 95% CI, 2.9–4.8).';
const SURI_ABSENT = 'Absence of neurogenic claudication (LR, 0.23; 95% CI, 0.17–0.31) decreased the likelihood of the diagnosis.';
const DEVILLE =
  'All studies were surgical case-series at nonprimary care level. … Pooled sensitivity for straight leg raising test was 0.91 (95% CI 0.82–0.94), pooled specificity 0.26 (95% CI 0.16–0.38).';
const MAFFULLI_SQUEEZE =
  'Both the calf squeeze and Matles tests were significantly more sensitive than the other tests (0.96 and 0.88, respectively; 0.022 < P < 0.05). … In the 28 patients with no evidence of a subcutaneous Achilles tendon tear on imaging, the tests showed a high capability to detect that the Achilles tendon was intact (gap palpation specificity, 0.89; calf squeeze test specificity, 0.93; Matles test specificity, 0.85).';
const MAFFULLI_GAP =
  'Palpation of the gap was the least sensitive clinical test with the patient awake (0.73), increasing to 0.81 when the test was performed under anesthesia … In the 28 patients with no evidence of a subcutaneous Achilles tendon tear on imaging, the tests showed a high capability to detect that the Achilles tendon was intact (gap palpation specificity, 0.89; calf squeeze test specificity, 0.93; Matles test specificity, 0.85).';
const HENSCHKE =
  'A previous history of cancer (LR+ = 23.7), elevated ESR (LR+ = 18.0), reduced hematocrit (LR+ = 18.2), and overall clinician judgement (LR+ = 12.1) increased the probability of malignancy when present.';

export const publishedBasis: ReadonlyMap<string, PublishedFigure> = new Map<string, PublishedFigure>([
  // DVT: Goodacre 2005, meta-analysis of clinical features against ultrasonography or venography.
  ['dvt:rf-active-cancer', { reference: 'goodacre-2005', figure: 'malignancy: likelihood ratio 2.71 for DVT', quote: GOODACRE }],
  ['dvt:rf-previous-dvt', { reference: 'goodacre-2005', figure: 'previous DVT: likelihood ratio 2.25 for DVT', quote: GOODACRE }],
  ['dvt:no-calf-swelling', { reference: 'goodacre-2005', figure: 'absence of calf swelling: likelihood ratio 0.67 for DVT', quote: GOODACRE }],

  // PAD: Khan 2006 (JAMA Rational Clinical Examination).
  [
    'pad:exertional-relieved-by-rest',
    { reference: 'jama-rce-pad-2006', figure: 'claudication: likelihood ratio 3.30 (95% CI 2.30-4.80) for PAD, in asymptomatic patients', quote: KHAN_ASYMPTOMATIC },
  ],
  [
    'pad:ex-diminished-pulses',
    {
      reference: 'jama-rce-pad-2006',
      figure: 'any palpable pulse abnormality: likelihood ratio 4.70 (95% CI 2.20-9.90) for PAD, in patients with leg complaints',
      quote: KHAN_SYMPTOMATIC,
    },
  ],

  // Lumbar spinal stenosis: Suri 2010 (JAMA Rational Clinical Examination), older adults with leg pain.
  [
    'lumbar-stenosis:standing-walking-slow-relief',
    { reference: 'jama-rce-lss-2010', figure: 'neurogenic claudication: likelihood ratio 3.7 (95% CI 2.9-4.8)', quote: SURI_PRESENT },
  ],
  [
    'lumbar-stenosis:no-standing-walking-slow-relief',
    { reference: 'jama-rce-lss-2010', figure: 'absence of neurogenic claudication: likelihood ratio 0.23 (95% CI 0.17-0.31)', quote: SURI_ABSENT },
  ],

  // Sciatica from a herniated disc: Devillé 2000, surgical case series (a sensitive, unspecific test).
  [
    'sciatica:ex-slr-positive',
    { reference: 'deville-2000', figure: 'straight leg raise for a herniated disc: pooled sensitivity 0.91, specificity 0.26 (surgical case series)', quote: DEVILLE },
  ],
  [
    'sciatica:no-ex-slr-positive',
    { reference: 'deville-2000', figure: 'straight leg raise for a herniated disc: pooled sensitivity 0.91, specificity 0.26 (surgical case series)', quote: DEVILLE },
  ],

  // Achilles tendon rupture: Maffulli 1998 (specificities from 28 patients without a tear).
  [
    'achilles-rupture:ex-thompson-positive',
    { reference: 'maffulli-1998', figure: 'calf squeeze test: sensitivity 0.96, specificity 0.93 (28 patients without a tear)', quote: MAFFULLI_SQUEEZE },
  ],
  [
    'achilles-rupture:no-ex-thompson-positive',
    { reference: 'maffulli-1998', figure: 'calf squeeze test: sensitivity 0.96, specificity 0.93 (28 patients without a tear)', quote: MAFFULLI_SQUEEZE },
  ],
  [
    'achilles-rupture:ex-achilles-gap',
    { reference: 'maffulli-1998', figure: 'palpable gap: sensitivity 0.73 awake, specificity 0.89 (28 patients without a tear)', quote: MAFFULLI_GAP },
  ],

  // Spinal malignancy in low back pain: Henschke 2007 systematic review.
  [
    'spinal-malignancy-or-infection:rf-history-of-cancer',
    { reference: 'henschke-2007', figure: 'previous history of cancer: positive likelihood ratio 23.7 for spinal malignancy', quote: HENSCHKE },
  ],
]);
