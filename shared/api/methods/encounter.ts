import { z } from 'zod';
import {
  Addendum,
  AddendumText,
  EncounterDraft,
  EncounterId,
  EncounterStatus,
  EncounterSummary,
  EncounterWithAddenda,
  Revision,
  RevisionEntry,
  SavedEncounter,
  SearchHit,
} from '../encounter.ts';
import { method } from '../define.ts';

const ById = z.object({ id: EncounterId });

export const encounterMethods = {
  'encounter.save': method(EncounterDraft, SavedEncounter, 'Create an encounter, or append a revision to a draft'),
  'encounter.get': method(ById, EncounterWithAddenda, 'The latest revision of an encounter with its addenda'),
  'encounter.revisions': method(ById, z.array(RevisionEntry), 'Every revision of an encounter, oldest first'),
  'encounter.sign': method(
    z.object({ id: EncounterId, baseRevision: Revision }),
    EncounterWithAddenda,
    'Sign and lock an encounter',
  ),
  'encounter.addAddendum': method(
    z.object({ id: EncounterId, text: AddendumText }),
    Addendum,
    'Add an addendum to a signed encounter',
  ),
  'encounter.search': method(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }),
    z.array(SearchHit),
    'Full-text search over patients, complaints, notes, findings and diagnoses',
  ),
  'encounter.list': method(
    z.object({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
      status: EncounterStatus.optional(),
      /** A cause id: encounters whose top cause or working diagnosis it is. */
      cause: z.string().max(100).optional(),
      redFlags: z.boolean().optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      patientIdentifier: z.string().max(100).optional(),
    }),
    z.object({ total: z.number().int(), items: z.array(EncounterSummary) }),
    'A page of encounters, newest first, filtered',
  ),
  'encounter.patientTimeline': method(
    z.object({ identifier: z.string().trim().min(1, "Enter the patient's identifier").max(100) }),
    z.array(EncounterSummary),
    "Every encounter of one patient (by identifier), oldest first",
  ),
} as const;
