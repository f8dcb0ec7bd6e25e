import { describe, expect, it } from 'vitest';
import { closingLine, reasonLines, skippedTests, type VitestReport } from '../suite/summary.ts';

/** The end of `npm test`: skipped tests are counted and explained, never dropped without a word. */

const report: VitestReport = {
  numPassedTests: 2,
  numFailedTests: 0,
  testResults: [
    {
      name: '/repo/tests/shared/clinical/vignettes.test.ts',
      assertionResults: [
        { fullName: 'vignettes no vignettes found', status: 'skipped' },
        { fullName: 'checker works', status: 'passed' },
      ],
    },
    { name: '/repo/tests/e2e/referral.test.ts', assertionResults: [{ fullName: 'composer DVT', status: 'pending' }, { fullName: 'later', status: 'todo' }] },
    { name: '/repo/tests/main/x.test.ts', assertionResults: [{ fullName: 'x', status: 'passed' }] },
  ],
};
const noShared = { sharedDir: '/elsewhere/shared', sharedPresent: false, missingTools: [] };

describe('the closing summary of npm test', () => {
  it('counts every test that did not run, by file, relative to the repository', () => {
    expect(skippedTests(report, '/repo')).toEqual([
      { file: 'tests/shared/clinical/vignettes.test.ts', name: 'vignettes no vignettes found' },
      { file: 'tests/e2e/referral.test.ts', name: 'composer DVT' },
      { file: 'tests/e2e/referral.test.ts', name: 'later' },
    ]);
  });

  it('says the skips come from a missing ../shared, where it looked and which files', () => {
    const [line, ...rest] = reasonLines(skippedTests(report, '/repo'), noShared);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^3 skipped because \.\.\/shared is not beside this repository \(looked for \/elsewhere\/shared\)/);
    expect(line).toContain('tests/shared/clinical/vignettes.test.ts, tests/e2e/referral.test.ts');
  });

  it('names the skipped tests when ../shared is there', () => {
    const [line] = reasonLines(skippedTests(report, '/repo'), { ...noShared, sharedPresent: true });
    expect(line).toBe('3 skipped, marked skip in the tests themselves: tests/shared/clinical/vignettes.test.ts › vignettes no vignettes found; tests/e2e/referral.test.ts › composer DVT; tests/e2e/referral.test.ts › later.');
  });

  it('names a missing required tool and how to install it, and says nothing when all is there', () => {
    const around = { ...noShared, sharedPresent: true, missingTools: [{ tool: 'pdftotext', install: 'apt-get install poppler-utils' }] };
    expect(reasonLines([], around)).toEqual(['pdftotext is not installed, so the tests that need it fail: apt-get install poppler-utils.']);
    expect(reasonLines([], { ...noShared, sharedPresent: true })).toEqual([]);
  });

  it('ends with the three counts in a fixed form', () => {
    expect(closingLine(401, 0, 12)).toBe('401 passed, 0 failed, 12 skipped');
  });
});
