import type { ExternalReference } from '../types.ts';

/**
 * Named external references for what the clinical source does not state. Each is a published,
 * well-known guideline, score or classification; items citing one claim only its standard
 * recommendations (summarised in `uses`, so a reviewer can check them against the original).
 */
export interface ReferenceDef extends ExternalReference {
  /** What the knowledge base takes from this reference. */
  readonly uses: string;
}

export const references: readonly ReferenceDef[] = [
  {
    id: 'nice-ng158',
    title:
      'NICE guideline NG158: Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (National Institute for Health and Care Excellence, March 2020, updated August 2023)',
    uses:
      'Two-level DVT Wells score for suspected DVT; DVT likely: proximal leg vein ultrasound with the result within 4 hours, or if not possible a D-dimer test and interim therapeutic anticoagulation with the scan within 24 hours; DVT unlikely: D-dimer, and proximal leg vein ultrasound if it is positive.',
  },
  {
    id: 'wells-2003',
    title:
      'Wells PS, Anderson DR, Rodger M, et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis. N Engl J Med 2003;349(13):1227-35',
    uses:
      'The DVT clinical model: active cancer, paralysis/paresis/recent plaster cast, recently bedridden 3 days or more or major surgery within 12 weeks, localised tenderness along the deep veins, entire leg swollen, calf swelling 3 cm or more, pitting oedema confined to the symptomatic leg, collateral superficial veins, previously documented DVT (1 point each), alternative diagnosis at least as likely (minus 2); DVT likely at 2 points or more. DVT unlikely with a negative D-dimer safely rules DVT out.',
  },
  {
    id: 'who-icd10-2019',
    title: 'World Health Organization. International Statistical Classification of Diseases and Related Health Problems, 10th Revision (ICD-10), 2019 edition',
    uses: 'Diagnosis codes and their titles.',
  },
  {
    id: 'nice-ng59',
    title: 'NICE guideline NG59: Low back pain and sciatica in over 16s: assessment and management (November 2016, updated December 2020)',
    uses:
      'Do not routinely offer imaging in a non-specialist setting for low back pain with or without sciatica; consider imaging in specialist care only if the result is likely to change management.',
  },
  {
    id: 'nice-cks-sciatica',
    title: 'NICE Clinical Knowledge Summary: Sciatica (lumbar radiculopathy)',
    uses:
      'Sciatica is suspected with unilateral leg pain radiating below the knee to the foot or toes, with or without numbness, paraesthesia or weakness, and a straight-leg raise reproducing the leg pain; suspected cauda equina syndrome needs emergency referral; a severe or progressive neurological deficit needs urgent specialist assessment.',
  },
  {
    id: 'cochrane-radiculopathy-2010',
    title:
      'van der Windt DA, Simons E, Riphagen II, et al. Physical examination for lumbar radiculopathy due to disc herniation in patients with low-back pain. Cochrane Database Syst Rev 2010;(2):CD007431',
    uses: 'The straight-leg raise test is sensitive but not specific for radiculopathy due to disc herniation: a negative test makes it less likely.',
  },
  {
    id: 'girft-ces-2023',
    title: 'Getting It Right First Time (GIRFT), NHS England: National Suspected Cauda Equina Syndrome (CES) Pathway, 2023',
    uses:
      'Saddle (perianal or perineal) numbness and new bladder, bowel or sexual dysfunction with back pain or sciatica suggest cauda equina syndrome, a spinal emergency: same-day emergency assessment and emergency MRI of the lumbar spine.',
  },
  {
    id: 'acr-low-back-pain-2021',
    title: 'American College of Radiology. ACR Appropriateness Criteria: Low Back Pain, 2021 update. J Am Coll Radiol 2021;18(11S)',
    uses:
      'Imaging is usually not appropriate for uncomplicated low back pain or radiculopathy without red flags and without prior management; MRI of the lumbar spine is usually appropriate for suspected cauda equina syndrome and for surgery or intervention candidates with persistent or progressive symptoms after 6 weeks of medical management.',
  },
  {
    id: 'acr-dvt-2018',
    title: 'American College of Radiology. ACR Appropriateness Criteria: Suspected Lower Extremity Deep Vein Thrombosis, 2018. J Am Coll Radiol 2018;15(11S)',
    uses: 'Duplex Doppler ultrasound of the leg veins is the usually appropriate imaging for suspected lower extremity DVT.',
  },
  {
    id: 'acr-claudication-2022',
    title:
      'American College of Radiology. ACR Appropriateness Criteria: Lower Extremity Arterial Claudication - Imaging Assessment for Revascularization, 2022 update. J Am Coll Radiol 2022;19(11S)',
    uses: 'Arterial duplex ultrasound is among the usually appropriate imaging to plan revascularisation for claudication.',
  },
  {
    id: 'nass-stenosis-2013',
    title:
      'Kreiner DS, Shaffer WO, Baisden JL, et al. An evidence-based clinical guideline for the diagnosis and treatment of degenerative lumbar spinal stenosis (update). Spine J 2013;13(7):734-43 (North American Spine Society)',
    uses:
      'Lumbar spinal stenosis may be considered in older patients with gluteal or lower extremity symptoms brought on by walking or standing and relieved by sitting or bending forward; MRI is the most appropriate non-invasive test to confirm it.',
  },
  {
    id: 'nice-cg147',
    title: 'NICE guideline CG147: Peripheral arterial disease: diagnosis and management (August 2012, updated December 2020)',
    uses:
      'Assess suspected PAD by asking about intermittent claudication and critical limb ischaemia, examining the legs, feet and their pulses, and measuring the ankle brachial pressure index; offer duplex ultrasound as first-line imaging when revascularisation is being considered.',
  },
  {
    id: 'aha-acc-pad-2016',
    title:
      'Gerhard-Herman MD, Gornik HL, Barrett C, et al. 2016 AHA/ACC Guideline on the Management of Patients With Lower Extremity Peripheral Artery Disease. Circulation 2017;135(12):e726-e779',
    uses: 'Smoking, diabetes and known atherosclerotic disease in another vascular bed (coronary, carotid) put a patient at increased risk of PAD.',
  },
  {
    id: 'jama-rce-pad-2006',
    title:
      'Khan NA, Rahim SA, Anand SS, Simel DL, Panju A. Does the clinical examination predict lower extremity peripheral arterial disease? JAMA 2006;295(5):536-46',
    uses: 'An abnormal (diminished or absent) foot pulse makes PAD more likely; normal pulses make it less likely without excluding it.',
  },
  {
    id: 'gvg-clti-2019',
    title:
      'Conte MS, Bradbury AW, Kolh P, et al. Global Vascular Guidelines on the Management of Chronic Limb-Threatening Ischemia. Eur J Vasc Endovasc Surg 2019;58(1S):S1-S109',
    uses: 'Ischaemic rest pain (with tissue loss) in a patient with PAD defines chronic limb-threatening ischaemia, which needs prompt referral to a vascular specialist.',
  },
  {
    id: 'esvs-ali-2020',
    title:
      'Björck M, Earnshaw JJ, Acosta S, et al. European Society for Vascular Surgery (ESVS) 2020 Clinical Practice Guidelines on the Management of Acute Limb Ischaemia. Eur J Vasc Endovasc Surg 2020;59(2):173-218',
    uses: 'A suddenly cold, pale, painful or pulseless limb is acute limb ischaemia: an emergency needing immediate vascular assessment.',
  },
  {
    id: 'esc-pe-2019',
    title:
      'Konstantinides SV, Meyer G, Becattini C, et al. 2019 ESC Guidelines for the diagnosis and management of acute pulmonary embolism developed in collaboration with the European Respiratory Society. Eur Heart J 2020;41(4):543-603',
    uses: 'Breathlessness and chest pain are the usual presenting symptoms of pulmonary embolism, which most often arises from a leg DVT; suspected PE is assessed without delay.',
  },
  {
    id: 'kraag-1976',
    title: 'Kraag G, Thevathasan EM, Gordon DA, Walker IH. The hemorrhagic crescent sign of acute synovial rupture. Ann Intern Med 1976;85(4):477-8',
    uses: 'A crescent of bruising below the ankle bone after knee synovial (Baker’s cyst) rupture points to rupture rather than DVT.',
  },
  {
    id: 'handy-2001',
    title: 'Handy JR. Popliteal cysts in adults: a review. Semin Arthritis Rheum 2001;31(2):108-18',
    uses:
      'A popliteal (Baker’s) cyst presents as a mass in the popliteal fossa, usually with coexisting knee joint disease; ultrasound (sonography) is the imaging method of choice; a cyst extending or rupturing into the calf mimics phlebitis (DVT).',
  },
  {
    id: 'statpearls-tarsal-tunnel',
    title: 'Kiel J, Kaiser K. Tarsal Tunnel Syndrome. In: StatPearls. Treasure Island (FL): StatPearls Publishing (NCBI Bookshelf)',
    uses: 'Tibial nerve compression in the tarsal tunnel behind the inner ankle; percussion over the nerve there (Tinel sign) reproducing the symptoms supports the diagnosis.',
  },
  {
    id: 'nice-cks-achilles',
    title: 'NICE Clinical Knowledge Summary: Achilles tendinopathy',
    uses: 'Achilles tendinopathy causes pain and stiffness of the Achilles tendon (often worse in the morning) with tenderness of the tendon on examination.',
  },
  {
    id: 'nice-cks-dvt',
    title: 'NICE Clinical Knowledge Summary: Deep vein thrombosis',
    uses: 'Oestrogen-containing contraception and hormone replacement therapy are risk factors for DVT.',
  },
  // Added with vocabulary v2: the references it names for its new causes, findings and red flags.
  {
    id: 'boast-10-2014',
    title: 'British Orthopaedic Association. BOAST 10: Diagnosis and Management of Compartment Syndrome of the Limbs (British Orthopaedic Association Standards for Trauma, December 2014)',
    uses:
      'Compartment syndrome is suspected with pain out of proportion to the injury, pain on passive stretch of the muscles of the compartment, and a tense compartment, after a fracture, crush, tight cast or dressing, or revascularisation; foot pulses are usually present. It is an emergency: release dressings down to skin and arrange immediate review by the orthopaedic team for fasciotomy.',
  },
  {
    id: 'donaldson-2014',
    title: 'Donaldson J, Haddad B, Khan WS. The pathophysiology, diagnosis and current management of acute compartment syndrome. Open Orthop J 2014;8:185-93',
    uses: 'A tense, swollen compartment with pain out of proportion and pain on passive stretch are the clinical signs of acute compartment syndrome.',
  },
  {
    id: 'aaos-achilles-2010',
    title:
      'Chiodo CP, Glazebrook M, Bluman EM, et al. American Academy of Orthopaedic Surgeons clinical practice guideline on treatment of Achilles tendon rupture. J Bone Joint Surg Am 2010;92(14):2466-8',
    uses:
      'Acute Achilles tendon rupture is diagnosed by the history and examination: two or more of a positive calf squeeze (Simmonds-Thompson) test, decreased ankle plantar flexion strength, a palpable gap and increased passive dorsiflexion on gentle manipulation.',
  },
  {
    id: 'maffulli-1998',
    title: 'Maffulli N. The clinical diagnosis of subcutaneous tear of the Achilles tendon. A prospective study in 174 patients. Am J Sports Med 1998;26(2):266-70',
    uses: 'Patients with an acute Achilles tendon rupture typically feel a snap or a kick at the back of the heel; the calf squeeze test and a palpable gap are the clinical tests.',
  },
  {
    id: 'svs-paa-2022',
    title: 'Farber A, Angle N, Avgerinos E, et al. The Society for Vascular Surgery clinical practice guidelines on popliteal artery aneurysms. J Vasc Surg 2022;75(1S):109S-120S',
    uses:
      'A popliteal artery aneurysm presents as a pulsatile mass behind the knee and is confirmed by duplex ultrasound; its thrombosis or embolism causes acute limb ischaemia; patients often have an aneurysm elsewhere (contralateral popliteal, aortic).',
  },
  {
    id: 'nice-ng141',
    title: 'NICE guideline NG141: Cellulitis and erysipelas: antimicrobial prescribing (September 2019)',
    uses: 'Cellulitis presents as an acute spreading red, hot, swollen and tender area of skin, sometimes with fever; a break in the skin (wound, ulcer, tinea pedis) is a portal of entry.',
  },
  {
    id: 'nice-cks-cellulitis',
    title: 'NICE Clinical Knowledge Summary: Cellulitis - acute',
    uses: 'Cellulitis is usually unilateral; bilateral red legs are rarely cellulitis; DVT is among the conditions to exclude in a red, swollen leg; systemic features (fever, rigors) suggest more severe infection.',
  },
  {
    id: 'nice-cks-svt',
    title: 'NICE Clinical Knowledge Summary: Superficial vein thrombosis (superficial thrombophlebitis)',
    uses:
      'Superficial vein thrombosis presents as a tender, warm, red, hard cord along a superficial (often varicose) vein; it can coexist with or extend into deep vein thrombosis, so arrange a Doppler ultrasound scan when DVT is suspected or the thrombosis is near the saphenofemoral or saphenopopliteal junction.',
  },
  {
    id: 'nice-cks-low-back-pain',
    title: 'NICE Clinical Knowledge Summary: Back pain - low (without radiculopathy)',
    uses:
      'Red flags for serious spinal pathology: a history of cancer or unexplained weight loss (malignancy); fever, injecting drug use or immunosuppression (infection); constant or night pain not eased by rest; such features need urgent, or with a neurological deficit or suspected cauda equina syndrome emergency, assessment and imaging.',
  },
  {
    id: 'nice-ng234',
    title: 'NICE guideline NG234: Spinal metastases and metastatic spinal cord compression (September 2023)',
    uses:
      'Spinal pain in a person with a history of cancer, above all constant or night pain, suggests spinal metastases: MRI of the whole spine within 1 week; with neurological symptoms or signs of spinal cord or cauda equina compression, MRI within 24 hours and immediate referral.',
  },
  {
    id: 'acr-stress-fracture-2024',
    title:
      'American College of Radiology. ACR Appropriateness Criteria: Stress (Fatigue/Insufficiency) Fracture, Including Sacrum, Excluding Other Vertebrae (2024 update)',
    uses: 'Radiographs are the usually appropriate first imaging for a suspected stress fracture; MRI without contrast is usually appropriate next when radiographs are negative or indeterminate.',
  },
  {
    id: 'patel-2011',
    title: 'Patel DS, Roth M, Kapil N. Stress fractures: diagnosis, treatment, and prevention. Am Fam Physician 2011;83(1):39-46',
    uses: 'A stress fracture causes activity-related pain with focal bone tenderness, typically after a recent increase in training; plain radiographs first, MRI when they are negative and suspicion remains.',
  },
  {
    id: 'sinha-2012',
    title: 'Sinha S, Houghton J, Holt PJ, Thompson MM, Loftus IM, Hinchliffe RJ. Popliteal entrapment syndrome. J Vasc Surg 2012;55(1):252-262.e30',
    uses:
      'Popliteal artery entrapment causes exertional calf claudication in young, active people; foot pulses that fade on forced plantar flexion or dorsiflexion support it; duplex ultrasound with provocative manoeuvres is the first investigation; left untreated, the artery can occlude (limb threat).',
  },
  {
    id: 'fraipont-2003',
    title: 'Fraipont MJ, Adamson GJ. Chronic exertional compartment syndrome. J Am Acad Orthop Surg 2003;11(4):268-76',
    uses: 'Chronic exertional compartment syndrome causes tightness, pressure or pain in a leg compartment that comes on at a predictable point of exercise and eases with rest, in runners and other athletes; it is confirmed by compartment pressure testing.',
  },
  {
    id: 'pedowitz-1990',
    title:
      'Pedowitz RA, Hargens AR, Mubarak SJ, Gershuni DH. Modified criteria for the objective diagnosis of chronic compartment syndrome of the leg. Am J Sports Med 1990;18(1):35-40',
    uses: 'Chronic exertional compartment syndrome is confirmed by intracompartmental pressure measurement before and after exercise (the pressure criteria named after this paper).',
  },
  // Added with the published accuracy figures behind rule weights (evidence.ts).
  {
    id: 'goodacre-2005',
    title:
      'Goodacre S, Sutton AJ, Sampson FC. Meta-analysis: the value of clinical assessment in the diagnosis of deep venous thrombosis. Ann Intern Med 2005;143(2):129-39. doi:10.7326/0003-4819-143-2-200507190-00012',
    uses:
      'Pooled likelihood ratios of single clinical features for DVT: malignancy, previous DVT, recent immobilisation, recent surgery and a difference in calf diameter make DVT more likely; absence of calf swelling makes it less likely.',
  },
  {
    id: 'jama-rce-lss-2010',
    title:
      'Suri P, Rainville J, Kalichman L, Katz JN. Does this older adult with lower extremity pain have the clinical syndrome of lumbar spinal stenosis? JAMA 2010;304(23):2628-36. doi:10.1001/jama.2010.1833',
    uses: 'Likelihood ratios of history and examination findings for the clinical syndrome of lumbar spinal stenosis in older adults: neurogenic claudication present and absent.',
  },
  {
    id: 'deville-2000',
    title:
      'Devillé WL, van der Windt DA, Dzaferagić A, Bezemer PD, Bouter LM. The test of Lasègue: systematic review of the accuracy in diagnosing herniated discs. Spine 2000;25(9):1140-7',
    uses: 'Pooled sensitivity and specificity of the straight leg raising test for a herniated disc, in surgical case series.',
  },
  {
    id: 'henschke-2007',
    title:
      'Henschke N, Maher CG, Refshauge KM. Screening for malignancy in low back pain patients: a systematic review. Eur Spine J 2007;16(10):1673-9. doi:10.1007/s00586-007-0412-0',
    uses: 'A previous history of cancer is the red flag with the highest positive likelihood ratio for spinal malignancy in low back pain.',
  },
];

export const referenceById: ReadonlyMap<string, ReferenceDef> = new Map(references.map((r) => [r.id, r]));
