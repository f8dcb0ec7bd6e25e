/**
 * Seeding the history for the review tests and the history benchmark: generated encounters go in
 * through the real `data.importJson` handler (the store's own import: checked, one transaction per
 * batch), with assessments computed by the real engine exactly as `encounter.save` computes them.
 */
import { createHash } from 'node:crypto';
import type { Client } from '../../shared/api/client.ts';
import type { Encounter, EncounterFields } from '../../shared/api/encounter.ts';
import { EncounterDraft } from '../../shared/api/encounter.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportedEncounter } from '../../shared/api/transfer.ts';
import { KB_VERSION } from '../../shared/clinical/index.ts';
import { assessEncounter } from '../../electron/main/services/assessment.ts';
import { generateEncounters, type GenerateOptions } from '../shared/review/generate.ts';
import type { z } from 'zod';

type Fields = z.output<typeof EncounterFields>;

export interface Seeded {
  readonly id: string;
  readonly fields: Fields;
  readonly signed: boolean;
}

/** A stable id per seed and position, so a run can be reproduced and compared. */
const idFor = (seed: number, i: number) => {
  const h = createHash('sha256').update(`history-seed:${seed}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** One generated encounter as an entry of the JSON export format. */
export function exportedEncounter(id: string, fields: Fields, signed: boolean, signer = 'Dr Sam Reyes'): ExportedEncounter {
  const assessment = assessEncounter(fields);
  const savedAt = new Date(Date.parse(fields.seenAt) + 15 * 60_000).toISOString();
  const signedAt = signed ? new Date(Date.parse(savedAt) + 60_000).toISOString() : null;
  const encounter: Encounter = {
    id,
    revision: 1,
    status: signed ? 'signed' : 'draft',
    ...fields,
    assessment,
    createdAt: fields.seenAt,
    savedAt,
    signedAt,
    signedBy: signed ? signer : null,
  };
  return {
    id,
    status: encounter.status,
    createdAt: encounter.createdAt,
    signedAt,
    signedBy: encounter.signedBy,
    signedRevision: signed ? 1 : null,
    revisions: [{ revision: 1, savedAt, savedBy: signer, encounter }],
    addenda: [],
  };
}

export function exportDocument(encounters: readonly ExportedEncounter[]): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    appVersion: 'test-seed',
    knowledgeBase: KB_VERSION,
    encounters,
  });
}

/** Generates `count` encounters and imports them in batches; returns them with their ids. */
export async function seedHistory(
  client: Client,
  options: GenerateOptions & { readonly batch?: number; readonly onProgress?: (done: number) => void },
): Promise<Seeded[]> {
  const seed = options.seed ?? 7;
  const generated = generateEncounters({ ...options, seed });
  const seeded: Seeded[] = generated.map((g, i) => {
    const { id: _id, baseRevision: _b, ...fields } = EncounterDraft.parse(g.draft);
    return { id: idFor(seed, i), fields, signed: g.sign };
  });
  const batch = options.batch ?? 1000;
  for (let start = 0; start < seeded.length; start += batch) {
    const chunk = seeded.slice(start, start + batch).map((s) => exportedEncounter(s.id, s.fields, s.signed));
    const result = await client.data.importJson({ json: exportDocument(chunk) });
    if (result.skipped.length > 0) throw new Error(`Seeding left out ${result.skipped.length}: ${result.skipped[0]!.reason}`);
    options.onProgress?.(start + chunk.length);
  }
  return seeded;
}
