import type { FindingGroupDef } from '../types.ts';

/** The groups of the findings checklist, in vocabulary order, with the headings the clinician sees. */
export const findingGroups: readonly FindingGroupDef[] = [
  { id: 'location', label: 'Where is the pain' },
  { id: 'distribution', label: 'Distribution' },
  { id: 'character', label: 'Character' },
  { id: 'onset', label: 'Onset' },
  { id: 'modifiers', label: 'What makes it better or worse' },
  { id: 'associated', label: 'Associated symptoms' },
  { id: 'risk-factors', label: 'Risk factors' },
  { id: 'examination', label: 'Examination' },
];
