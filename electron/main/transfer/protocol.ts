import type { AuditVerifyResult } from '../../../shared/api/audit.ts';
import type { ApiErrorBody } from '../../../shared/api/errors.ts';
import type { ImportResult, TransferPhase } from '../../../shared/api/transfer.ts';
import type { BackupAuditResult } from '../store/backup-audit.ts';
import type { PreparedImport } from '../store/transfer.ts';
import type { ExportFormat } from './export-document.ts';

/** Messages between the main thread and the transfer worker (worker.ts). */

export interface ImportTask {
  readonly kind: 'import';
  readonly format: 'json' | 'fhir';
  /** The file's text, or a passphrase-protected file's bytes in base64 (decoded here, off the main thread) with its passphrase. */
  readonly text?: string;
  readonly sealed?: string;
  readonly passphrase?: string;
  readonly at: string;
  readonly appVersion: string;
}

export interface ExportTask {
  readonly kind: 'export';
  readonly format: ExportFormat;
  readonly ids?: readonly string[] | undefined;
  readonly exportedAt: string;
  readonly appVersion: string;
  /** Written to this file (through `temp`, beside it), or returned as text when absent. */
  readonly file?: { readonly temp: string; readonly target: string; readonly overwrite: boolean; readonly passphrase?: string | undefined };
}

/** The audit log's whole check (audit.verify): seconds at tens of thousands of encounters. */
export interface VerifyTask {
  readonly kind: 'verify';
  /** This installation's audit key, which the seal is checked with. */
  readonly key: { readonly key: Uint8Array; readonly id: string };
  /** The data folder, whose checkpoint file the check compares the log with. */
  readonly dataDir: string;
}

/** The audit log of a backup's checked copy, before a restore puts it in place (store/backup-audit.ts). */
export interface BackupAuditTask {
  readonly kind: 'backup-audit';
  /** This installation's audit key, which the seal is checked with. */
  readonly key: { readonly key: Uint8Array; readonly id: string };
}

export type TransferTask = ImportTask | ExportTask | VerifyTask | BackupAuditTask;

/**
 * A large text goes to the worker in pieces, one per turn of the main thread's event loop, before
 * its request: copying 50 MB into a message at once held the main thread for a second on a busy
 * machine. The request then names the field the pieces make up.
 */
export interface TextPiece {
  readonly id: number;
  readonly piece: string;
}

export interface TransferRequest {
  readonly id: number;
  /** The task's `text` or `sealed` came as pieces (TextPiece) before this request. */
  readonly pieces?: 'text' | 'sealed';
  /** The live database's file: the worker reads it through its own connection. */
  readonly databasePath: string;
  readonly task: TransferTask;
}

/** What an import's checking found, once every entry is checked (the accepted ones went as batches). */
export type ImportChecked = Omit<ImportResult, 'imported'>;

export type ExportDone =
  | { readonly count: number; readonly json: string }
  | { readonly count: number; readonly bytes: number; readonly sha256: string; readonly path: string };

export type TransferMessage =
  | { readonly id: number; readonly type: 'progress'; readonly phase: TransferPhase; readonly done: number | null; readonly total: number | null }
  | { readonly id: number; readonly type: 'batch'; readonly batch: readonly PreparedImport[] }
  | { readonly id: number; readonly type: 'done'; readonly value: ImportChecked | ExportDone | AuditVerifyResult | BackupAuditResult }
  | { readonly id: number; readonly type: 'failed'; readonly error: ApiErrorBody | null; readonly message: string };
