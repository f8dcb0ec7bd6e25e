import type { Citation } from '../assessment.ts';
import type { RuleDef, WeightBasis } from '../types.ts';
import { publishedBasis } from './evidence.ts';

/**
 * Every finding-to-cause relation, as data. A rule adds its weight to its cause's points when its
 * finding is present (`when: 'present'`) or was checked and found absent (`when: 'absent'`, a
 * pertinent negative). Weights are in points on one scale for all causes:
 *   3 to 3.5  a hallmark the source (or reference) names as characteristic
 *   2 to 2.5  a typical feature or a specific examination sign
 *   1 to 1.5  a feature the cause shares with others, or a named risk factor
 *   0.5       compatible but weak
 *   negative  a feature of another picture, or a pertinent negative; -2 to -2.5 only where the
 *             source or reference draws the contrast itself.
 * Evidence is counted once and only where it is evidence:
 * - an absent risk factor never subtracts (not having a risk factor is no evidence against a cause);
 * - rules of one cause that read the same observation share an `observation` key and count once;
 * - DVT's look-alikes (a ruptured Baker's cyst, a strain, cellulitis) are weighed in one place, the
 *   Wells "alternative diagnosis" item, not also as rules against DVT.
 * Every rule has a `basis` for its weight (types.ts, WeightBasis): the source's statement when it
 * quotes the source, a published accuracy figure where one was read (evidence.ts), otherwise an
 * explicit expert estimate.
 * Rules citing the source carry `quote`, the words of the cited section they rest on; the tests
 * check that each quote appears in that section.
 * Age and sex are accepted by the engine but no rule uses them: the knowledge base has no cited
 * threshold that would change the ranking of these causes.
 */

const Q = {
  sciRadiates: 'The pain typically radiates from the lower back into one or both legs, sometimes accompanied by numbness or tingling.',
  sciPath: 'This nerve originates in the lower spine and travels through the buttocks down to each leg.',
  sciHallmark: 'The hallmark symptom is sharp or burning pain that worsens with sitting or bending forward.',
  sciCompression: 'Compression often results from herniated discs, spinal stenosis (narrowing of spinal canal), or bone spurs pressing on nerve roots.',
  sciFrequent: 'Sciatica is one of the most frequent culprits behind leg pain felt at the back.',
  sciDeficit: 'surgical intervention if neurological deficits progress rapidly like weakness in foot drop scenarios',
  strainMechanism: 'Overstretching or sudden intense activity causes tiny tears in muscle fibers leading to inflammation and pain.',
  strainAthletes: 'Athletes frequently experience this due to sprinting, jumping, or rapid changes in direction.',
  strainWhere: 'Muscle strain in hamstrings or calves is another leading cause of discomfort behind the legs.',
  strainSymptoms: 'Symptoms include localized tenderness, swelling, stiffness, and difficulty walking without discomfort.',
  strainStairs: 'Even everyday activities like climbing stairs can trigger strain if muscles aren’t properly warmed up.',
  strainRest: 'Rest to avoid aggravation',
  muscleSoreness: 'differentiate between simple muscle soreness and more serious conditions',
  nervePath: 'Symptoms may include burning sensations or shooting pains localized along specific nerve paths rather than generalized muscle soreness.',
  dvtWhere: 'DVT refers to a blood clot forming in deep veins of the legs—most commonly behind the calves.',
  dvtPain: 'Pain from DVT often feels like cramping or soreness behind one leg accompanied by swelling, warmth, and redness over affected areas.',
  dvtRisk: 'Risk factors include prolonged immobility (long flights), surgery recovery, obesity, smoking, and certain medications.',
  dvtPe: 'clots can break loose and travel to lungs causing pulmonary embolism',
  padClaudication:
    'Reduced blood flow causes muscle cramping or aching during physical activity—known as claudication—usually felt at calves but sometimes extending upward behind legs.',
  padRest: 'Pain typically eases with rest but recurs upon exertion.',
  padAtherosclerosis: 'PAD occurs when arteries supplying blood to legs become narrowed due to plaque buildup (atherosclerosis).',
  padSmoking: 'Lifestyle modifications including smoking cessation',
  tarsal: 'Tarsal Tunnel Syndrome: Compression near ankle affecting foot sensation.',
  popliteal: 'Popliteal Nerve Entrapment: Rare condition where nerves behind knees are compressed.',
  bakerWhat: 'A Baker’s cyst is a fluid-filled swelling behind the knee caused by joint inflammation such as arthritis or meniscal injury.',
  bakerRupture: 'If it ruptures suddenly, fluid leaks into calf tissues causing sharp pain resembling deep vein thrombosis but without clot formation.',
  bakerBruising: 'Swelling and bruising may appear down toward calf muscles after rupture making clinical examination essential for differentiation.',
  stenosisWhat:
    'narrowing spinal canals compressing nerves exiting lower spine segments contributing to leg pain during standing or walking long distances',
  stenosisLinger:
    'Unlike vascular claudication from PAD which improves quickly with rest; lumbar stenosis-related discomfort might linger longer even after stopping activity.',
  tendon:
    'Inflammation of tendons such as the Achilles tendon causes aching pain behind lower legs aggravated by movement especially running or jumping activities stressing these structures repeatedly over time.',
  tendonWhere: 'Tendonitis Behind Knee/Calf',
} as const;

