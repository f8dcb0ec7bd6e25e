import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { EncounterSummary } from '../../../../shared/api/encounter.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';

const RECENT = 10;

/** Recent encounters for the start screen (the full history is a screen of its own). */
export const useDraftsStore = defineStore('drafts', () => {
  const drafts = ref<EncounterSummary[]>([]);
  const signed = ref<EncounterSummary[]>([]);
  const loading = ref(false);
  const error = ref<PlainError | null>(null);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      const [d, s] = await Promise.all([
        api.encounter.list({ status: 'draft', limit: RECENT }),
        api.encounter.list({ status: 'signed', limit: RECENT }),
      ]);
      drafts.value = d.items;
      signed.value = s.items;
      error.value = null;
    } catch (e) {
      error.value = plainError(e);
    } finally {
      loading.value = false;
    }
  }

  return { drafts, signed, loading, error, refresh };
});
