import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ClinicianProfile } from '../../../../shared/api/profile.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';

/** The clinician using this installation: asked for on first run, editable later. */
export const useProfileStore = defineStore('profile', () => {
  const profile = ref<ClinicianProfile | null>(null);
  const loaded = ref(false);
  const error = ref<PlainError | null>(null);

  async function load(): Promise<void> {
    try {
      profile.value = await api.profile.get({});
      error.value = null;
    } catch (e) {
      error.value = plainError(e);
    } finally {
      loaded.value = true;
    }
  }

  /** Saves the profile; resolves to the error to show, or null when saved. */
  async function save(input: ClinicianProfile): Promise<PlainError | null> {
    try {
      profile.value = await api.profile.save(input);
      return null;
    } catch (e) {
      return plainError(e);
    }
  }

  return { profile, loaded, error, load, save };
});
