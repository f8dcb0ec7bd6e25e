import { defineStore } from 'pinia';
import { ref, toRaw } from 'vue';
import { api, plainError, type PlainError } from '../../common/api.ts';
import { draftSchema, loadDraftSchema } from '../../common/lib/draft-schema.ts';
import { clearMirror, type Mirror } from '../../common/lib/mirror.ts';
import { toDraft } from '../../common/lib/workingCopy.ts';
import { useEncounterStore } from './encounter.ts';
import { useEncounterMirrorStore } from './mirror.ts';

/** The pause after the last keystroke before a save is sent: about a second from edit to stored. */
export const SAVE_DELAY_MS = 600;
const RETRY_MAX_MS = 30_000;

/**
 * - idle: nothing open; pending: edits waiting for the pause; saving: a save is on its way;
 * - saved: the store has everything typed; invalid: a field must be corrected first;
 * - error: the service did not take it (retried automatically); conflict / locked: needs the clinician.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict' | 'locked';

/**
 * Storing the open encounter: the save queue. Every change becomes a new revision shortly after
 * typing stops; edits made while a save is on its way go in the next one, based on the revision
 * that save returned. A failed save is retried; on a conflict the clinician decides, with their
 * text kept (useEncounterMirrorStore keeps it in the browser until the store confirms it).
 */
