import { defineStore } from 'pinia';
import { ref, toRaw } from 'vue';
import type { Encounter } from '../../../../shared/api/encounter.ts';
import { clearMirror, clearRecovered, readMirror, readRecovered, writeMirror, writeRecovered, type Mirror } from '../../common/lib/mirror.ts';
import { copyFromEncounter, sameContent } from '../../common/lib/workingCopy.ts';
import { useEncounterStore } from './encounter.ts';
import { useEncounterSaveStore } from './save.ts';

const MIRROR_DELAY_MS = 150;

/**
 * The open encounter's working copy kept in this browser until the store confirms it, so that a
 * reload, a crash of the page or an unreachable service never loses a word; edits from before a
 * reload put back, and a copy set aside (after a conflict, or found stale on reopening) shown until
 * the clinician dismisses it.
 */
export const useEncounterMirrorStore = defineStore('encounterMirror', () => {
  const encounter = useEncounterStore();
  const save = useEncounterSaveStore();

  /** A copy of typed text set aside (after a conflict, or found stale on reopening). */
  const recovered = ref<Mirror | null>(null);
  /** Set when unsaved edits from before a reload were put back; the time they were made. */
  const restoredFrom = ref<number | null>(null);

  let mirrorTimer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    mirrorTimer ??= setTimeout(writeNow, MIRROR_DELAY_MS);
  }

  function writeNow(): void {
    clearTimeout(mirrorTimer);
    mirrorTimer = undefined;
    // Before the encounter exists the start form keeps its own copy.
    if (!save.unsaved()) return;
    const { inFlight, editedAt } = save.progress();
    writeMirror(encounter.id!, { baseRevision: encounter.baseRevision, inFlight, editedAt, copy: toRaw(encounter.copy) });
  }

  // The page may go away at any moment (reload, window closed): write the mirror now.
  window.addEventListener('pagehide', writeNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') writeNow();
  });

  function setAside(m: Mirror): void {
    recovered.value = m;
    if (encounter.id) writeRecovered(encounter.id, m);
  }

  /** Puts back edits made before a reload when they are newer than the stored revision. */
  function restore(e: Encounter): void {
    recovered.value = readRecovered(e.id);
    const m = readMirror(e.id);
    if (!m) return;
    clearMirror(e.id);
    if (sameContent(m.copy, copyFromEncounter(e))) return;
    // Based on the latest revision, or on the one before while its own save was on the way (that
    // save became the latest revision, and the copy holds it plus what was typed after).
    const current = m.baseRevision === e.revision || (m.inFlight && m.baseRevision !== null && m.baseRevision + 1 === e.revision);
    if (current && e.status === 'draft') {
      encounter.copy = m.copy; // an edit: saved as the next revision
      save.setEditedAt(m.editedAt);
      restoredFrom.value = m.editedAt;
    } else {
      setAside(m);
    }
  }

  function dismissRecovered(): void {
    recovered.value = null;
    if (encounter.id) clearRecovered(encounter.id);
  }

  /** Nothing open any more. */
  function clear(): void {
    clearTimeout(mirrorTimer);
    mirrorTimer = undefined;
    recovered.value = null;
    restoredFrom.value = null;
  }

  return { recovered, restoredFrom, schedule, writeNow, setAside, restore, dismissRecovered, clear };
});
