import type { CauseDef } from '../types.ts';

/**
 * The causes of vocabulary v1, in the source's order (common causes, then less common ones), which
 * is also the last tie-break of the differential. Texts restate the source section they cite;
 * ICD-10 codes and titles are those of the WHO ICD-10, 2019 edition (not ICD-10-CM).
 *
 * mustNotMiss marks a cause that threatens life or limb when missed:
 * - dvt: clots "can break loose and travel to lungs causing pulmonary embolism"; "Immediate medical
 *   evaluation is critical if DVT is suspected" (Common causes 3).
 * - pad: "increases risks for heart attack and stroke; hence early diagnosis matters greatly"
 *   (Common causes 4), and critical limb ischaemia threatens the limb (Global Vascular Guidelines 2019).
 * The emergencies of the other causes (cauda equina syndrome, a progressing neurological deficit)
 * are red flags of their own, raised whatever the cause ranks; a ruptured Baker's cyst matters
 * because it mimics DVT, which DVT's own flag covers.
 */
const icd10Citation = { reference: 'who-icd10-2019' } as const;

export const causes: readonly CauseDef[] = [
  {
    id: 'sciatica',
    label: 'Sciatica (sciatic nerve compression: herniated disc, stenosis, bone spur)',
    shortLabel: 'Sciatica',
    mustNotMiss: false,
    citation: { source: 'Common causes 1' },
    icd10: [
      { code: 'M54.3', title: 'Sciatica' },
      { code: 'M54.4', title: 'Lumbago with sciatica' },
      { code: 'M51.1', title: 'Lumbar and other intervertebral disc disorders with radiculopathy' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Pain radiating from the lower back through the buttock into one or both legs, sometimes with numbness or tingling.', citation: { source: 'Common causes 1' } },
      { text: 'Hallmark: sharp or burning pain that worsens with sitting or bending forward.', citation: { source: 'Common causes 1' } },
      { text: 'Can severely limit mobility if left untreated.', citation: { source: 'Common causes 1' } },
    ],
    riskFactors: [
      { text: 'Herniated discs, spinal stenosis (narrowing of the spinal canal) or bone spurs pressing on nerve roots.', citation: { source: 'Common causes 1' } },
    ],
    typicalPatient: [{ text: 'One of the most frequent causes of pain felt at the back of the leg.', citation: { source: 'Common causes 1' } }],
    signals: [
      { text: 'Neurological deficits that progress rapidly, such as weakness with foot drop, may need surgery.', citation: { source: 'Sciatica management' } },
    ],
    treatments: [
      { kind: 'physical-therapy', text: 'Conservative care first: physical therapy stretching the lower back and hips and strengthening the core muscles.', citation: { source: 'Sciatica management' } },
      { kind: 'medication', text: 'Pain relief including NSAIDs to reduce inflammation for a while.', citation: { source: 'Sciatica management' } },
      { kind: 'self-care', text: 'Avoid prolonged bed rest, which worsens stiffness.', citation: { source: 'Sciatica management' } },
      { kind: 'procedure', text: 'Severe cases: corticosteroid injections near the affected nerves.', citation: { source: 'Sciatica management' } },
      { kind: 'surgery', text: 'Laminectomy or discectomy relieves nerve root compression when symptoms are severe and persist despite other treatment, or when deficits progress rapidly.', citation: { source: 'Surgical interventions; Sciatica management' } },
    ],
  },
  {
    id: 'muscle-strain',
    label: 'Hamstring or calf muscle strain / overuse',
    shortLabel: 'Muscle strain',
    mustNotMiss: false,
    citation: { source: 'Common causes 2' },
    icd10: [
      { code: 'S76.3', title: 'Injury of muscle and tendon of the posterior muscle group at thigh level' },
      { code: 'S86.1', title: 'Injury of other muscle(s) and tendon(s) of posterior muscle group at lower leg level' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Localised tenderness, swelling, stiffness and difficulty walking without discomfort.', citation: { source: 'Common causes 2' } },
      { text: 'Overstretching or sudden intense activity causes tiny tears in the muscle fibres, with inflammation and pain.', citation: { source: 'Common causes 2' } },
    ],
    riskFactors: [
      { text: 'Sprinting, jumping or rapid changes of direction.', citation: { source: 'Common causes 2' } },
      { text: 'Even climbing stairs can strain muscles that are not properly warmed up.', citation: { source: 'Common causes 2' } },
    ],
    typicalPatient: [
      { text: 'Athletes frequently experience this.', citation: { source: 'Common causes 2' } },
      { text: 'Athletes are prone to repetitive strain injuries of the hamstrings and calves.', citation: { source: 'Muscle strain treatment' } },
    ],
    signals: [],
    treatments: [
      { kind: 'self-care', text: 'R.I.C.E.: rest to avoid aggravation, ice to reduce swelling, compression to limit oedema, elevation to aid venous return.', citation: { source: 'Muscle strain treatment' } },
      { kind: 'physical-therapy', text: 'Gradual return to activity with guided strengthening to prevent re-injury, and gradual stretching.', citation: { source: 'Muscle strain treatment; Common causes 2' } },
      { kind: 'lifestyle', text: 'Strengthening the hamstrings and calves keeps muscular balance and reduces overload.', citation: { source: 'Lifestyle' } },
    ],
  },
  {
    id: 'dvt',
    label: 'Deep vein thrombosis',
    shortLabel: 'DVT',
    mustNotMiss: true,
    citation: { source: 'Common causes 3' },
    icd10: [{ code: 'I80.2', title: 'Phlebitis and thrombophlebitis of other deep vessels of lower extremities' }],
    icd10Citation,
    presentation: [
      { text: 'A blood clot in the deep veins of the leg, most commonly behind the calf.', citation: { source: 'Common causes 3' } },
      { text: 'Cramping or soreness behind one leg with swelling, warmth and redness over the affected area.', citation: { source: 'Common causes 3' } },
    ],
    riskFactors: [
      { text: 'Prolonged immobility (long flights), recovery from surgery, obesity, smoking and certain medications.', citation: { source: 'Common causes 3' } },
      { text: 'Active cancer, paralysis or a recent plaster cast of the leg, and a previously documented DVT.', citation: { reference: 'wells-2003' } },
    ],
    typicalPatient: [{ text: 'A traveller after a long flight, or a patient recovering from surgery.', citation: { source: 'Common causes 3; Lifestyle' } }],
    signals: [
      { text: 'Clots can break loose and travel to the lungs: pulmonary embolism. Immediate medical evaluation is critical if DVT is suspected.', citation: { source: 'Common causes 3' } },
    ],
    treatments: [
      { kind: 'medication', text: 'Anticoagulant medication is the mainstay, preventing clot extension; monitored for bleeding.', citation: { source: 'DVT treatment' } },
      { kind: 'procedure', text: 'Hospital care for unstable patients or extensive proximal clots; thrombolysis or thrombectomy in select cases at specialised centres.', citation: { source: 'DVT treatment' } },
      { kind: 'lifestyle', text: 'Avoid prolonged sitting or standing; change position to prevent venous pooling, especially when travelling.', citation: { source: 'Lifestyle' } },
    ],
  },
  {
    id: 'pad',
    label: 'Peripheral artery disease (vascular claudication)',
    shortLabel: 'PAD',
    mustNotMiss: true,
    citation: { source: 'Common causes 4' },
    icd10: [
      { code: 'I70.2', title: 'Atherosclerosis of arteries of extremities' },
      { code: 'I73.9', title: 'Peripheral vascular disease, unspecified' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Cramping or aching during physical activity (claudication), usually in the calf, sometimes extending up the back of the leg.', citation: { source: 'Common causes 4' } },
      { text: 'Eases with rest but recurs on exertion; improves quickly with rest, unlike neurogenic claudication.', citation: { source: 'Common causes 4; Less common causes 2' } },
    ],
    riskFactors: [
      { text: 'Atherosclerosis (plaque build-up) narrowing the leg arteries.', citation: { source: 'Common causes 4' } },
      { text: 'Smoking, diabetes and atherosclerotic disease elsewhere (heart attack, stroke).', citation: { reference: 'aha-acc-pad-2016' } },
    ],
    typicalPatient: [{ text: 'A smoker or a patient with diabetes or known atherosclerotic disease.', citation: { reference: 'aha-acc-pad-2016' } }],
    signals: [
      { text: 'PAD increases the risk of heart attack and stroke; early diagnosis matters greatly.', citation: { source: 'Common causes 4' } },
      { text: 'Rest pain or a cold, pale foot means the limb is threatened (critical limb ischaemia).', citation: { reference: 'gvg-clti-2019; esvs-ali-2020' } },
    ],
    treatments: [
      { kind: 'lifestyle', text: 'Smoking cessation and supervised exercise programmes improve circulation and reduce claudication.', citation: { source: 'PAD treatment' } },
      { kind: 'medication', text: 'Cilostazol can improve walking distance.', citation: { source: 'PAD treatment' } },
      { kind: 'procedure', text: 'Revascularisation by angioplasty or stenting when anatomical severity warrants it.', citation: { source: 'PAD treatment; Surgical interventions' } },
      { kind: 'surgery', text: 'Bypass grafting, decided at vascular consultation.', citation: { source: 'PAD treatment' } },
    ],
  },
  {
    id: 'tarsal-tunnel',
    label: 'Tarsal tunnel syndrome (nerve entrapment near the ankle)',
    shortLabel: 'Tarsal tunnel',
    mustNotMiss: false,
    citation: { source: 'Common causes 5' },
    icd10: [{ code: 'G57.5', title: 'Tarsal tunnel syndrome' }],
    icd10Citation,
    presentation: [
      { text: 'Nerve compression near the ankle affecting sensation in the foot.', citation: { source: 'Common causes 5' } },
      { text: 'Burning or shooting pain along a specific nerve path rather than generalised muscle soreness.', citation: { source: 'Common causes 5' } },
      { text: 'Percussion over the tibial nerve behind the inner ankle (Tinel sign) reproduces the symptoms.', citation: { reference: 'statpearls-tarsal-tunnel' } },
    ],
    riskFactors: [],
    typicalPatient: [],
    signals: [],
    treatments: [
      { kind: 'physical-therapy', text: 'Therapeutic exercise correcting biomechanical faults of posture and gait (general advice of the source for pain at the back of the legs).', citation: { source: 'Physical therapy' } },
    ],
  },
  {
    id: 'popliteal-entrapment',
    label: 'Popliteal nerve entrapment (behind the knee)',
    shortLabel: 'Popliteal nerve entrapment',
    mustNotMiss: false,
    citation: { source: 'Common causes 5' },
    icd10: [
      { code: 'G57.3', title: 'Lesion of lateral popliteal nerve' },
      { code: 'G57.4', title: 'Lesion of medial popliteal nerve' },
    ],
    icd10Citation,
    presentation: [
      { text: 'A rare condition in which nerves behind the knee are compressed.', citation: { source: 'Common causes 5' } },
      { text: 'Burning or shooting pain along a specific nerve path rather than generalised muscle soreness.', citation: { source: 'Common causes 5' } },
    ],
    riskFactors: [],
    typicalPatient: [],
    signals: [],
    treatments: [
      { kind: 'physical-therapy', text: 'An individual programme restoring flexibility and strength (general advice of the source for pain at the back of the legs).', citation: { source: 'Physical therapy' } },
    ],
  },
  {
    id: 'bakers-cyst-rupture',
    label: "Ruptured Baker's (popliteal) cyst",
    shortLabel: "Ruptured Baker's cyst",
    mustNotMiss: false,
    citation: { source: 'Less common causes 1' },
    icd10: [
      { code: 'M66.0', title: 'Rupture of popliteal cyst' },
      { code: 'M71.2', title: 'Synovial cyst of popliteal space [Baker]' },
    ],
    icd10Citation,
    presentation: [
      { text: 'A fluid-filled swelling behind the knee that, when it ruptures suddenly, leaks fluid into the calf with sharp pain resembling DVT but without a clot.', citation: { source: 'Less common causes 1' } },
      { text: 'Swelling and bruising may appear down toward the calf after rupture; clinical examination is essential to tell it from DVT.', citation: { source: 'Less common causes 1' } },
      { text: 'A crescent of bruising below the ankle bone points to rupture.', citation: { reference: 'kraag-1976' } },
    ],
    riskFactors: [{ text: 'Joint inflammation such as arthritis, or a meniscal injury.', citation: { source: 'Less common causes 1' } }],
    typicalPatient: [{ text: 'A patient with knee arthritis or a meniscal injury.', citation: { source: 'Less common causes 1' } }],
    signals: [{ text: 'Mimics deep vein thrombosis, which must be excluded.', citation: { source: 'Less common causes 1', reference: 'handy-2001' } }],
    treatments: [
      { kind: 'surgery', text: 'Recurrent cysts that cause significant discomfort or impair mobility: excision, with treatment of the problem inside the joint.', citation: { source: 'Surgical interventions' } },
    ],
  },
  {
    id: 'lumbar-stenosis',
    label: 'Lumbar spinal stenosis (neurogenic claudication)',
    shortLabel: 'Lumbar stenosis',
    mustNotMiss: false,
    citation: { source: 'Less common causes 2' },
    icd10: [{ code: 'M48.0', title: 'Spinal stenosis' }],
    icd10Citation,
    presentation: [
      { text: 'Leg pain on standing or walking long distances (neurogenic claudication) from narrowed spinal canals compressing the nerves of the lower spine.', citation: { source: 'Less common causes 2' } },
      { text: 'Unlike vascular claudication, the discomfort may linger after stopping.', citation: { source: 'Less common causes 2' } },
      { text: 'Symptoms are relieved by sitting or bending forward.', citation: { reference: 'nass-stenosis-2013' } },
    ],
    riskFactors: [{ text: 'Spinal stenosis is one cause of sciatic nerve compression.', citation: { source: 'Common causes 1' } }],
    typicalPatient: [{ text: 'An older patient.', citation: { reference: 'nass-stenosis-2013' } }],
    signals: [],
    treatments: [
      { kind: 'physical-therapy', text: 'Physical therapy restoring flexibility and strength and correcting posture and gait.', citation: { source: 'Physical therapy' } },
      { kind: 'surgery', text: 'Persistent severe cases that do not respond to other treatment: laminectomy relieves nerve root compression (the source names it for sciatica, which spinal stenosis can cause).', citation: { source: 'Surgical interventions; Common causes 1' } },
    ],
  },
  {
    id: 'tendonitis',
    label: 'Tendonitis behind knee/calf (Achilles tendon)',
    shortLabel: 'Tendonitis',
    mustNotMiss: false,
    citation: { source: 'Less common causes 3' },
    icd10: [{ code: 'M76.6', title: 'Achilles tendinitis' }],
    icd10Citation,
    presentation: [
      { text: 'Aching pain behind the lower leg, aggravated by movement, especially running or jumping, that stress the tendon repeatedly over time.', citation: { source: 'Less common causes 3' } },
      { text: 'Achilles tendinopathy: pain and stiffness of the tendon, tender on examination.', citation: { reference: 'nice-cks-achilles' } },
    ],
    riskFactors: [{ text: 'Running or jumping activities that stress the tendon repeatedly.', citation: { source: 'Less common causes 3' } }],
    typicalPatient: [{ text: 'A runner or jumper.', citation: { source: 'Less common causes 3' } }],
    signals: [{ text: 'Tendon damage may progress and need more advanced therapy.', citation: { source: 'Less common causes 3' } }],
    treatments: [
      { kind: 'self-care', text: 'Rest with anti-inflammatory measures usually resolves symptoms.', citation: { source: 'Less common causes 3' } },
      { kind: 'physical-therapy', text: 'Physical rehabilitation if tendon damage progresses.', citation: { source: 'Less common causes 3' } },
    ],
  },
];
