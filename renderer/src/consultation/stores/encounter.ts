import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw, watch } from 'vue';
import { EncounterDraft, type Encounter, type EncounterStatus } from '../../../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../../../shared/clinical/assessment.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';
import { ageAtVisit } from '../../common/lib/dates.ts';
import { clearMirror, clearRecovered, readMirror, readRecovered, writeMirror, writeRecovered, type Mirror } from '../../common/lib/mirror.ts';
import {
  absentIds,
  blankCopy,
  copyFromEncounter,
  presentIds,
  sameContent,
  toDraft,
  type FindingState,
  type Side,
  type WorkingCopy,
} from '../../common/lib/workingCopy.ts';

/** The pause after the last keystroke before a save is sent: about a second from edit to stored. */
export const SAVE_DELAY_MS = 600;
const MIRROR_DELAY_MS = 150;
const RETRY_MAX_MS = 30_000;

/**
 * - idle: nothing open; pending: edits waiting for the pause; saving: a save is on its way;
 * - saved: the store has everything typed; invalid: a field must be corrected first;
 * - error: the service did not take it (retried automatically); conflict / locked: needs the clinician.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict' | 'locked';

/**
 * The encounter being documented: the working copy the screen edits, and the save queue that
 * stores it. Every change becomes a new revision shortly after typing stops; edits made while a
 * save is on its way go in the next one, based on the revision that save returned. Nothing typed
 * is dropped: until the store confirms it, the working copy is mirrored in local storage, and on a
 * conflict the clinician decides, with their text kept.
 */
