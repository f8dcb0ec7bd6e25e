import { describe, expect, it } from 'vitest';
import { Assessment } from '../../../shared/clinical/assessment.ts';
import { assessForStorage } from '../../../shared/clinical/index.ts';
import { checkExpectations, loadVignettes, vignetteDirs } from './helpers.ts';

/**
 * Every vignette's expectations, checked on the engine in this process, as the workspace and the
 * store run it. vignettes.test.ts checks the same cases through the assess command; this file is
 * what mutation testing can see (a mutant is switched on in the test's process, never in a child
 * it spawns; tests/mutation/areas.ts), and it is the quicker signal when a vignette breaks.
 */
const vignettes = loadVignettes();

describe('clinical vignettes (../shared/vignettes, ../shared/vignettes-v2) assessed in this process', () => {
  for (const dir of vignetteDirs) {
    if (loadVignettes([dir]).length === 0) it.skip(`no vignettes found at ${dir}: skipped`, () => {});
  }
  if (vignettes.length === 0) return;

  it.each(vignettes.map((v) => [v.file, v] as const))('%s', (_file, vignette) => {
    const assessment = Assessment.parse(assessForStorage(vignette.case));
    expect(checkExpectations(assessment, { ...vignette.expect, allCauses: true })).toEqual([]);
  });
});
