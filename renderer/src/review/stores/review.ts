import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/api/audit.ts';
import type { EncounterWithAddenda, RevisionEntry } from '../../../../shared/api/encounter.ts';
import type { ReviewComparison } from '../../../../shared/api/methods/review.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';

/**
 * One past encounter under review: the latest revision, every revision, the encounter's audit
 * trail with the chain's integrity, the comparison with today's knowledge base and addenda (the
 * referral reprint has its own composer). Everything is read from the main process; nothing is recomputed here.
 */
export const useReviewStore = defineStore('review', () => {
  const id = ref<string | null>(null);
  const encounter = shallowRef<EncounterWithAddenda | null>(null);
  const revisions = shallowRef<RevisionEntry[]>([]);
  const audit = shallowRef<AuditEntry[]>([]);
  const integrity = shallowRef<AuditVerifyResult | null>(null);
  /** The revision shown; the latest unless the clinician picks an earlier one. */
  const selectedRevision = ref<number | null>(null);
  const comparison = shallowRef<ReviewComparison | null>(null);
  const comparing = ref(false);
  const loading = ref(false);
  const error = ref<PlainError | null>(null);
  const addendumError = ref<PlainError | null>(null);

  const shown = computed(() => {
    const wanted = selectedRevision.value ?? encounter.value?.revision;
    return revisions.value.find((r) => r.revision === wanted)?.encounter ?? encounter.value;
  });

  /**
   * The whole check reads every revision and assessment (about 3 s for 20,000 encounters, in the
   * main process): it runs again only when the log has grown since the last check, not at every
   * encounter opened.
   */
  let checkedAtHead: string | null = null;

  async function loadAudit(): Promise<void> {
    if (id.value === null) return;
    const [entries, [newest]] = await Promise.all([api.audit.list({ encounterId: id.value, limit: 1000 }), api.audit.list({ limit: 1 })]);
    audit.value = entries;
    const head = newest === undefined ? 'empty' : `${newest.seq}:${newest.hash}`;
    if (head !== checkedAtHead || integrity.value === null) {
      integrity.value = await api.audit.verify({});
      checkedAtHead = head;
    }
  }

  async function load(encounterId: string): Promise<void> {
    id.value = encounterId;
    loading.value = true;
    comparison.value = null;
    selectedRevision.value = null;
    try {
      const [e, revs] = await Promise.all([api.encounter.get({ id: encounterId }), api.encounter.revisions({ id: encounterId })]);
      if (id.value !== encounterId) return;
      encounter.value = e;
      revisions.value = revs;
      await loadAudit();
      error.value = null;
    } catch (err) {
      error.value = plainError(err);
      encounter.value = null;
    } finally {
      loading.value = false;
    }
  }

  function selectRevision(revision: number): void {
    selectedRevision.value = revision;
    if (comparison.value !== null && comparison.value.revision !== revision) void compare();
  }

  /** Today's engine on the shown revision's findings, side by side with what was stored. */
  async function compare(): Promise<void> {
    if (id.value === null || shown.value === null) return;
    comparing.value = true;
    try {
      comparison.value = await api.review.compare({ id: id.value, revision: shown.value.revision });
      error.value = null;
    } catch (err) {
      error.value = plainError(err);
    } finally {
      comparing.value = false;
    }
  }

  async function addAddendum(text: string): Promise<boolean> {
    if (id.value === null) return false;
    try {
      const added = await api.encounter.addAddendum({ id: id.value, text });
      if (encounter.value) encounter.value = { ...encounter.value, addenda: [...encounter.value.addenda, added] };
      addendumError.value = null;
      await loadAudit();
      return true;
    } catch (err) {
      addendumError.value = plainError(err);
      return false;
    }
  }

  return {
    id,
    encounter,
    revisions,
    audit,
    integrity,
    selectedRevision,
    shown,
    comparison,
    comparing,
    loading,
    error,
    addendumError,
    load,
    loadAudit,
    selectRevision,
    compare,
    addAddendum,
  };
});
