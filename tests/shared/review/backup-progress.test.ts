import { describe, expect, it } from 'vitest';
import { megabytes, phaseWords, progressLine } from '../../../renderer/src/review/backup-progress.ts';

/** The data screen's words for a backup's or restore's progress. */

describe('progressLine', () => {
  it('shows the percentage done, rounded down, and the megabytes of both', () => {
    const MB = 1024 * 1024;
    expect(progressLine('Copying', 120 * MB, 280 * MB, 'en-US')).toBe('Copying 42% (120 of 280 MB)');
    expect(progressLine('Copying', 280 * MB - 1, 280 * MB, 'en-US')).toBe('Copying 99% (280 of 280 MB)');
    expect(progressLine('Finishing', 280 * MB, 280 * MB, 'en-US')).toBe('Finishing 100% (280 of 280 MB)');
    // Small files keep one decimal, for both numbers.
    expect(progressLine('Copying', 0, 3.4 * MB, 'en-US')).toBe('Copying 0% (0.0 of 3.4 MB)');
    expect(progressLine('Copying', 1500 * MB, 3000 * MB, 'en-US')).toBe('Copying 50% (1,500 of 3,000 MB)');
  });

  it('has no numbers for a phase that cannot be measured', () => {
    expect(progressLine('Checking the copy', null, null)).toBe('Checking the copy…');
    expect(progressLine('Copying', 0, 0)).toBe('Copying…');
  });
});

describe('phaseWords', () => {
  it('names every phase of a backup and of a restore in plain words', () => {
    expect(phaseWords('backup', 'copying').label).toBe('Copying');
    expect(phaseWords('backup', 'checking').label).toBe('Checking the copy');
    expect(phaseWords('backup', 'finishing').label).toBe('Finishing');
    expect(phaseWords('restore', 'copying').label).toBe('Copying the backup');
    expect(phaseWords('restore', 'validating').label).toBe('Checking the backup');
    expect(phaseWords('restore', 'swapping').label).toBe('Putting the backup in place');
    for (const [op, phase] of [['backup', 'copying'], ['restore', 'validating']] as const) expect(phaseWords(op, phase).detail).not.toBe('');
    expect(phaseWords('backup', null).label).toBe('Starting');
  });

  it('formats megabytes with the scale of the total', () => {
    expect(megabytes(512 * 1024, 20 * 1024 * 1024, 'en-US')).toBe('1');
    expect(megabytes(512 * 1024, undefined, 'en-US')).toBe('0.5');
  });
});