const source = (id: string): Citation => ({ source: id });
const ref = (id: string): Citation => ({ reference: id });
const both = (s: string, r: string): Citation => ({ source: s, reference: r });

function basisOf(id: string, citation: Citation, quote: string | undefined): WeightBasis {
  const published = publishedBasis.get(id);
  if (published !== undefined) return { kind: 'published', ...published };
  if (quote !== undefined) return { kind: 'source', statement: quote };
  return {
    kind: 'expert-estimate',
    note: `Direction from ${citation.reference ?? citation.source}; size estimated on the knowledge base's point scale, no accuracy figure quoted.`,
  };
}

function rule(
  when: RuleDef['when'],
  cause: string,
  finding: string,
  weight: number,
  reason: string,
  citation: Citation,
  quote?: string,
): RuleDef {
  const id = `${cause}:${when === 'absent' ? 'no-' : ''}${finding}`;
  const basis = basisOf(id, citation, quote);
  return quote === undefined ? { id, cause, finding, when, weight, reason, citation, basis } : { id, cause, finding, when, weight, reason, citation, quote, basis };
}
const present = (...a: [string, string, number, string, Citation, string?]) => rule('present', ...a);
const absent = (...a: [string, string, number, string, Citation, string?]) => rule('absent', ...a);
/** Marks rules of one cause that read the same observation: only one of them counts. */
const sameObservation = (observation: string, ...list: RuleDef[]): RuleDef[] => list.map((r) => ({ ...r, observation }));

const CC1 = source('Common causes 1');
const CC2 = source('Common causes 2');
const CC3 = source('Common causes 3');
const CC4 = source('Common causes 4');
const CC5 = source('Common causes 5');
const LC1 = source('Less common causes 1');
const LC2 = source('Less common causes 2');
const LC3 = source('Less common causes 3');

