import type { CauseDef } from '../types.ts';

/**
 * The causes of vocabulary v2: v1's in the source's order (common causes, then less common ones), which
 * is also the last tie-break of the differential. Texts restate the source section they cite;
 * ICD-10 codes and titles are those of the WHO ICD-10, 2019 edition (not ICD-10-CM).
 *
 * mustNotMiss marks a cause that threatens life or limb when missed:
 * - dvt: clots "can break loose and travel to lungs causing pulmonary embolism"; "Immediate medical
 *   evaluation is critical if DVT is suspected" (Common causes 3).
 * - pad: "increases risks for heart attack and stroke; hence early diagnosis matters greatly"
 *   (Common causes 4), and critical limb ischaemia threatens the limb (Global Vascular Guidelines 2019).
 * - v2's acute limb ischaemia, acute compartment syndrome, popliteal artery aneurysm, serious spinal
 *   pathology and popliteal artery entrapment: as the vocabulary marks them (threat to life or limb).
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
  // Vocabulary v2: the dangerous mimics and other causes a clinician expects for pain at the back of
  // the leg. The source is silent on them; each cites the reference the vocabulary names.
  {
    id: 'acute-limb-ischemia',
    label: 'Acute limb ischaemia (sudden arterial occlusion: embolism or thrombosis)',
    shortLabel: 'Acute limb ischaemia',
    mustNotMiss: true,
    citation: { reference: 'esvs-ali-2020' },
    icd10: [{ code: 'I74.3', title: 'Embolism and thrombosis of arteries of lower extremities' }],
    icd10Citation,
    presentation: [
      { text: 'A leg or foot that has suddenly become painful, cold, pale or pulseless, with or without numbness or weakness.', citation: { reference: 'esvs-ali-2020' } },
    ],
    riskFactors: [
      { text: 'A source of embolism (atrial fibrillation, recent heart attack, valve disease), known peripheral artery disease or a popliteal aneurysm.', citation: { reference: 'esvs-ali-2020; svs-paa-2022' } },
    ],
    typicalPatient: [{ text: 'An older patient with atrial fibrillation or arterial disease.', citation: { reference: 'esvs-ali-2020' } }],
    signals: [{ text: 'Threatens the limb within hours; a neurological deficit in the foot means the limb is immediately threatened.', citation: { reference: 'esvs-ali-2020' } }],
    treatments: [
      { kind: 'procedure', text: 'Immediate referral to the vascular team; imaging must not delay it.', citation: { reference: 'esvs-ali-2020' } },
    ],
  },
  {
    id: 'acute-compartment-syndrome',
    label: 'Acute compartment syndrome of the leg',
    shortLabel: 'Acute compartment syndrome',
    mustNotMiss: true,
    citation: { reference: 'boast-10-2014' },
    icd10: [
      { code: 'T79.6', title: 'Traumatic ischaemia of muscle' },
      { code: 'M62.2', title: 'Ischaemic infarction of muscle' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Pain out of proportion to the injury and pain on passive stretch of the compartment’s muscles, often with a tense compartment; foot pulses are usually still present.', citation: { reference: 'boast-10-2014; donaldson-2014' } },
    ],
    riskFactors: [{ text: 'A fracture, crush or direct blow, a tight cast or dressing, or limb revascularisation.', citation: { reference: 'boast-10-2014' } }],
    typicalPatient: [{ text: 'A patient after a tibial fracture or crush injury.', citation: { reference: 'boast-10-2014' } }],
    signals: [{ text: 'Muscle and nerve die within hours without fasciotomy.', citation: { reference: 'boast-10-2014' } }],
    treatments: [
      { kind: 'procedure', text: 'Release dressings and casts down to skin; immediate orthopaedic review for fasciotomy.', citation: { reference: 'boast-10-2014' } },
    ],
  },
  {
    id: 'achilles-rupture',
    label: 'Achilles tendon rupture',
    shortLabel: 'Achilles rupture',
    mustNotMiss: false,
    citation: { reference: 'aaos-achilles-2010; maffulli-1998' },
    icd10: [{ code: 'S86.0', title: 'Injury of Achilles tendon' }],
    icd10Citation,
    presentation: [
      { text: 'A snap, or a feeling of being kicked, at the back of the heel, then weak push-off; a palpable gap and a positive calf squeeze test.', citation: { reference: 'aaos-achilles-2010; maffulli-1998' } },
    ],
    riskFactors: [{ text: 'Sudden push-off in sport.', citation: { reference: 'maffulli-1998' } }],
    typicalPatient: [{ text: 'A middle-aged recreational athlete.', citation: { reference: 'maffulli-1998' } }],
    signals: [{ text: 'Missed at first presentation in a notable share of patients, which worsens the outcome.', citation: { reference: 'maffulli-1998' } }],
    treatments: [
      { kind: 'procedure', text: 'Prompt referral to orthopaedics (fracture clinic) for operative or functional non-operative treatment.', citation: { reference: 'aaos-achilles-2010' } },
    ],
  },
  {
    id: 'popliteal-artery-aneurysm',
    label: 'Popliteal artery aneurysm',
    shortLabel: 'Popliteal aneurysm',
    mustNotMiss: true,
    citation: { reference: 'svs-paa-2022; esvs-ali-2020' },
    icd10: [{ code: 'I72.4', title: 'Aneurysm and dissection of artery of lower extremity' }],
    icd10Citation,
    presentation: [{ text: 'A pulsatile, expansile mass or a bounding pulse behind the knee; can be mistaken for a Baker’s cyst.', citation: { reference: 'svs-paa-2022' } }],
    riskFactors: [{ text: 'An aneurysm elsewhere (the other popliteal artery, the aorta).', citation: { reference: 'svs-paa-2022' } }],
    typicalPatient: [{ text: 'An older man.', citation: { reference: 'svs-paa-2022' } }],
    signals: [{ text: 'Thrombosis or embolism from the aneurysm causes acute limb ischaemia.', citation: { reference: 'svs-paa-2022; esvs-ali-2020' } }],
    treatments: [
      { kind: 'procedure', text: 'Urgent vascular referral and duplex ultrasound; do not aspirate it as a Baker’s cyst.', citation: { reference: 'svs-paa-2022' } },
    ],
  },
  {
    id: 'cellulitis',
    label: 'Cellulitis of the leg',
    shortLabel: 'Cellulitis',
    mustNotMiss: false,
    citation: { reference: 'nice-ng141; nice-cks-cellulitis' },
    icd10: [{ code: 'L03.1', title: 'Cellulitis of other parts of limb' }],
    icd10Citation,
    presentation: [{ text: 'An acute spreading area of red, hot, swollen, tender skin, usually of one leg, sometimes with fever.', citation: { reference: 'nice-ng141; nice-cks-cellulitis' } }],
    riskFactors: [{ text: 'A break in the skin: wound, ulcer, athlete’s foot.', citation: { reference: 'nice-ng141' } }],
    typicalPatient: [{ text: 'An adult with a skin break on the leg or foot.', citation: { reference: 'nice-cks-cellulitis' } }],
    signals: [{ text: 'DVT is among the conditions to exclude in a red, swollen leg.', citation: { reference: 'nice-cks-cellulitis' } }],
    treatments: [{ kind: 'medication', text: 'Antibiotics as NICE NG141 sets out.', citation: { reference: 'nice-ng141' } }],
  },
  {
    id: 'superficial-vein-thrombosis',
    label: 'Superficial vein thrombosis (superficial thrombophlebitis)',
    shortLabel: 'Superficial vein thrombosis',
    mustNotMiss: false,
    citation: { reference: 'nice-cks-svt' },
    icd10: [{ code: 'I80.0', title: 'Phlebitis and thrombophlebitis of superficial vessels of lower extremities' }],
    icd10Citation,
    presentation: [{ text: 'A tender, warm, red, hard cord along a superficial vein.', citation: { reference: 'nice-cks-svt' } }],
    riskFactors: [{ text: 'Varicose veins.', citation: { reference: 'nice-cks-svt' } }],
    typicalPatient: [{ text: 'An adult with varicose veins.', citation: { reference: 'nice-cks-svt' } }],
    signals: [{ text: 'Can coexist with or extend into a deep vein thrombosis.', citation: { reference: 'nice-cks-svt' } }],
    treatments: [
      { kind: 'procedure', text: 'Doppler ultrasound when DVT is suspected or the thrombosis is near the saphenofemoral or saphenopopliteal junction.', citation: { reference: 'nice-cks-svt' } },
    ],
  },
  {
    id: 'spinal-malignancy-or-infection',
    label: 'Serious spinal pathology: malignancy or infection (metastasis, discitis, epidural abscess)',
    shortLabel: 'Spinal malignancy/infection',
    mustNotMiss: true,
    citation: { reference: 'nice-ng59; nice-cks-low-back-pain; nice-ng234' },
    icd10: [
      { code: 'C79.5', title: 'Secondary malignant neoplasm of bone and bone marrow' },
      { code: 'M46.4', title: 'Discitis, unspecified' },
      { code: 'G06.1', title: 'Intraspinal abscess and granuloma' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Back pain or sciatica with a history of cancer, unexplained weight loss, fever or systemic illness; constant or night pain not eased by rest.', citation: { reference: 'nice-cks-low-back-pain; nice-ng234' } },
    ],
    riskFactors: [{ text: 'Cancer (active or treated); injecting drug use; immunosuppression.', citation: { reference: 'nice-cks-low-back-pain' } }],
    typicalPatient: [{ text: 'A patient with a cancer history, or who injects drugs or is immunosuppressed.', citation: { reference: 'nice-cks-low-back-pain' } }],
    signals: [{ text: 'Spinal cord or cauda equina compression when a neurological deficit appears.', citation: { reference: 'nice-ng234' } }],
    treatments: [
      { kind: 'procedure', text: 'MRI and specialist assessment: within a week for suspected metastases, within 24 hours with a neurological deficit, the same day for suspected infection.', citation: { reference: 'nice-ng234; nice-cks-low-back-pain' } },
    ],
  },
  {
    id: 'fracture',
    label: 'Fracture of the leg, including stress fracture',
    shortLabel: 'Fracture',
    mustNotMiss: false,
    citation: { source: 'Diagnostic approaches, imaging table', reference: 'acr-stress-fracture-2024; patel-2011' },
    icd10: [
      { code: 'S82.2', title: 'Fracture of shaft of tibia' },
      { code: 'S82.4', title: 'Fracture of fibula alone' },
      { code: 'M84.3', title: 'Stress fracture, not elsewhere classified' },
    ],
    icd10Citation,
    presentation: [
      { text: 'Pain after a fall, blow or twisting injury, or activity-related pain after a rise in training, with focal bone tenderness.', citation: { reference: 'patel-2011' } },
      { text: 'X-rays assess bony structures for fractures.', citation: { source: 'Diagnostic approaches, imaging table' } },
    ],
    riskFactors: [{ text: 'Trauma; a recent increase in running or training load.', citation: { reference: 'patel-2011' } }],
    typicalPatient: [{ text: 'A runner or military recruit (stress fracture); anyone after trauma.', citation: { reference: 'patel-2011' } }],
    signals: [{ text: 'A fracture can be complicated by compartment syndrome.', citation: { reference: 'boast-10-2014' } }],
    treatments: [{ kind: 'self-care', text: 'Relative rest from the activity that caused it (stress fracture); fracture care as the fracture requires.', citation: { reference: 'patel-2011' } }],
  },
  {
    id: 'popliteal-artery-entrapment',
    label: 'Popliteal artery entrapment syndrome (young athlete, exertional calf claudication)',
    shortLabel: 'Popliteal artery entrapment',
    mustNotMiss: true,
    citation: { reference: 'sinha-2012' },
    icd10: [{ code: 'I77.1', title: 'Stricture of artery' }],
    icd10Citation,
    presentation: [
      { text: 'Calf claudication on exercise in a young, active person without atherosclerotic risk; foot pulses fade on forced plantar flexion or dorsiflexion.', citation: { reference: 'sinha-2012' } },
    ],
    riskFactors: [{ text: 'Young age and intense physical activity.', citation: { reference: 'sinha-2012' } }],
    typicalPatient: [{ text: 'A young athlete or soldier.', citation: { reference: 'sinha-2012' } }],
    signals: [{ text: 'The artery can thrombose or become aneurysmal, threatening the limb.', citation: { reference: 'sinha-2012' } }],
    treatments: [{ kind: 'surgery', text: 'Vascular referral; duplex ultrasound with provocative manoeuvres; surgical release.', citation: { reference: 'sinha-2012' } }],
  },
  {
    id: 'chronic-exertional-compartment-syndrome',
    label: 'Chronic exertional compartment syndrome of the leg',
    shortLabel: 'Chronic compartment syndrome',
    mustNotMiss: false,
    citation: { reference: 'fraipont-2003; pedowitz-1990' },
    icd10: [{ code: 'M62.8', title: 'Other specified disorders of muscle' }],
    icd10Citation,
    presentation: [
      { text: 'Tightness, pressure or pain in a leg compartment that builds at a predictable point of exercise and eases with rest.', citation: { reference: 'fraipont-2003' } },
    ],
    riskFactors: [{ text: 'Running and other repetitive loading sports.', citation: { reference: 'fraipont-2003' } }],
    typicalPatient: [{ text: 'A young runner or athlete.', citation: { reference: 'fraipont-2003' } }],
    signals: [],
    treatments: [
      { kind: 'procedure', text: 'Confirmed by compartment pressure testing before and after exercise.', citation: { reference: 'pedowitz-1990' } },
      { kind: 'surgery', text: 'Fasciotomy when activity modification fails.', citation: { reference: 'fraipont-2003' } },
    ],
  },
];
