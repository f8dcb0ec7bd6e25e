import { z } from 'zod';
import { EncounterId } from './encounter.ts';

/** What the audit log records: who did what, when (spec/encounter-api.md, issue 4). */
/** `fingerprint`: content stored before entries carried its fingerprint, fingerprinted as found at the upgrade. */
export const AuditAction = z.enum(['create', 'save', 'sign', 'addendum', 'export', 'import', 'backup', 'restore', 'profile', 'fingerprint']);
export type AuditAction = z.infer<typeof AuditAction>;

/** A JSON value, as audit details hold (ids, counts, file names; never clinical text). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  who: z.string(),
  action: AuditAction,
  encounterId: EncounterId.nullable(),
  detail: z.record(z.string(), JsonValue),
  /** SHA-256 (hex) over the entry and the previous entry's hash: editing or deleting an entry breaks the chain. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * The check of the whole log and of the clinical content it vouches for: the hash chain, each
 * revision's, addendum's and assessment's content against the fingerprint its entry recorded,
 * signatures, the seal made with the key kept outside the database, and the checkpoints written
 * with backups and exports. `summary` says the outcome in a sentence; `problems` says, in words,
 * each thing found wrong (the first few hundred).
 */
export const AuditVerifyResult = z.union([
  z.object({
    intact: z.literal(true),
    entries: z.number().int(),
    revisions: z.number().int(),
    addenda: z.number().int(),
    summary: z.string(),
  }),
  z.object({
    intact: z.literal(false),
    /** The first entry of the chain that does not fit, or null when the chain holds and something else is wrong. */
    firstBadEntry: z.number().int().nullable(),
    problems: z.array(z.string()).min(1),
    summary: z.string(),
  }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
