import type { EncounterSummary } from '../../../shared/api/encounter.ts';

/** One encounter of a patient's timeline with what changed since the one before. */
export interface TimelineStep {
  readonly encounter: EncounterSummary;
  /** The top cause differs from the previous encounter's (false for the first). */
  readonly topCauseChanged: boolean;
  readonly previousTopCause: string | null;
  readonly redFlagsNew: readonly string[];
  readonly redFlagsGone: readonly string[];
}

/** Pure: oldest first in, oldest first out. */
export function timelineSteps(encounters: readonly EncounterSummary[]): TimelineStep[] {
  return encounters.map((encounter, i) => {
    const before = i > 0 ? encounters[i - 1]! : null;
    const prevFlags = new Set(before?.redFlags ?? []);
    const flags = new Set(encounter.redFlags);
    return {
      encounter,
      topCauseChanged: before !== null && before.topCause !== encounter.topCause,
      previousTopCause: before?.topCause ?? null,
      redFlagsNew: before === null ? [] : encounter.redFlags.filter((f) => !prevFlags.has(f)),
      redFlagsGone: before === null ? [] : before.redFlags.filter((f) => !flags.has(f)),
    };
  });
}
