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
];

export const referenceById: ReadonlyMap<string, ReferenceDef> = new Map(references.map((r) => [r.id, r]));
