/**
 * The areas `npm run mutate` mutates: the code where a silent mistake harms a patient or a record
 * (issue 16). Each area names the source files Stryker mutates and the test files that guard them;
 * only those tests run against the area's mutants, so one area takes minutes on two cores.
 * Test files that check their code in a child process (the assess command, crash tests) are left
 * out: a mutant is switched on inside Stryker's own test process and never reaches a child.
 */
export interface MutationArea {
  readonly name: string;
  /** What a surviving mutant here could do to a patient or a record. */
  readonly why: string;
  /** Source files to mutate (globs from the repository root). */
  readonly mutate: readonly string[];
  /** The vitest files run against this area's mutants. */
  readonly tests: readonly string[];
}

const clinicalTests = [
  'tests/shared/clinical/engine.test.ts',
  'tests/shared/clinical/knowledge-base.test.ts',
  'tests/shared/clinical/properties.test.ts',
  'tests/shared/clinical/safety-properties.test.ts',
  // In-process: the assess command's vignette test (vignettes.test.ts) spawns a child, which never runs a mutant.
  'tests/shared/clinical/vignettes-in-process.test.ts',
  'tests/shared/clinical/report.test.ts',
  'tests/shared/clinical/boundaries.test.ts',
  'tests/shared/clinical/engine-edges.test.ts',
  // Type-ahead over the findings (engine/search.ts).
  'tests/shared/clinical/search.test.ts',
];

export const areas: readonly MutationArea[] = [
  {
    name: 'engine',
    why: 'a wrong rank, red flag, Wells score or suggestion misleads the clinician about this patient',
    mutate: ['shared/clinical/engine/**/*.ts'],
    tests: clinicalTests,
  },
  {
    name: 'kb',
    why: 'a red-flag criterion or a suggestion condition that never fires hides an emergency',
    mutate: ['shared/clinical/kb/redFlags.ts', 'shared/clinical/kb/suggestions.ts', 'shared/clinical/kb/dvt.ts', 'shared/clinical/kb/mustNotMiss.ts', 'shared/clinical/kb/wells.ts'],
    tests: clinicalTests,
  },
  {
    name: 'store',
    why: 'a save that overwrites another, a signature that does not lock, or an audit log that hides tampering loses a record',
    mutate: [
      'electron/main/services/encounter.ts',
      'electron/main/store/encounters.ts',
      'electron/main/store/audit.ts',
      'electron/main/store/audit-verify.ts',
      'electron/main/store/audit-seal.ts',
      'electron/main/store/content-hash.ts',
    ],
    tests: [
      'tests/main/contract.test.ts',
      'tests/main/store/audit.test.ts',
      'tests/main/store/audit-content.test.ts',
      'tests/main/store/revision-writes.test.ts',
      'tests/main/review/review.test.ts',
    ],
  },
  {
    name: 'bridge',
    why: 'a bridge that lets a call through without the right token exposes patient records to any local program',
    mutate: ['electron/main/bridge/server.ts'],
    tests: ['tests/main/bridge/server.test.ts', 'tests/main/bridge/server-lifecycle.test.ts'],
  },
  {
    name: 'referral',
    why: 'a letter with the wrong priority or missing content sends the patient down the wrong pathway',
    mutate: [
      'shared/api/referral.ts',
      'electron/main/referral/document.ts',
      'electron/main/referral/correspondence.ts',
      'electron/main/referral/clinical-sections.ts',
      'electron/main/referral/citations.ts',
      'electron/main/referral/layout.ts',
      'electron/main/referral/draft-mark.ts',
    ],
    tests: [
      'tests/main/referral/document.test.ts',
      'tests/main/referral/letter-layout.test.ts',
      'tests/main/referral/stored-choices.test.ts',
      'tests/main/referral/wells-letter.test.ts',
      'tests/main/referral/citations.test.ts',
      'tests/main/referral/letter-emphasis.test.ts',
      'tests/main/referral/letter-fallbacks.test.ts',
      'tests/main/referral/layout-rules.test.ts',
      'tests/main/referral/letter-signature-basis.test.ts',
      'tests/shared/api/referral-options.test.ts',
      'tests/shared/api/referral-files.test.ts',
      // referralFileName; its other tests render in the worker thread, out of the mutants' reach.
      'tests/main/referral/save-as.test.ts',
      // suggestPriority: an emergency anywhere makes the referral an emergency.
      'tests/shared/clinical/safety-properties.test.ts',
    ],
  },
];

export function areaNamed(name: string): MutationArea {
  const area = areas.find((a) => a.name === name);
  if (area === undefined) throw new Error(`No mutation area "${name}": the areas are ${areas.map((a) => a.name).join(', ')}.`);
  return area;
}
