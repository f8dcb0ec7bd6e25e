import { describe, expect, it } from 'vitest';
import type { EncounterSummary } from '../../../shared/api/encounter.ts';
import { snippetParts } from '../../../renderer/src/review/highlight.ts';
import { parseReviewPath, reviewHash, type ReviewRoute } from '../../../renderer/src/review/routes.ts';
import { timelineSteps } from '../../../renderer/src/review/timeline.ts';

/** The pure parts of the review screens (they run in the renderer, and here under Node). */

describe('snippetParts', () => {
  it('marks the words the store wrapped in [[ ]], keeping everything else as plain text', () => {
    expect(snippetParts('Pain in the [[calf]] after [[tennis]]…')).toEqual([
      { text: 'Pain in the ', match: false },
      { text: 'calf', match: true },
      { text: ' after ', match: false },
      { text: 'tennis', match: true },
      { text: '…', match: false },
    ]);
    expect(snippetParts('<b>no markup</b> [[x]]')).toEqual([
      { text: '<b>no markup</b> ', match: false },
      { text: 'x', match: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('review routes', () => {
  it('round-trips every review address, including identifiers with spaces and slashes', () => {
    const routes: ReviewRoute[] = [
      { name: 'history' },
      { name: 'data' },
      { name: 'review', id: 'a1b2-c3' },
      { name: 'patient', identifier: 'MRN 004/211' },
    ];
    for (const r of routes) expect(parseReviewPath(reviewHash(r).slice(1))).toEqual(r);
    expect(parseReviewPath('/encounter/x')).toBeNull();
    expect(parseReviewPath('/review/')).toBeNull();
  });
});

describe('timelineSteps', () => {
  const summary = (id: string, topCause: string | null, redFlags: string[]): EncounterSummary => ({
    id,
    seenAt: '2026-01-01T00:00:00.000Z',
    patientName: 'A',
    patientIdentifier: 'MRN 1',
    status: 'signed',
    topCause,
    workingDiagnosis: null,
    redFlags,
  });

  it('says when the top cause changed and which red flags are new or gone since the encounter before', () => {
    const steps = timelineSteps([summary('1', 'muscle-strain', []), summary('2', 'dvt', ['suspected-dvt']), summary('3', 'dvt', [])]);
    expect(steps.map((s) => [s.topCauseChanged, s.previousTopCause, s.redFlagsNew, s.redFlagsGone])).toEqual([
      [false, null, [], []],
      [true, 'muscle-strain', ['suspected-dvt'], []],
      [false, 'dvt', [], ['suspected-dvt']],
    ]);
  });
});