export const useEncounterSaveStore = defineStore('encounterSave', () => {
  const encounter = useEncounterStore();
  const mirror = useEncounterMirrorStore();

  const saveState = ref<SaveState>('idle');
  const saveError = ref<PlainError | null>(null);
  /** Validation messages by field path ("patient.birthDate"), shown next to the field. */
  const fieldErrors = ref<Record<string, string>>({});
  const lastSavedAt = ref<string | null>(null);
  /** Why the clinician was kept on this encounter when asking to leave it (its last edits are not stored). */
  const leaveRefused = ref<PlainError | null>(null);

  let editVersion = 0;
  let savedVersion = 0;
  let editedAt = 0;
  let sending = false;
  /** The edit version the save on its way holds. */
  let sendingVersion = 0;
  let inFlight: Promise<boolean> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;

  window.addEventListener('beforeunload', (event) => {
    if (!sendBeforeUnload()) event.preventDefault();
  });

  /** The working copy changed: an edit to save after the pause. */
  function touch(): void {
    if (encounter.readOnly) return;
    editVersion++;
    editedAt = Date.now();
    mirror.schedule();
    void loadDraftSchema();
    if (saveState.value === 'conflict' || saveState.value === 'locked') return;
    saveState.value = 'pending';
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }

  /** Edits the store has not confirmed: not sent yet, or on their way. */
  const unsaved = (): boolean => encounter.id !== null && !encounter.readOnly && (editVersion !== savedVersion || sending);
  /** Edits not yet sent (a save on its way does not count). */
  const hasUnsentEdits = (): boolean => editVersion !== savedVersion;
  /** Whether a save is on its way, and when the copy was last edited: what the mirror records. */
  const progress = (): { inFlight: boolean; editedAt: number } => ({ inFlight: sending, editedAt });
  /** Edits put back from the browser's copy keep the time they were made. */
  function setEditedAt(at: number): void {
    editedAt = at;
  }

  /**
   * The page is about to be reloaded or closed: the last edits are sent now, while the page still
   * can (the loopback transport sends saves with keepalive, so the request outlives the page; the
   * desktop app's main process receives it as any other). False when they cannot go now: a save
   * is already on its way and more was typed since, or saving fails. The page then asks before
   * going (the desktop app asks in its own dialog), and the mirror keeps the text either way.
   */
  function sendBeforeUnload(): boolean {
    if (!unsaved()) return true;
    mirror.writeNow();
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
  function leave(): true | Promise<boolean> {
    leaveRefused.value = null;
    // Nothing to store: answered at once, so the screen changes without a pause (route.ts).
    if (!unsaved() && saveState.value !== 'error' && saveState.value !== 'invalid') return true;
    return storeBeforeLeaving();
  }

  async function storeBeforeLeaving(): Promise<boolean> {
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
        if (encounter.id !== null && saveState.value !== 'invalid') saveState.value = 'saved';
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
    const draft = toDraft(encounter.copy);
    const input = encounter.id === null ? draft : { ...draft, id: encounter.id, baseRevision: encounter.baseRevision ?? undefined };
    // Checked here when the schema has arrived (draft-schema.ts), else by the main process.
    void loadDraftSchema();
    const parsed = draftSchema()?.safeParse(input);
    if (parsed !== undefined && !parsed.success) {
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
    mirror.writeNow();
    try {
      const saved = await api.encounter.save(input);
      sending = false;
      encounter.id = saved.id;
      encounter.baseRevision = saved.revision;
      encounter.storedAssessment = saved.assessment;
      savedVersion = version;
      lastSavedAt.value = new Date().toISOString();
      saveError.value = null;
      leaveRefused.value = null;
      retryDelay = 1000;
      if (editVersion === savedVersion) {
        clearMirror(saved.id);
        saveState.value = 'saved';
      } else {
        mirror.writeNow();
        saveState.value = 'pending';
      }
      return true;
    } catch (e) {
      sending = false;
      mirror.writeNow();
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

  /** Nothing open any more: no save pending, no state shown. */
  function clear(): void {
    clearTimeout(saveTimer);
    clearTimeout(retryTimer);
    saveState.value = 'idle';
    saveError.value = null;
    fieldErrors.value = {};
    lastSavedAt.value = null;
    leaveRefused.value = null;
    editVersion = 0;
    savedVersion = 0;
  }

  /** The encounter on screen is a stored revision, saved at savedAt. */
  function stored(savedAt: string): void {
    lastSavedAt.value = savedAt;
    editVersion = 0;
    savedVersion = 0;
    saveState.value = 'saved';
    saveError.value = null;
    fieldErrors.value = {};
  }

  /** A new encounter, not stored yet: its first save creates it. */
  function startNew(): void {
    editVersion = 1;
    editedAt = Date.now();
  }

  /** Sends what is pending now (Ctrl+S), instead of waiting for the pause. */
  function saveNow(): Promise<boolean> {
    if (saveState.value === 'error' || saveState.value === 'invalid') saveState.value = 'pending';
    return flush();
  }

  /** After a conflict: keep a copy of what was typed, then show the latest stored revision. */
  async function reloadLatest(): Promise<PlainError | null> {
    if (!encounter.id) return null;
    const aside: Mirror = { baseRevision: encounter.baseRevision, inFlight: false, editedAt: editedAt || Date.now(), copy: structuredClone(toRaw(encounter.copy)) };
    try {
      const e = await api.encounter.get({ id: encounter.id });
      mirror.setAside(aside);
      clearMirror(e.id);
      encounter.applyServer(e);
      return null;
    } catch (err) {
      return plainError(err);
    }
  }

  /** After a conflict: store what is on screen as the newest revision (older ones stay in the history). */
  async function keepMine(): Promise<PlainError | null> {
    if (!encounter.id) return null;
    try {
      const e = await api.encounter.get({ id: encounter.id });
      if (e.status === 'signed') {
        saveState.value = 'locked';
        return { code: 'locked', message: 'This encounter has been signed meanwhile; your text is kept below.' };
      }
      encounter.baseRevision = e.revision;
      saveState.value = 'pending';
      saveError.value = null;
      editVersion++;
      return (await flush()) ? null : saveError.value;
    } catch (err) {
      return plainError(err);
    }
  }

  /** Saves what is pending, then signs and locks the encounter. */
  async function sign(): Promise<PlainError | null> {
    if (!encounter.id) return { code: 'invalid', message: 'Start the encounter before signing it.' };
    if (!(await flush())) {
      return saveError.value ?? { code: 'invalid', message: 'Correct the marked fields before signing.' };
    }
    try {
      const e = await api.encounter.sign({ id: encounter.id, baseRevision: encounter.baseRevision! });
      encounter.applyServer(e);
      // Signed: nothing typed here is pending any more, and a copy set aside is not kept past signing
      // (the sign dialog says so while one is shown).
      clearMirror(e.id);
      mirror.dismissRecovered();
      return null;
    } catch (err) {
      return plainError(err);
    }
  }

  return {
    saveState,
    saveError,
    fieldErrors,
    lastSavedAt,
    leaveRefused,
    touch,
    unsaved,
    hasUnsentEdits,
    progress,
    setEditedAt,
    flush,
    saveNow,
    leave,
    clear,
    stored,
    startNew,
    reloadLatest,
    keepMine,
    sign,
  };
});
