import { z } from 'zod';
import { EncounterId } from './encounter.ts';

/** What the audit log records: who did what, when (spec/encounter-api.md, issue 4). */
export const AuditAction = z.enum(['create', 'save', 'sign', 'addendum', 'export', 'import', 'backup', 'restore', 'profile']);
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

export const AuditVerifyResult = z.union([
  z.object({ intact: z.literal(true), entries: z.number().int() }),
  z.object({ intact: z.literal(false), firstBadEntry: z.number().int() }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
