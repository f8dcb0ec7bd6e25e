import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Encounter, EncounterStatus } from '../../../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../../../shared/clinical/assessment.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';
import { ageAtVisit } from '../../common/lib/dates.ts';
import { absentIds, blankCopy, copyFromEncounter, presentIds, type FindingState, type Side, type WorkingCopy } from '../../common/lib/workingCopy.ts';
import { useEncounterMirrorStore } from './mirror.ts';
import { useEncounterSaveStore } from './save.ts';

/**
 * The encounter being documented: the stored record it was opened from and the working copy the
 * screen edits, with the edits a finding, the body map or the side make. Every change of the
 * working copy is an edit for useEncounterSaveStore to store; useEncounterMirrorStore keeps it in
 * the browser until then.
 */
export const useEncounterStore = defineStore('encounter', () => {
  const save = useEncounterSaveStore();
  const mirror = useEncounterMirrorStore();

  const id = ref<string | null>(null);
  const baseRevision = ref<number | null>(null);
  const status = ref<EncounterStatus>('draft');
  const signedAt = ref<string | null>(null);
  const signedBy = ref<string | null>(null);
  const storedAssessment = shallowRef<StoredAssessment | null>(null);
  const copy = ref<WorkingCopy>(blankCopy());
  const loading = ref(false);
  const loadError = ref<PlainError | null>(null);

  let applying = false;
  /** The encounter being fetched: a second call for the same id joins it; a later one for another id wins. */
  let opening: { id: string; promise: Promise<void> } | null = null;

  const readOnly = computed(() => status.value === 'signed');
  const isOpen = computed(() => id.value !== null);
  const findings = computed(() => presentIds(copy.value));
  const absent = computed(() => absentIds(copy.value));
  const age = computed(() => ageAtVisit(copy.value.patient.birthDate, copy.value.seenAt));

  // Every change of the working copy, from any input, is an edit to save.
  watch(
    copy,
    () => {
      if (!applying) save.touch();
    },
    { deep: true, flush: 'sync' },
  );

  function setCopy(next: WorkingCopy): void {
    applying = true;
    try {
      copy.value = next;
    } finally {
      applying = false;
    }
  }

  function reset(): void {
    opening = null;
    save.clear();
    mirror.clear();
    setCopy(blankCopy());
    id.value = null;
    baseRevision.value = null;
    status.value = 'draft';
    signedAt.value = null;
    signedBy.value = null;
    storedAssessment.value = null;
    loadError.value = null;
  }

  /** Shows a stored revision: the working copy is what was stored, with nothing left to save. */
  function applyServer(e: Encounter): void {
    setCopy(copyFromEncounter(e));
    id.value = e.id;
    baseRevision.value = e.revision;
    status.value = e.status;
    signedAt.value = e.signedAt;
    signedBy.value = e.signedBy;
    storedAssessment.value = e.assessment;
    save.stored(e.savedAt);
  }

  /** Opens an encounter by id (from the URL, the start screen or after creating it). */
  function open(targetId: string): Promise<void> {
    if (id.value === targetId && !loadError.value) return Promise.resolve();
    if (opening?.id === targetId) return opening.promise;
    if (id.value !== null && save.hasUnsentEdits()) {
      mirror.writeNow();
      void save.flush();
    }
    reset();
    loading.value = true;
    const promise = (async () => {
      try {
        const e = await api.encounter.get({ id: targetId });
        if (opening?.id !== targetId) return;
        applyServer(e);
        mirror.restore(e);
      } catch (err) {
        if (opening?.id === targetId) loadError.value = plainError(err);
      } finally {
        if (opening?.id === targetId) {
          opening = null;
          loading.value = false;
        }
      }
    })();
    opening = { id: targetId, promise };
    return promise;
  }

  /** Creates the encounter in the store; resolves to its id, or to the error to show. */
  async function create(start: Pick<WorkingCopy, 'seenAt' | 'patient' | 'clinician'>): Promise<{ id: string } | { error: PlainError }> {
    reset();
    setCopy({ ...blankCopy(start.seenAt), patient: { ...start.patient }, clinician: start.clinician });
    save.startNew();
    const ok = await save.flush();
    if (ok && id.value) return { id: id.value };
    return { error: save.saveError ?? { code: 'internal', message: 'The encounter could not be created.' } };
  }

  function findingState(findingId: string): FindingState | null {
    return copy.value.findings[findingId] ?? null;
  }

  function setFinding(findingId: string, state: FindingState | null): void {
    if (readOnly.value) return;
    if (state === null) delete copy.value.findings[findingId];
    else copy.value.findings[findingId] = state;
  }

  /**
   * The body map: a region on one side records its location finding and the side of the pain.
   * Marking the second leg makes the pain "both" sides and bilateral; the distribution finding is
   * set from the side unless the clinician recorded it otherwise.
   */
  function toggleRegion(locationId: string, side: 'left' | 'right'): void {
    if (readOnly.value) return;
    const c = copy.value;
    const current = c.pain.side;
    const marked = c.findings[locationId] === 'present' && (current === side || current === 'both');
    let next: Side | null = current;
    if (marked) {
      if (current === 'both') next = side === 'left' ? 'right' : 'left';
      else {
        delete c.findings[locationId];
        return;
      }
    } else {
      c.findings[locationId] = 'present';
      next = current === null || current === side ? side : 'both';
    }
    c.pain.side = next;
    applySideToDistribution(next);
  }

  function applySideToDistribution(side: Side | null): void {
    const f = copy.value.findings;
    if (side === 'both') {
      if (f['unilateral'] === 'present') delete f['unilateral'];
      if (f['bilateral'] !== 'absent') f['bilateral'] = 'present';
    } else if (side !== null) {
      if (f['bilateral'] === 'present') delete f['bilateral'];
      if (f['unilateral'] !== 'absent') f['unilateral'] = 'present';
    }
  }

  /** The side chosen in the pain details: same effect on distribution as the body map. */
  function setSide(side: Side | null): void {
    if (readOnly.value) return;
    copy.value.pain.side = side;
    applySideToDistribution(side);
  }

  return {
    id,
    baseRevision,
    status,
    signedAt,
    signedBy,
    storedAssessment,
    copy,
    loading,
    loadError,
    readOnly,
    isOpen,
    findings,
    absent,
    age,
    open,
    create,
    reset,
    applyServer,
    findingState,
    setFinding,
    toggleRegion,
    setSide,
  };
});