export const useEncounterStore = defineStore('encounter', () => {
  const id = ref<string | null>(null);
  const baseRevision = ref<number | null>(null);
  const status = ref<EncounterStatus>('draft');
  const signedAt = ref<string | null>(null);
  const signedBy = ref<string | null>(null);
  const storedAssessment = shallowRef<StoredAssessment | null>(null);
  const copy = ref<WorkingCopy>(blankCopy());
  const loading = ref(false);
  const loadError = ref<PlainError | null>(null);
  const saveState = ref<SaveState>('idle');
  const saveError = ref<PlainError | null>(null);
  /** Validation messages by field path ("patient.birthDate"), shown next to the field. */
  const fieldErrors = ref<Record<string, string>>({});
  const lastSavedAt = ref<string | null>(null);
  /** A copy of typed text set aside (after a conflict, or found stale on reopening). */
  const recovered = ref<Mirror | null>(null);
  /** Set when unsaved edits from before a reload were put back; the time they were made. */
  const restoredFrom = ref<number | null>(null);
  /** Why the clinician was kept on this encounter when asking to leave it (its last edits are not stored). */
  const leaveRefused = ref<PlainError | null>(null);

  let editVersion = 0;
  let savedVersion = 0;
  let editedAt = 0;
  let applying = false;
  let sending = false;
  /** The edit version the save on its way holds. */
  let sendingVersion = 0;
  let inFlight: Promise<boolean> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let mirrorTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;
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
      if (!applying) touch();
    },
    { deep: true, flush: 'sync' },
  );

  function touch(): void {
    if (readOnly.value) return;
    editVersion++;
    editedAt = Date.now();
    scheduleMirror();
    if (saveState.value === 'conflict' || saveState.value === 'locked') return;
    saveState.value = 'pending';
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }

  function scheduleMirror(): void {
    mirrorTimer ??= setTimeout(writeMirrorNow, MIRROR_DELAY_MS);
  }

  function writeMirrorNow(): void {
    clearTimeout(mirrorTimer);
    mirrorTimer = undefined;
    // Before the encounter exists the start form keeps its own copy.
    if (id.value === null || readOnly.value || (editVersion === savedVersion && !sending)) return;
    writeMirror(id.value, { baseRevision: baseRevision.value, inFlight: sending, editedAt, copy: toRaw(copy.value) });
  }

  // The page may go away at any moment (reload, window closed): write the mirror now.
  window.addEventListener('pagehide', writeMirrorNow);
  window.addEventListener('beforeunload', (event) => {
    if (!sendBeforeUnload()) event.preventDefault();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') writeMirrorNow();
  });

  const unsaved = (): boolean => id.value !== null && !readOnly.value && (editVersion !== savedVersion || sending);

  /**
   * The page is about to be reloaded or closed: the last edits are sent now, while the page still
   * can (the loopback transport sends saves with keepalive, so the request outlives the page; the
   * desktop app's main process receives it as any other). False when they cannot go now: a save
   * is already on its way and more was typed since, or saving fails. The page then asks before
   * going (the desktop app asks in its own dialog), and the mirror keeps the text either way.
   */
  function sendBeforeUnload(): boolean {
    if (!unsaved()) return true;
    writeMirrorNow();
    if (inFlight !== null) return editVersion === sendingVersion;
    if (saveState.value === 'conflict' || saveState.value === 'locked') return false;
    // After a failed save, this try may fail too: the clinician is asked either way.
    const failing = saveState.value === 'error' || saveState.value === 'invalid';
    void flush();
    // flush() sends the save before its first pause; a copy it refused is marked invalid already.
    return !failing && saveState.value === 'saving';
  }

  /**
   * Before another screen replaces this encounter: stores what is pending and waits for the store
   * to confirm it. False, with the reason in leaveRefused, when it could not be stored: the
   * encounter then stays on screen with everything typed.
   */
  async function leave(): Promise<boolean> {
    leaveRefused.value = null;
    if (!unsaved() && saveState.value !== 'error' && saveState.value !== 'invalid') return true;
    if (await saveNow()) return true;
    leaveRefused.value = saveError.value ?? { code: 'invalid', message: 'Correct the marked fields first.' };
    return false;
  }

  /** Saves until the store has every edit; false when something needs the clinician first. */
  async function flush(): Promise<boolean> {
    clearTimeout(saveTimer);
    for (;;) {
      if (inFlight) {
        await inFlight;
        continue;
      }
      if (saveState.value === 'conflict' || saveState.value === 'locked') return false;
      if (editVersion === savedVersion) {
        if (id.value !== null && saveState.value !== 'invalid') saveState.value = 'saved';
        return saveState.value !== 'invalid';
      }
      inFlight = saveOnce().finally(() => {
        inFlight = null;
      });
      if (!(await inFlight)) return false;
    }
  }

  async function saveOnce(): Promise<boolean> {
    const version = editVersion;
    const draft = toDraft(copy.value);
    const input = id.value === null ? draft : { ...draft, id: id.value, baseRevision: baseRevision.value ?? undefined };
    const parsed = EncounterDraft.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
      fieldErrors.value = errors;
      const first = parsed.error.issues[0]!;
      saveError.value = { code: 'invalid', message: first.message, path: first.path.join('.') };
      saveState.value = 'invalid';
      return false;
    }
    fieldErrors.value = {};
    saveState.value = 'saving';
    sending = true;
    sendingVersion = version;
    writeMirrorNow();
    try {
      const saved = await api.encounter.save(input);
      sending = false;
      id.value = saved.id;
      baseRevision.value = saved.revision;
      storedAssessment.value = saved.assessment;
      savedVersion = version;
      lastSavedAt.value = new Date().toISOString();
      saveError.value = null;
      leaveRefused.value = null;
      retryDelay = 1000;
      if (editVersion === savedVersion) {
        clearMirror(saved.id);
        saveState.value = 'saved';
      } else {
        writeMirrorNow();
        saveState.value = 'pending';
      }
      return true;
    } catch (e) {
      sending = false;
      writeMirrorNow();
      const error = plainError(e);
      saveError.value = error;
      if (error.code === 'conflict') saveState.value = 'conflict';
      else if (error.code === 'locked') saveState.value = 'locked';
      else if (error.code === 'invalid') {
        saveState.value = 'invalid';
        if (error.path) fieldErrors.value = { [error.path]: error.message };
      } else {
        saveState.value = 'error';
        if (error.code !== 'not-found') scheduleRetry();
      }
      return false;
    }
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (saveState.value === 'error') void flush();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

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
    clearTimeout(saveTimer);
    clearTimeout(retryTimer);
    clearTimeout(mirrorTimer);
    mirrorTimer = undefined;
    setCopy(blankCopy());
    id.value = null;
    baseRevision.value = null;
    status.value = 'draft';
    signedAt.value = null;
    signedBy.value = null;
    storedAssessment.value = null;
    loadError.value = null;
    saveState.value = 'idle';
    saveError.value = null;
    fieldErrors.value = {};
    lastSavedAt.value = null;
    recovered.value = null;
    restoredFrom.value = null;
    leaveRefused.value = null;
    editVersion = 0;
    savedVersion = 0;
  }

  function applyServer(e: Encounter): void {
    setCopy(copyFromEncounter(e));
    id.value = e.id;
    baseRevision.value = e.revision;
    status.value = e.status;
    signedAt.value = e.signedAt;
    signedBy.value = e.signedBy;
    storedAssessment.value = e.assessment;
    lastSavedAt.value = e.savedAt;
    editVersion = 0;
    savedVersion = 0;
    saveState.value = 'saved';
    saveError.value = null;
    fieldErrors.value = {};
  }

  function setAside(m: Mirror): void {
    recovered.value = m;
    if (id.value) writeRecovered(id.value, m);
  }

  /** Puts back edits made before a reload when they are newer than the stored revision. */
  function restoreMirror(e: Encounter): void {
    recovered.value = readRecovered(e.id);
    const m = readMirror(e.id);
    if (!m) return;
    clearMirror(e.id);
    if (sameContent(m.copy, copyFromEncounter(e))) return;
    // Based on the latest revision, or on the one before while its own save was on the way (that
    // save became the latest revision, and the copy holds it plus what was typed after).
    const current = m.baseRevision === e.revision || (m.inFlight && m.baseRevision !== null && m.baseRevision + 1 === e.revision);
    if (current && e.status === 'draft') {
      copy.value = m.copy; // an edit: saved as the next revision
      editedAt = m.editedAt;
      restoredFrom.value = m.editedAt;
    } else {
      setAside(m);
    }
  }

  /** Opens an encounter by id (from the URL, the start screen or after creating it). */
  function open(targetId: string): Promise<void> {
    if (id.value === targetId && !loadError.value) return Promise.resolve();
    if (opening?.id === targetId) return opening.promise;
    if (id.value !== null && editVersion !== savedVersion) {
      writeMirrorNow();
      void flush();
    }
    reset();
    loading.value = true;
    const promise = (async () => {
      try {
        const e = await api.encounter.get({ id: targetId });
        if (opening?.id !== targetId) return;
        applyServer(e);
        restoreMirror(e);
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
    editVersion = 1;
    editedAt = Date.now();
    const ok = await flush();
    if (ok && id.value) return { id: id.value };
    return { error: saveError.value ?? { code: 'internal', message: 'The encounter could not be created.' } };
  }

  /** Sends what is pending now (Ctrl+S), instead of waiting for the pause. */
  function saveNow(): Promise<boolean> {
    if (saveState.value === 'error' || saveState.value === 'invalid') saveState.value = 'pending';
    return flush();
  }

  /** After a conflict: keep a copy of what was typed, then show the latest stored revision. */
  async function reloadLatest(): Promise<PlainError | null> {
    if (!id.value) return null;
    const aside: Mirror = { baseRevision: baseRevision.value, inFlight: false, editedAt: editedAt || Date.now(), copy: structuredClone(toRaw(copy.value)) };
    try {
      const e = await api.encounter.get({ id: id.value });
      setAside(aside);
      clearMirror(e.id);
      applyServer(e);
      return null;
    } catch (err) {
      return plainError(err);
    }
  }

  /** After a conflict: store what is on screen as the newest revision (older ones stay in the history). */
  async function keepMine(): Promise<PlainError | null> {
    if (!id.value) return null;
    try {
      const e = await api.encounter.get({ id: id.value });
      if (e.status === 'signed') {
        saveState.value = 'locked';
        return { code: 'locked', message: 'This encounter has been signed meanwhile; your text is kept below.' };
      }
      baseRevision.value = e.revision;
      saveState.value = 'pending';
      saveError.value = null;
      editVersion++;
      return (await flush()) ? null : saveError.value;
    } catch (err) {
      return plainError(err);
    }
  }

  function dismissRecovered(): void {
    recovered.value = null;
    if (id.value) clearRecovered(id.value);
  }

  /** Saves what is pending, then signs and locks the encounter. */
  async function sign(): Promise<PlainError | null> {
    if (!id.value) return { code: 'invalid', message: 'Start the encounter before signing it.' };
    if (!(await flush())) {
      return saveError.value ?? { code: 'invalid', message: 'Correct the marked fields before signing.' };
    }
    try {
      const e = await api.encounter.sign({ id: id.value, baseRevision: baseRevision.value! });
      applyServer(e);
      // Signed: nothing typed here is pending any more, and a copy set aside is not kept past signing
      // (the sign dialog says so while one is shown).
      clearMirror(e.id);
      dismissRecovered();
      return null;
    } catch (err) {
      return plainError(err);
    }
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
    saveState,
    saveError,
    fieldErrors,
    lastSavedAt,
    recovered,
    restoredFrom,
    leaveRefused,
    readOnly,
    isOpen,
    findings,
    absent,
    age,
    open,
    create,
    reset,
    saveNow,
    flush,
    leave,
    reloadLatest,
    keepMine,
    dismissRecovered,
    sign,
    findingState,
    setFinding,
    toggleRegion,
    setSide,
  };
});