export const rules: readonly RuleDef[] = [
  // Sciatica (Common causes 1)
  present('sciatica', 'radiates-from-back', 3, 'Pain radiating from the lower back down the leg is the typical sciatic pattern', CC1, Q.sciRadiates),
  present('sciatica', 'radiates-below-knee', 1.5, 'Leg pain radiating below the knee towards the foot is typical of sciatica', ref('nice-cks-sciatica')),
  present('sciatica', 'loc-lower-back', 1, 'The sciatic nerve starts in the lower spine', CC1, Q.sciPath),
  present('sciatica', 'loc-buttock', 1, 'The sciatic nerve runs through the buttock', CC1, Q.sciPath),
  present('sciatica', 'loc-posterior-thigh', 0.5, 'Sciatica is felt at the back of the leg', CC1, Q.sciFrequent),
  present('sciatica', 'char-burning', 1.5, 'Burning pain is a hallmark of sciatica', CC1, Q.sciHallmark),
  present('sciatica', 'char-sharp', 1, 'Sharp pain is a hallmark of sciatica', CC1, Q.sciHallmark),
  present('sciatica', 'worse-sitting', 2, 'Pain worse with sitting is a hallmark of sciatica', CC1, Q.sciHallmark),
  present('sciatica', 'worse-bending-forward', 2, 'Pain worse with bending forward is a hallmark of sciatica', CC1, Q.sciHallmark),
  present('sciatica', 'numbness', 1, 'Sciatica is sometimes accompanied by numbness', CC1, Q.sciRadiates),
  present('sciatica', 'tingling', 1, 'Sciatica is sometimes accompanied by tingling', CC1, Q.sciRadiates),
  present('sciatica', 'ex-slr-positive', 2.5, 'A straight-leg raise reproducing the leg pain supports nerve root irritation', ref('nice-cks-sciatica; cochrane-radiculopathy-2010')),
  present('sciatica', 'rf-disc-or-back-problems', 2, 'Herniated discs and other spinal problems compress the sciatic nerve roots', CC1, Q.sciCompression),
  present('sciatica', 'weakness', 1, 'Weakness is a neurological deficit of sciatic nerve compression', source('Sciatica management'), Q.sciDeficit),
  present('sciatica', 'foot-drop', 1.5, 'Foot drop is a neurological deficit of sciatic nerve compression', source('Sciatica management'), Q.sciDeficit),
  present('sciatica', 'relieved-sitting-or-flexion', -1.5, 'Relief by sitting or leaning forward is the opposite of the sciatic hallmark (worse sitting or bending)', CC1, Q.sciHallmark),
  absent('sciatica', 'radiates-from-back', -1.5, 'No radiation from the back: the typical sciatic pattern is missing', CC1, Q.sciRadiates),
  absent('sciatica', 'ex-slr-positive', -1, 'A negative straight-leg raise makes nerve root compression by a disc less likely (the test is sensitive)', ref('cochrane-radiculopathy-2010')),

  // Muscle strain and overuse (Common causes 2)
  present('muscle-strain', 'after-intense-activity', 3, 'Overstretching or sudden intense activity tears muscle fibres', CC2, Q.strainMechanism),
  present('muscle-strain', 'rf-athlete', 1.5, 'Athletes who sprint, jump or change direction frequently strain these muscles', CC2, Q.strainAthletes),
  present('muscle-strain', 'loc-posterior-thigh', 1, 'The hamstrings are at the back of the thigh', CC2, Q.strainWhere),
  present('muscle-strain', 'loc-calf', 1, 'Calf muscles strain too', CC2, Q.strainWhere),
  present('muscle-strain', 'localized-tenderness', 2, 'Localised tenderness is a symptom of a strain', CC2, Q.strainSymptoms),
  present('muscle-strain', 'stiffness', 1, 'Stiffness is a symptom of a strain', CC2, Q.strainSymptoms),
  present('muscle-strain', 'difficulty-walking', 1, 'Difficulty walking is a symptom of a strain', CC2, Q.strainSymptoms),
  present('muscle-strain', 'calf-swelling', 0.5, 'A strain can swell', CC2, Q.strainSymptoms),
  present('muscle-strain', 'onset-sudden', 1, 'A strain follows sudden intense activity', CC2, Q.strainMechanism),
  present('muscle-strain', 'worse-with-movement', 1, 'Use aggravates an injured muscle, hence rest', source('Muscle strain treatment'), Q.strainRest),
  present('muscle-strain', 'char-aching', 0.5, 'Soreness is the quality of muscle pain', source('Anatomy'), Q.muscleSoreness),
  present('muscle-strain', 'follows-nerve-path', -1.5, 'Pain along a nerve path, rather than generalised soreness, points to a nerve, not a muscle', CC5, Q.nervePath),
  absent('muscle-strain', 'after-intense-activity', -0.5, 'No strain mechanism (weak: even climbing stairs can strain a cold muscle)', CC2, Q.strainStairs),
  absent('muscle-strain', 'localized-tenderness', -1, 'No localised tenderness: a usual symptom of a strain is missing', CC2, Q.strainSymptoms),

  // Deep vein thrombosis (Common causes 3; Wells 2003). No rule against DVT for its look-alikes
  // (Baker's cyst bruising, a strain mechanism): the Wells alternative item weighs them, once.
  ...sameObservation(
    'leg-swelling',
    present('dvt', 'calf-swelling', 2.5, 'Swelling of the calf or leg is typical of DVT', CC3, Q.dvtPain),
    present('dvt', 'ex-calf-swelling-3cm', 2, 'Calf swelling of 3 cm or more is a sign of DVT (a Wells item)', ref('wells-2003')),
    present('dvt', 'ex-entire-leg-swollen', 2, 'A swollen whole leg is a sign of DVT (a Wells item)', ref('wells-2003')),
    absent('dvt', 'calf-swelling', -2, 'No swelling: a usual feature of DVT is missing (it does not exclude DVT)', CC3, Q.dvtPain),
    absent('dvt', 'ex-calf-swelling-3cm', -0.5, 'No measured calf swelling: one fewer sign of DVT', ref('wells-2003')),
    absent('dvt', 'ex-entire-leg-swollen', -0.5, 'The whole leg is not swollen: one fewer sign of DVT', ref('wells-2003')),
  ),
  present('dvt', 'warmth', 1.5, 'Warmth over the area accompanies DVT', CC3, Q.dvtPain),
  present('dvt', 'redness', 1.5, 'Redness over the area accompanies DVT', CC3, Q.dvtPain),
  present('dvt', 'loc-calf', 1, 'DVT forms most commonly behind the calf', CC3, Q.dvtWhere),
  present('dvt', 'unilateral', 1, 'DVT pain is felt behind one leg', CC3, Q.dvtPain),
  present('dvt', 'char-cramping', 0.5, 'DVT pain can feel like cramping', CC3, Q.dvtPain),
  present('dvt', 'char-aching', 0.5, 'DVT pain can feel like soreness', CC3, Q.dvtPain),
  present('dvt', 'rf-long-travel-or-immobility', 1.5, 'Prolonged immobility (long flights) is a risk factor for DVT', CC3, Q.dvtRisk),
  present('dvt', 'rf-recent-surgery', 1.5, 'Recovery from surgery is a risk factor for DVT (a Wells item)', both('Common causes 3', 'wells-2003'), Q.dvtRisk),
  present('dvt', 'rf-estrogen-medication', 1.5, 'Certain medications, such as oestrogens, are a risk factor for DVT', both('Common causes 3', 'nice-cks-dvt'), Q.dvtRisk),
  present('dvt', 'rf-obesity', 1, 'Obesity is a risk factor for DVT', CC3, Q.dvtRisk),
  present('dvt', 'rf-smoking', 0.5, 'Smoking is a risk factor for DVT', CC3, Q.dvtRisk),
  present('dvt', 'rf-active-cancer', 1.5, 'Active cancer is a risk factor for DVT (a Wells item)', ref('wells-2003')),
  present('dvt', 'rf-previous-dvt', 1.5, 'A previous DVT is a risk factor for another (a Wells item)', ref('wells-2003')),
  present('dvt', 'rf-leg-paralysis-or-cast', 1.5, 'Paralysis or a plaster cast of the leg is a risk factor for DVT (a Wells item)', ref('wells-2003')),
  present('dvt', 'rf-leg-fracture-or-crush', 1, 'A recent leg fracture or injury is a risk factor for venous thromboembolism', ref('esc-pe-2019')),
  present('dvt', 'ex-deep-vein-tenderness', 2, 'Tenderness along the deep veins is a sign of DVT (a Wells item)', ref('wells-2003')),
  present('dvt', 'ex-pitting-edema', 2, 'Pitting oedema of the symptomatic leg is a sign of DVT (a Wells item)', ref('wells-2003')),
  present('dvt', 'ex-collateral-veins', 2, 'Collateral superficial veins are a sign of DVT (a Wells item)', ref('wells-2003')),
  present('dvt', 'dyspnea-or-chest-pain', 1, 'Breathlessness or chest pain may be a pulmonary embolism from a leg clot', both('Common causes 3', 'esc-pe-2019'), Q.dvtPe),
  present('dvt', 'bilateral', -1, 'DVT pain is usually behind one leg; pain in both legs fits it less well', CC3, Q.dvtPain),
  absent('dvt', 'ex-deep-vein-tenderness', -0.5, 'No tenderness along the deep veins: one fewer sign of DVT', ref('wells-2003')),
  absent('dvt', 'ex-pitting-edema', -0.5, 'No pitting oedema: one fewer sign of DVT', ref('wells-2003')),

  // Peripheral artery disease (Common causes 4)
  present('pad', 'exertional-relieved-by-rest', 3.5, 'Pain on exertion that eases with rest is claudication, the hallmark of PAD', CC4, Q.padRest),
  present('pad', 'char-cramping', 1, 'Claudication is cramping during activity', CC4, Q.padClaudication),
  present('pad', 'char-aching', 0.5, 'Claudication can be aching during activity', CC4, Q.padClaudication),
  present('pad', 'loc-calf', 1, 'Claudication is usually felt in the calf', CC4, Q.padClaudication),
  present('pad', 'loc-posterior-thigh', 0.5, 'Claudication sometimes extends up the back of the leg', CC4, Q.padClaudication),
  present('pad', 'ex-diminished-pulses', 3, 'Diminished or absent foot pulses point to arterial narrowing', ref('nice-cg147; jama-rce-pad-2006')),
  present('pad', 'rf-smoking', 1.5, 'Smoking is a major risk factor for PAD; stopping is its first treatment', both('PAD treatment', 'aha-acc-pad-2016'), Q.padSmoking),
  present('pad', 'rf-diabetes', 1.5, 'Diabetes is a major risk factor for PAD', ref('aha-acc-pad-2016')),
  present('pad', 'rf-cardiovascular-disease', 1.5, 'Atherosclerosis elsewhere (heart attack, stroke) goes with atherosclerosis of the leg arteries', both('Common causes 4', 'aha-acc-pad-2016'), Q.padAtherosclerosis),
  present('pad', 'pain-at-rest', 1.5, 'Rest pain is a feature of advanced arterial disease (limb-threatening ischaemia)', ref('gvg-clti-2019')),
  present('pad', 'cold-pale-foot', 1.5, 'A cold, pale foot is a sign of poor arterial supply', ref('esvs-ali-2020; gvg-clti-2019')),
  present('pad', 'standing-walking-slow-relief', -2, 'Pain that lingers after stopping fits neurogenic claudication; vascular claudication improves quickly with rest', LC2, Q.stenosisLinger),
  present('pad', 'relieved-sitting-or-flexion', -1.5, 'Needing to sit or lean forward for relief fits spinal stenosis; vascular claudication eases with rest alone', both('Less common causes 2', 'nass-stenosis-2013'), Q.stenosisLinger),
  absent('pad', 'ex-diminished-pulses', -2.5, 'Normal foot pulses make PAD less likely (they do not exclude it)', ref('jama-rce-pad-2006')),
  absent('pad', 'exertional-relieved-by-rest', -1.5, 'No pain on exertion relieved by rest: the claudication of PAD is missing', CC4, Q.padRest),

  // Tarsal tunnel syndrome (Common causes 5)
  present('tarsal-tunnel', 'loc-medial-ankle-sole', 3, 'The tarsal tunnel is at the inner ankle; its nerve supplies the sole', CC5, Q.tarsal),
  present('tarsal-tunnel', 'ex-tinel-tarsal', 3, 'A Tinel sign over the tarsal tunnel supports tibial nerve entrapment there', ref('statpearls-tarsal-tunnel')),
  present('tarsal-tunnel', 'follows-nerve-path', 1.5, 'Pain along a specific nerve path fits nerve entrapment', CC5, Q.nervePath),
  present('tarsal-tunnel', 'char-burning', 1, 'Burning sensations fit nerve entrapment', CC5, Q.nervePath),
  present('tarsal-tunnel', 'char-shooting', 1, 'Shooting pains fit nerve entrapment', CC5, Q.nervePath),
  present('tarsal-tunnel', 'numbness', 0.5, 'Tarsal tunnel syndrome affects foot sensation', CC5, Q.tarsal),
  present('tarsal-tunnel', 'tingling', 0.5, 'Tarsal tunnel syndrome affects foot sensation', CC5, Q.tarsal),
  absent('tarsal-tunnel', 'loc-medial-ankle-sole', -1.5, 'No pain at the inner ankle or sole, where the tarsal tunnel nerve runs', CC5, Q.tarsal),

  // Popliteal nerve entrapment (Common causes 5)
  present('popliteal-entrapment', 'loc-popliteal', 2, 'The entrapped nerves are behind the knee', CC5, Q.popliteal),
  present('popliteal-entrapment', 'follows-nerve-path', 1.5, 'Pain along a specific nerve path fits nerve entrapment', CC5, Q.nervePath),
  present('popliteal-entrapment', 'char-burning', 1, 'Burning sensations fit nerve entrapment', CC5, Q.nervePath),
  present('popliteal-entrapment', 'char-shooting', 1, 'Shooting pains fit nerve entrapment', CC5, Q.nervePath),
  absent('popliteal-entrapment', 'loc-popliteal', -1.5, 'No pain behind the knee, where these nerves are compressed', CC5, Q.popliteal),

  // Ruptured Baker's cyst (Less common causes 1)
  ...sameObservation(
    'bruising',
    present('bakers-cyst-rupture', 'bruising-calf-ankle', 3, 'Bruising spreading down toward the calf after rupture', LC1, Q.bakerBruising),
    present('bakers-cyst-rupture', 'ex-crescent-sign', 3, 'A crescent of bruising below the ankle bone is the sign of synovial (Baker’s cyst) rupture', ref('kraag-1976')),
    absent('bakers-cyst-rupture', 'bruising-calf-ankle', -0.5, 'No bruising: one fewer sign of rupture (bruising may appear, so its absence does not exclude it)', LC1, Q.bakerBruising),
  ),
  ...sameObservation(
    'popliteal-lump',
    present('bakers-cyst-rupture', 'swelling-behind-knee', 2.5, 'A Baker’s cyst is a fluid-filled swelling behind the knee', LC1, Q.bakerWhat),
    present('bakers-cyst-rupture', 'ex-popliteal-mass', 2.5, 'A palpable mass behind the knee is how a Baker’s cyst presents', both('Less common causes 1', 'handy-2001'), Q.bakerWhat),
  ),
  present('bakers-cyst-rupture', 'rf-knee-arthritis-or-meniscal-injury', 2, 'Knee arthritis or a meniscal injury causes Baker’s cysts', LC1, Q.bakerWhat),
  present('bakers-cyst-rupture', 'calf-swelling', 1.5, 'Fluid from the rupture swells the calf', LC1, Q.bakerBruising),
  present('bakers-cyst-rupture', 'onset-sudden', 1, 'The cyst ruptures suddenly', LC1, Q.bakerRupture),
  present('bakers-cyst-rupture', 'char-sharp', 1, 'Rupture causes sharp pain', LC1, Q.bakerRupture),
  present('bakers-cyst-rupture', 'loc-calf', 1, 'Fluid leaks into the calf', LC1, Q.bakerRupture),
  present('bakers-cyst-rupture', 'loc-popliteal', 1, 'The cyst lies behind the knee', LC1, Q.bakerWhat),
  absent('bakers-cyst-rupture', 'calf-swelling', -0.5, 'No calf swelling: one fewer sign of rupture (swelling may appear, so its absence does not exclude it)', LC1, Q.bakerBruising),

  // Lumbar spinal stenosis (Less common causes 2)
  present('lumbar-stenosis', 'standing-walking-slow-relief', 3.5, 'Leg pain on standing or long walks that lingers after stopping is neurogenic claudication', LC2, Q.stenosisLinger),
  present('lumbar-stenosis', 'relieved-sitting-or-flexion', 2.5, 'Relief by sitting or bending forward is typical of lumbar spinal stenosis', ref('nass-stenosis-2013')),
  present('lumbar-stenosis', 'loc-buttock', 1, 'Neurogenic claudication is felt in the buttocks and legs', ref('nass-stenosis-2013')),
  present('lumbar-stenosis', 'loc-posterior-thigh', 0.5, 'Neurogenic claudication is felt in the legs', LC2, Q.stenosisWhat),
  present('lumbar-stenosis', 'loc-lower-back', 0.5, 'The narrowing is in the lower spine', LC2, Q.stenosisWhat),
  present('lumbar-stenosis', 'numbness', 0.5, 'Nerve compression by spinal stenosis can bring numbness', CC1, Q.sciRadiates),
  present('lumbar-stenosis', 'tingling', 0.5, 'Nerve compression by spinal stenosis can bring tingling', CC1, Q.sciRadiates),
  present('lumbar-stenosis', 'rf-disc-or-back-problems', 0.5, 'Known spinal problems include stenosis', CC1, Q.sciCompression),
  present('lumbar-stenosis', 'exertional-relieved-by-rest', -2, 'Pain that eases within minutes of rest fits vascular claudication; stenosis pain lingers', LC2, Q.stenosisLinger),
  present('lumbar-stenosis', 'worse-bending-forward', -1, 'Stenosis symptoms ease with bending forward, not worsen', ref('nass-stenosis-2013')),
  present('lumbar-stenosis', 'worse-sitting', -1, 'Stenosis symptoms ease with sitting, not worsen', ref('nass-stenosis-2013')),
  absent('lumbar-stenosis', 'standing-walking-slow-relief', -1.5, 'Not brought on by standing or walking: neurogenic claudication is missing', ref('nass-stenosis-2013')),
  absent('lumbar-stenosis', 'relieved-sitting-or-flexion', -1, 'Not relieved by sitting or bending forward, the usual relief of stenosis', ref('nass-stenosis-2013')),

  // Tendonitis behind the knee or calf (Less common causes 3)
  present('tendonitis', 'ex-achilles-tenderness', 3, 'Tenderness of the Achilles tendon is the examination sign of Achilles tendinopathy', ref('nice-cks-achilles')),
  present('tendonitis', 'loc-achilles', 2.5, 'The Achilles tendon is the usual site of tendonitis behind the lower leg', LC3, Q.tendon),
  present('tendonitis', 'worse-running-jumping', 2.5, 'Running and jumping aggravate tendonitis', LC3, Q.tendon),
  present('tendonitis', 'worse-with-movement', 1.5, 'Movement aggravates tendonitis', LC3, Q.tendon),
  present('tendonitis', 'onset-gradual', 1.5, 'Tendonitis builds up with stress repeated over time', LC3, Q.tendon),
  present('tendonitis', 'char-aching', 1, 'Tendonitis causes aching pain', LC3, Q.tendon),
  present('tendonitis', 'rf-athlete', 1, 'Running or jumping sports stress the tendons repeatedly', LC3, Q.tendon),
  present('tendonitis', 'stiffness', 1, 'Achilles tendinopathy causes stiffness of the tendon', ref('nice-cks-achilles')),
  present('tendonitis', 'loc-calf', 0.5, 'Tendonitis can be felt at the calf', LC3, Q.tendonWhere),
  present('tendonitis', 'loc-popliteal', 0.5, 'Tendonitis can be felt behind the knee', LC3, Q.tendonWhere),
  present('tendonitis', 'onset-sudden', -1, 'Tendonitis comes on over time, not suddenly', LC3, Q.tendon),
  absent('tendonitis', 'ex-achilles-tenderness', -1, 'The Achilles tendon is not tender', ref('nice-cks-achilles')),
  // Vocabulary v2 causes. The source is silent on them: each rule cites the reference the
  // vocabulary names, and its weight is an expert estimate unless evidence.ts quotes a figure.

  // Acute limb ischaemia (ESVS 2020): sudden pain, pallor, pulselessness, paraesthesia, paralysis.
  present('acute-limb-ischemia', 'cold-pale-foot', 3, 'A cold, pale foot is the sign of a limb that has lost its arterial supply', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'onset-sudden', 1.5, 'Acute limb ischaemia comes on suddenly, within hours to days', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'ex-diminished-pulses', 2, 'Absent foot pulses in a painful limb point to arterial occlusion', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'pain-at-rest', 1.5, 'The ischaemic limb hurts at rest', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'numbness', 1, 'Sensory loss is a sign of a threatened limb', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'weakness', 1, 'Muscle weakness is a sign of an immediately threatened limb', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'rf-atrial-fibrillation', 2, 'Atrial fibrillation and other cardiac sources cause arterial embolism', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'rf-arterial-aneurysm', 1, 'A popliteal aneurysm can thrombose or embolise', ref('svs-paa-2022')),
  present('acute-limb-ischemia', 'rf-cardiovascular-disease', 0.5, 'Arterial disease can thrombose acutely', ref('esvs-ali-2020')),
  present('acute-limb-ischemia', 'onset-gradual', -1.5, 'A gradual onset fits chronic, not acute, ischaemia', ref('esvs-ali-2020')),
  absent('acute-limb-ischemia', 'ex-diminished-pulses', -2.5, 'Normal foot pulses argue against an arterial occlusion', ref('esvs-ali-2020')),

  // Acute compartment syndrome (BOAST 10).
  present('acute-compartment-syndrome', 'pain-out-of-proportion', 3, 'Pain out of proportion to the injury is the earliest sign of compartment syndrome', ref('boast-10-2014')),
  present('acute-compartment-syndrome', 'ex-pain-on-passive-stretch', 3, 'Pain on passive stretch of the compartment’s muscles is a sign of compartment syndrome', ref('boast-10-2014')),
  present('acute-compartment-syndrome', 'ex-tense-compartment', 3, 'A tense, hard compartment is a sign of raised compartment pressure', ref('boast-10-2014; donaldson-2014')),
  present('acute-compartment-syndrome', 'rf-leg-fracture-or-crush', 2.5, 'A fracture, crush injury or revascularisation is the usual cause', ref('boast-10-2014')),
  present('acute-compartment-syndrome', 'after-trauma', 1.5, 'Compartment syndrome follows an injury to the leg', ref('boast-10-2014')),
  present('acute-compartment-syndrome', 'rf-leg-paralysis-or-cast', 1, 'A tight cast or dressing can cause compartment syndrome', ref('boast-10-2014')),
  present('acute-compartment-syndrome', 'calf-swelling', 1, 'The compartment swells', ref('donaldson-2014')),
  present('acute-compartment-syndrome', 'numbness', 0.5, 'Nerves in the compartment lose function', ref('donaldson-2014')),
  absent('acute-compartment-syndrome', 'ex-pain-on-passive-stretch', -1, 'No pain on passive stretch: one sign of compartment syndrome is missing', ref('boast-10-2014')),
  absent('acute-compartment-syndrome', 'ex-tense-compartment', -1, 'A soft compartment argues against raised pressure', ref('boast-10-2014')),

  // Achilles tendon rupture (AAOS 2010; Maffulli 1998). "Felt a pop" is rupture evidence, not strain.
  present('achilles-rupture', 'ex-thompson-positive', 3.5, 'A positive calf squeeze (Simmonds-Thompson) test is the diagnostic test for rupture', ref('aaos-achilles-2010; maffulli-1998')),
  present('achilles-rupture', 'ex-achilles-gap', 3, 'A palpable gap in the tendon is a diagnostic sign of rupture', ref('aaos-achilles-2010; maffulli-1998')),
  present('achilles-rupture', 'felt-pop-or-kicked', 3, 'Patients feel a snap or a kick at the back of the heel when the tendon ruptures', ref('maffulli-1998')),
  present('achilles-rupture', 'loc-achilles', 1.5, 'The pain is at the heel cord', ref('maffulli-1998')),
  present('achilles-rupture', 'onset-sudden', 1, 'The tendon ruptures suddenly', ref('maffulli-1998')),
  present('achilles-rupture', 'difficulty-walking', 1, 'Push-off is weak after a rupture', ref('aaos-achilles-2010')),
  present('achilles-rupture', 'onset-gradual', -1.5, 'A rupture is sudden, not gradual', ref('maffulli-1998')),
  absent('achilles-rupture', 'ex-thompson-positive', -2.5, 'A normal calf squeeze test argues against a complete rupture', ref('aaos-achilles-2010; maffulli-1998')),

  // Popliteal artery aneurysm (SVS 2022): the pulsatile lump behind the knee a Baker's cyst mimics.
  ...sameObservation(
    'popliteal-lump',
    present('popliteal-artery-aneurysm', 'ex-pulsatile-popliteal-mass', 3.5, 'A pulsatile, expansile mass behind the knee is the sign of a popliteal aneurysm', ref('svs-paa-2022')),
    present('popliteal-artery-aneurysm', 'ex-popliteal-mass', 1, 'A popliteal aneurysm presents as a mass behind the knee', ref('svs-paa-2022')),
    present('popliteal-artery-aneurysm', 'swelling-behind-knee', 1, 'A popliteal aneurysm presents as a swelling behind the knee', ref('svs-paa-2022')),
    absent('popliteal-artery-aneurysm', 'ex-pulsatile-popliteal-mass', -1.5, 'No pulsatile mass behind the knee on examination', ref('svs-paa-2022')),
  ),
  present('popliteal-artery-aneurysm', 'rf-arterial-aneurysm', 2, 'A popliteal aneurysm often goes with an aneurysm elsewhere', ref('svs-paa-2022')),
  present('popliteal-artery-aneurysm', 'loc-popliteal', 1, 'The aneurysm lies behind the knee', ref('svs-paa-2022')),

  // Cellulitis (NICE NG141; NICE CKS). Red, hot, spreading skin is one observation.
  ...sameObservation(
    'inflamed-skin',
    present('cellulitis', 'ex-spreading-erythema', 3.5, 'A spreading area of red, hot, tender skin is how cellulitis presents', ref('nice-ng141; nice-cks-cellulitis')),
    present('cellulitis', 'redness', 1.5, 'Cellulitis reddens the skin', ref('nice-ng141')),
    present('cellulitis', 'warmth', 1.5, 'Cellulitis makes the skin hot', ref('nice-ng141')),
    absent('cellulitis', 'ex-spreading-erythema', -2, 'No spreading red, hot skin: the sign of cellulitis is missing', ref('nice-cks-cellulitis')),
  ),
  present('cellulitis', 'rf-skin-break', 2, 'A break in the skin lets the infection in', ref('nice-ng141')),
  present('cellulitis', 'fever', 1.5, 'Fever or rigors accompany more severe cellulitis', ref('nice-ng141; nice-cks-cellulitis')),
  present('cellulitis', 'calf-swelling', 1, 'The infected leg swells', ref('nice-ng141')),
  present('cellulitis', 'unilateral', 0.5, 'Cellulitis is usually of one leg', ref('nice-cks-cellulitis')),
  present('cellulitis', 'loc-calf', 0.5, 'The lower leg is the usual site', ref('nice-cks-cellulitis')),
  present('cellulitis', 'bilateral', -1.5, 'Red legs on both sides are rarely cellulitis', ref('nice-cks-cellulitis')),

  // Superficial vein thrombosis (NICE CKS).
  present('superficial-vein-thrombosis', 'ex-tender-superficial-cord', 3.5, 'A tender, hard, red cord along a superficial vein is superficial vein thrombosis', ref('nice-cks-svt')),
  present('superficial-vein-thrombosis', 'rf-varicose-veins', 2, 'Superficial vein thrombosis usually affects varicose veins', ref('nice-cks-svt')),
  present('superficial-vein-thrombosis', 'redness', 1, 'The skin over the vein is red', ref('nice-cks-svt')),
  present('superficial-vein-thrombosis', 'warmth', 1, 'The skin over the vein is warm', ref('nice-cks-svt')),
  present('superficial-vein-thrombosis', 'loc-calf', 0.5, 'The lower leg’s superficial veins are a usual site', ref('nice-cks-svt')),
  absent('superficial-vein-thrombosis', 'ex-tender-superficial-cord', -1.5, 'No tender cord along a superficial vein', ref('nice-cks-svt')),

  // Serious spinal pathology: malignancy or infection (NICE CKS low back pain; NICE NG234; NICE NG59).
  ...sameObservation(
    'cancer',
    present('spinal-malignancy-or-infection', 'rf-history-of-cancer', 2.5, 'A history of cancer is the strongest pointer to spinal metastasis in back pain', ref('nice-ng234; nice-cks-low-back-pain')),
    present('spinal-malignancy-or-infection', 'rf-active-cancer', 2.5, 'Active cancer can spread to the spine', ref('nice-ng234')),
  ),
  present('spinal-malignancy-or-infection', 'back-pain-night-constant', 2.5, 'Constant or night back pain not eased by rest is a red flag for serious spinal pathology', ref('nice-cks-low-back-pain; nice-ng234')),
  present('spinal-malignancy-or-infection', 'unexplained-weight-loss', 2, 'Unexplained weight loss is a red flag for malignancy', ref('nice-cks-low-back-pain')),
  present('spinal-malignancy-or-infection', 'fever', 1, 'Fever is a red flag for spinal infection', ref('nice-cks-low-back-pain')),
  present('spinal-malignancy-or-infection', 'rf-iv-drug-use', 1.5, 'Injecting drug use is a risk factor for spinal infection', ref('nice-cks-low-back-pain')),
  present('spinal-malignancy-or-infection', 'rf-immunosuppression', 1.5, 'Immunosuppression is a risk factor for spinal infection', ref('nice-cks-low-back-pain')),
  present('spinal-malignancy-or-infection', 'loc-lower-back', 1, 'Serious spinal pathology presents with back pain', ref('nice-cks-low-back-pain')),
  absent('spinal-malignancy-or-infection', 'loc-lower-back', -1.5, 'No back pain: serious spinal pathology usually presents with it', ref('nice-cks-low-back-pain')),

  // Fracture, including stress fracture (Patel 2011; ACR 2024; the source's imaging table).
  present('fracture', 'ex-focal-bone-tenderness', 3, 'Focal tenderness over a bone is the examination sign of a fracture', ref('patel-2011')),
  present('fracture', 'after-trauma', 2.5, 'A fall, blow or twisting injury can break a bone', ref('patel-2011')),
  present('fracture', 'rf-leg-fracture-or-crush', 2, 'A known recent fracture of the leg', ref('boast-10-2014')),
  present('fracture', 'rf-training-increase', 2, 'A recent rise in training load is the usual cause of a stress fracture', ref('patel-2011')),
  present('fracture', 'difficulty-walking', 1, 'A fracture makes walking painful', ref('patel-2011')),
  present('fracture', 'worse-running-jumping', 0.5, 'Stress fracture pain comes with impact activity', ref('patel-2011')),
  absent('fracture', 'ex-focal-bone-tenderness', -1.5, 'No focal bone tenderness argues against a fracture', ref('patel-2011')),

  // Popliteal artery entrapment syndrome (Sinha 2012).
  present('popliteal-artery-entrapment', 'ex-pulses-lost-on-plantarflexion', 3.5, 'Foot pulses that fade on forced plantar flexion or dorsiflexion support popliteal artery entrapment', ref('sinha-2012')),
  present('popliteal-artery-entrapment', 'exertional-relieved-by-rest', 1.5, 'Entrapment causes exertional calf claudication', ref('sinha-2012')),
  present('popliteal-artery-entrapment', 'rf-athlete', 1, 'It affects young, active people', ref('sinha-2012')),
  present('popliteal-artery-entrapment', 'loc-calf', 0.5, 'The claudication is felt in the calf', ref('sinha-2012')),
  absent('popliteal-artery-entrapment', 'ex-pulses-lost-on-plantarflexion', -1.5, 'Foot pulses held on provocative manoeuvres', ref('sinha-2012')),

  // Chronic exertional compartment syndrome (Fraipont 2003).
  present('chronic-exertional-compartment-syndrome', 'exercise-calf-tightness', 3.5, 'Tightness or pressure building at a predictable point of exercise is the typical history', ref('fraipont-2003')),
  present('chronic-exertional-compartment-syndrome', 'rf-athlete', 1.5, 'It affects runners and other athletes', ref('fraipont-2003')),
  present('chronic-exertional-compartment-syndrome', 'exertional-relieved-by-rest', 1, 'The pain eases with rest', ref('fraipont-2003')),
  present('chronic-exertional-compartment-syndrome', 'worse-running-jumping', 1, 'Running brings it on', ref('fraipont-2003')),
  present('chronic-exertional-compartment-syndrome', 'loc-calf', 0.5, 'The calf compartments are a usual site', ref('fraipont-2003')),
  present('chronic-exertional-compartment-syndrome', 'pain-at-rest', -1.5, 'Pain at rest does not fit an exertional syndrome', ref('fraipont-2003')),
  absent('chronic-exertional-compartment-syndrome', 'exercise-calf-tightness', -1.5, 'No tightness building with exercise: the typical history is missing', ref('fraipont-2003')),
];
