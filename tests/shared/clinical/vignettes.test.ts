import { beforeEach, describe, expect, it } from 'vitest';
import { Assessment } from '../../../shared/clinical/assessment.ts';
import { assess } from '../../../shared/clinical/index.ts';
import { checkExpectations, loadVignettes, runCli, vignetteDirs, withCaseFile } from './helpers.ts';

/**
 * Every vignette in ../shared/vignettes and ../shared/vignettes-v2, found at run time, through the same code path as the
 * command: the case is written to a file and `assess --json <file>` is spawned.
 */
const vignettes = loadVignettes();

describe('clinical vignettes (../shared/vignettes, ../shared/vignettes-v2) through the assess command', () => {
  for (const dir of vignetteDirs) {
    if (loadVignettes([dir]).length === 0) it.skip(`no vignettes found at ${dir}: skipped`, () => {});
  }
  if (vignettes.length === 0) return;

  it.each(vignettes.map((v) => [v.file, v] as const))('%s', (_file, vignette) => {
    const result = withCaseFile(JSON.stringify(vignette.case), (file) => runCli(['--json', file]));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const assessment = Assessment.parse(JSON.parse(result.stdout));
    // Every vignette also gets the structural checks, whether or not it asks for them.
    expect(checkExpectations(assessment, { ...vignette.expect, allCauses: true })).toEqual([]);
    expect(assessment).toEqual(Assessment.parse(assess(vignette.case)));
  });
});

describe('the vignette expectation checker', () => {
  const dvt = vignettes.find((v) => v.id === 'dvt-classic');
  // Assessed in each test, not while the file is collected, so mutation testing knows which tests ran the engine.
  let a: Assessment;
  beforeEach(() => {
    a = assess(
      dvt?.case ?? { findings: ['loc-calf', 'calf-swelling', 'ex-pitting-edema', 'ex-calf-swelling-3cm', 'ex-deep-vein-tenderness'] },
    );
  });

  it('reports each kind of expectation that does not hold', () => {
    const failures = checkExpectations(a, {
      topCause: 'pad',
      inTop: { n: 1, causes: ['sciatica'] },
      notInTop: { n: 1, causes: ['dvt'] },
      above: [['tendonitis', 'dvt']],
      redFlags: ['cauda-equina'],
      noRedFlags: ['suspected-dvt'],
      redFlagUrgency: { 'suspected-dvt': 'emergency' },
      imaging: ['mri'],
      imagingUrgent: ['mri'],
      wellsDvt: { points: 0, category: 'unlikely' },
    });
    expect(failures).toHaveLength(11);
  });

  it('passes expectations that hold', () => {
    expect(
      checkExpectations(a, {
        topCause: 'dvt',
        inTop: { n: 1, causes: ['dvt'] },
        notInTop: { n: 1, causes: ['pad'] },
        above: [['dvt', 'pad']],
        redFlags: ['suspected-dvt'],
        noRedFlags: ['cauda-equina'],
        redFlagUrgency: { 'suspected-dvt': 'urgent' },
        imaging: ['doppler-ultrasound'],
        imagingUrgent: ['doppler-ultrasound'],
        wellsDvt: { category: 'likely' },
        allCauses: true,
      }),
    ).toEqual([]);
  });

  it('refuses an expectation key it does not know, so a new key is never silently ignored', () => {
    expect(() => checkExpectations(a, { topCauses: 'dvt' })).toThrow(/Unknown vignette expectation "topCauses"/);
  });
});
