/**
 * The end of `npm test`'s output: what was skipped and why, then the closing line
 * `N passed, N failed, N skipped`, always the last line. Pure, so its wording is tested with made-up
 * reports (tests/main/suite-summary.test.ts).
 */

/** The part of vitest's JSON report read here. */
export interface VitestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly fullName: string; readonly status: string }[] }[];
}

export interface SkippedTest {
  readonly file: string;
  readonly name: string;
}

/** What the suite needs from outside the repository, as found on this machine. */
export interface Surroundings {
  /** ../shared beside the repository: the public vignettes, the vocabulary and the source text. */
  readonly sharedDir: string;
  readonly sharedPresent: boolean;
  /** Required programs that are not installed, with the package that brings each. */
  readonly missingTools: readonly { readonly tool: string; readonly install: string }[];
}

/** Statuses vitest gives a test that did not run (it.skip, skipIf, todo). */
const NOT_RUN = new Set(['skipped', 'pending', 'todo', 'disabled']);

export function skippedTests(report: VitestReport, repoRoot: string): SkippedTest[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => NOT_RUN.has(t.status))
      .map((t) => ({ file: file.name.startsWith(`${repoRoot}/`) ? file.name.slice(repoRoot.length + 1) : file.name, name: t.fullName })),
  );
}

/**
 * One line per reason, read before the closing line: why tests were skipped, and which required
 * tools are missing (those make tests fail, never skip).
 */
export function reasonLines(skipped: readonly SkippedTest[], around: Surroundings): string[] {
  const lines: string[] = [];
  if (skipped.length > 0) {
    const files = [...new Set(skipped.map((s) => s.file))].join(', ');
    if (!around.sharedPresent) {
      lines.push(
        `${skipped.length} skipped because ../shared is not beside this repository (looked for ${around.sharedDir}): ` +
          `the tests on the public vignettes, the vocabulary and the source text need it (in ${files}).`,
      );
    } else {
      const names = skipped.slice(0, 5).map((s) => `${s.file} › ${s.name}`);
      lines.push(`${skipped.length} skipped, marked skip in the tests themselves: ${names.join('; ')}${skipped.length > 5 ? '; …' : ''}.`);
    }
  }
  for (const { tool, install } of around.missingTools) lines.push(`${tool} is not installed, so the tests that need it fail: ${install}.`);
  return lines;
}

export const closingLine = (passed: number, failed: number, skipped: number): string => `${passed} passed, ${failed} failed, ${skipped} skipped`;
