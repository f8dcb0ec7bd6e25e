import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { causes } from '../../shared/clinical/kb/causes.ts';
import { causeOfIcd10, defaultIcd10, icd10Choices, icd10For } from '../../shared/coding/icd10.ts';
import { sharedDir } from './clinical/helpers.ts';

/**
 * ICD-10 (WHO 2019) codes of the causes: every cause of vocabulary v2 has exactly one default code,
 * the one a FHIR export carries, and an import reads any of its codes back to it.
 */

const vocabularyV2 = join(sharedDir, 'spec', 'vocabulary-v2.json');

/** The reviewed default code and WHO title of each cause; a change here is a reviewed change. */
const DEFAULTS: Record<string, [string, string]> = {
  sciatica: ['M54.3', 'Sciatica'],
  'muscle-strain': ['S76.3', 'Injury of muscle and tendon of the posterior muscle group at thigh level'],
  dvt: ['I80.2', 'Phlebitis and thrombophlebitis of other deep vessels of lower extremities'],
  pad: ['I70.2', 'Atherosclerosis of arteries of extremities'],
  'tarsal-tunnel': ['G57.5', 'Tarsal tunnel syndrome'],
  'popliteal-entrapment': ['G57.3', 'Lesion of lateral popliteal nerve'],
  'bakers-cyst-rupture': ['M66.0', 'Rupture of popliteal cyst'],
  'lumbar-stenosis': ['M48.0', 'Spinal stenosis'],
  tendonitis: ['M76.6', 'Achilles tendinitis'],
  'acute-limb-ischemia': ['I74.3', 'Embolism and thrombosis of arteries of lower extremities'],
  'acute-compartment-syndrome': ['T79.6', 'Traumatic ischaemia of muscle'],
  'achilles-rupture': ['S86.0', 'Injury of Achilles tendon'],
  'popliteal-artery-aneurysm': ['I72.4', 'Aneurysm and dissection of artery of lower extremity'],
  cellulitis: ['L03.1', 'Cellulitis of other parts of limb'],
  'superficial-vein-thrombosis': ['I80.0', 'Phlebitis and thrombophlebitis of superficial vessels of lower extremities'],
  'spinal-malignancy-or-infection': ['C79.5', 'Secondary malignant neoplasm of bone and bone marrow'],
  fracture: ['S82.2', 'Fracture of shaft of tibia'],
  'popliteal-artery-entrapment': ['I77.1', 'Stricture of artery'],
  'chronic-exertional-compartment-syndrome': ['M62.8', 'Other specified disorders of muscle'],
};

describe('ICD-10 codes of the causes', () => {
  it.skipIf(!existsSync(vocabularyV2))('gives every cause of vocabulary v2 a default code', () => {
    const ids = (JSON.parse(readFileSync(vocabularyV2, 'utf8')) as { causes: { id: string }[] }).causes.map((c) => c.id);
    expect(ids).toHaveLength(19);
    for (const id of ids) expect(defaultIcd10(id), id).toBeDefined();
  });

  it('keeps the reviewed default code and WHO title of each of the 19 causes', () => {
    expect(Object.fromEntries(causes.map((c) => [c.id, [defaultIcd10(c.id)?.code, defaultIcd10(c.id)?.title]]))).toEqual(DEFAULTS);
  });

  it('writes every code in the WHO form (letter, two digits, a dot, one digit) with a title', () => {
    for (const c of causes) {
      for (const code of icd10Choices(c.id)) {
        expect(code.code, c.id).toMatch(/^[A-Z]\d\d\.\d$/);
        expect(code.title.trim().length, `${c.id} ${code.code}`).toBeGreaterThan(3);
      }
    }
  });

  it('exports exactly one code per cause, the default unless the clinician chose another of its codes', () => {
    for (const c of causes) {
      expect(icd10For(c.id), c.id).toEqual(icd10Choices(c.id)[0]);
      for (const choice of icd10Choices(c.id)) expect(icd10For(c.id, choice.code), c.id).toEqual(choice);
      expect(icd10For(c.id, 'Z99.9'), c.id).toEqual(icd10Choices(c.id)[0]);
    }
  });

  it('gives no code to two causes, so an import reads each code back to its one cause', () => {
    const all = causes.flatMap((c) => icd10Choices(c.id).map((x) => x.code));
    expect(new Set(all).size).toBe(all.length);
    for (const c of causes) for (const x of icd10Choices(c.id)) expect(causeOfIcd10(x.code.replace('.', '').toLowerCase()), x.code).toEqual({ cause: c.id, code: x.code });
  });
});
