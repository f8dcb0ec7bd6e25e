import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Assessment } from '../../../../shared/clinical/assessment.ts';
import { assessCase, KB_VERSION } from '../../../../shared/clinical/core.ts';
import { share } from '../../common/lib/share.ts';
import { useEncounterStore } from './encounter.ts';

export interface AssessmentView {
  readonly assessment: Assessment | null;
  /** Why there is no assessment (the engine failed on this encounter), in plain words. */
  readonly error: string | null;
  /** The knowledge base the assessment came from. */
  readonly knowledgeBase: string;
  /** true: computed now from what is on screen; false: as stored when the encounter was signed. */
  readonly live: boolean;
}

/**
 * The checklist beside the form. A draft is assessed live by the same pure engine the main process
 * stores with each revision, on every change; a signed encounter shows the assessment stored with
 * it, as it read on the day. The case is built here from the working copy, whose findings are the
 * knowledge base's own ids, each in one state: it goes to the engine without the schema check that
 * the main process applies to every draft it stores.
 */
export const useAssessmentStore = defineStore('assessment', () => {
  const encounter = useEncounterStore();

  let previous: Assessment | null = null;
  // Apart, so that typing the patient's name (a new patient object) does not run the engine again.
  const sex = computed(() => encounter.copy.patient.sex);
  const wellsAlternative = computed(() => encounter.copy.wellsAlternative);
  const view = computed<AssessmentView>(() => {
    const stored = encounter.storedAssessment;
    if (encounter.readOnly && stored) return { assessment: stored, error: null, knowledgeBase: stored.knowledgeBase, live: false };
    const age = encounter.age;
    try {
      // Parts equal to the last assessment keep their identity: only what changed re-renders.
      const assessment = share(
        previous,
        assessCase({ findings: encounter.findings, absent: encounter.absent, sex: sex.value, wellsAlternative: wellsAlternative.value, ...(age === null ? {} : { age }) }),
      );
      previous = assessment;
      return { assessment, error: null, knowledgeBase: KB_VERSION, live: true };
    } catch (e) {
      return { assessment: null, error: e instanceof Error ? e.message : String(e), knowledgeBase: KB_VERSION, live: true };
    }
  });

  // Separate computeds, so a component that shows only one of them re-renders only when it changes.
  const assessment = computed(() => view.value.assessment);
  const error = computed(() => view.value.error);
  const knowledgeBase = computed(() => view.value.knowledgeBase);
  const live = computed(() => view.value.live);

  return { view, assessment, error, knowledgeBase, live };
});
