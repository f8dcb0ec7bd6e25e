import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BackupProgress, ImportResult, TransferProgress } from '../../../../shared/api/transfer.ts';
import { api, plainError, type PlainError } from '../../common/api.ts';
import { clearAllWorkingCopies } from '../../common/lib/mirror.ts';
import { useEncounterStore } from '../../consultation/stores/encounter.ts';
import { megabytes, phaseWords, progressLine, type BackupOperation } from '../backup-progress.ts';
import { useHistoryStore } from './history.ts';

/** The job running in the backup/export panel: what it is, since when, and its outcome. */
export interface TransferJob {
  readonly kind: 'backup' | 'restore' | 'export-json' | 'export-fhir' | 'import-json' | 'import-fhir';
  readonly startedAt: number;
  /** 0..1 when known (reading a file, a backup's copy), null while the work cannot be measured. */
  progress: number | null;
  /** The progress line, e.g. "Copying 43% (120 of 280 MB)". */
  stage: string;
  /** What is happening, in a sentence (backup and restore). */
  detail: string;
}

/** One line of a finished job's result, e.g. SHA-256 and its value. */
export interface OutcomeFact {
  readonly label: string;
  readonly value: string;
  /** Shown as a code (a path, a fingerprint). */
  readonly code?: boolean;
}

export interface TransferOutcome {
  readonly kind: TransferJob['kind'];
  readonly ms: number;
  readonly message: string;
  readonly skipped?: ImportResult['skipped'];
  /** FHIR import: per imported encounter, what the file held that was not imported. */
  readonly notImported?: NonNullable<ImportResult['notImported']>;
  /** FHIR import: words on the file as a whole (no Encounter, resources belonging to none). */
  readonly notes?: readonly string[];
  /** A file to save, for exports. */
  readonly download?: { readonly url: string; readonly name: string };
  /** A backup's or restore's details: file, size, fingerprint, time. */
  readonly facts?: readonly OutcomeFact[];
  /** The full progress bar a backup or restore ends with, and its line. */
  readonly completed?: { readonly operation: BackupOperation; readonly line: string };
}

/** Whether the file starts as a passphrase-protected Leg Pain DDx file does (sealed-file.ts's magic, "LPDXSEAL"). */
export async function isProtectedFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return new TextDecoder().decode(head) === 'LPDXSEAL';
}

/** How often the window asks how far a backup or restore has got, while one runs. */
export const PROGRESS_POLL_MS = 200;

/** Backups, restore, JSON and FHIR export and import, one at a time. */
export const useTransferStore = defineStore('transfer', () => {
  const job = ref<TransferJob | null>(null);
  const outcome = shallowRef<TransferOutcome | null>(null);
  const error = ref<PlainError | null>(null);
  const history = useHistoryStore();

  async function run<T>(kind: TransferJob['kind'], stage: string, work: (j: TransferJob) => Promise<T>, done: (value: T, ms: number) => TransferOutcome): Promise<void> {
    if (job.value !== null) return;
    const j: TransferJob = { kind, startedAt: performance.now(), progress: null, stage, detail: '' };
    job.value = j;
    error.value = null;
    if (outcome.value?.download) URL.revokeObjectURL(outcome.value.download.url);
    outcome.value = null;
    try {
      const value = await work(job.value);
      outcome.value = done(value, performance.now() - j.startedAt);
    } catch (e) {
      error.value = plainError(e);
    } finally {
      job.value = null;
    }
  }

  const mb = (bytes: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
  const seconds = (ms: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(ms / 1000);

  const bytesText = (bytes: number) => `${megabytes(bytes)} MB (${new Intl.NumberFormat().format(bytes)} bytes)`;

  /**
   * Runs `show` on each reading of `read` for `operation` while `call` is pending: read now, then
   * every PROGRESS_POLL_MS. Backups, exports and imports report their progress this one way.
   */
  async function whilePolling<T, P extends { running: boolean; operation?: string | null }>(
    read: () => Promise<P>,
    operation: string,
    show: (p: P) => void,
    call: Promise<T>,
  ): Promise<T> {
    let pending = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const p = await read();
        if (pending && p.running && p.operation === operation) show(p);
      } catch {
        // A missed reading is followed by the next one.
      }
      if (pending) timer = window.setTimeout(poll, PROGRESS_POLL_MS);
    };
    void poll();
    try {
      return await call;
    } finally {
      pending = false;
      window.clearTimeout(timer);
    }
  }

  /** Shows a backup's or restore's progress on `j` while `call` is pending. */
  const withProgress = <T>(j: TransferJob, operation: BackupOperation, call: Promise<T>): Promise<T> =>
    whilePolling(
      () => api.backup.progress({}),
      operation,
      (p: BackupProgress) => {
        const words = phaseWords(operation, p.phase);
        j.stage = progressLine(words.label, p.done, p.total);
        j.detail = words.detail;
        j.progress = p.done !== null && p.total !== null && p.total > 0 ? Math.min(1, p.done / p.total) : null;
      },
      call,
    );

  /** A passphrase given encrypts the backup; `overwrite` after the clinician confirmed replacing the file there. */
  const backup = (path: string, options: { passphrase?: string; overwrite?: boolean } = {}) =>
    run('backup', 'Starting…', (j) => withProgress(j, 'backup', api.backup.create({ path, ...options })), (r, ms) => ({
      kind: 'backup',
      ms,
      message: `Backup written to ${r.path}: ${mb(r.bytes)} MB in ${seconds(ms)} s, checked (SHA-256 ${r.sha256.slice(0, 16)}…)${r.encrypted ? ', encrypted with your passphrase' : ''}.`,
      completed: { operation: 'backup', line: progressLine('Backup complete', r.bytes, r.bytes) },
      facts: [
        { label: 'File', value: r.path, code: true },
        { label: 'Size', value: bytesText(r.bytes) },
        { label: 'SHA-256', value: r.sha256, code: true },
        { label: 'Time', value: `${seconds(ms)} s` },
        { label: 'Check', value: 'Passed SQLite’s integrity check' },
        { label: 'Encrypted', value: r.encrypted ? 'Yes: restoring it needs the passphrase' : 'No' },
      ],
    }));

  const restore = (path: string, passphrase?: string) =>
    run('restore', 'Starting…', (j) => withProgress(j, 'restore', api.backup.restore(passphrase ? { path, passphrase } : { path })), (r, ms) => {
      void history.resetList();
      // The copies kept in this browser were of the database just replaced.
      clearAllWorkingCopies();
      useEncounterStore().reset();
      return {
        kind: 'restore',
        ms,
        message: `Restored ${r.encounters} encounters from ${r.restoredFrom} in ${seconds(ms)} s. The database in use before was kept at ${r.previousKeptAt}.${r.auditIntact ? '' : ' Its audit log did not check out; this is recorded in the audit log.'}`,
        completed: { operation: 'restore', line: 'Restore complete' },
        facts: [
          { label: 'Restored from', value: r.restoredFrom, code: true },
          { label: 'Encounters', value: new Intl.NumberFormat().format(r.encounters) },
          { label: 'Previous database kept at', value: r.previousKeptAt, code: true },
          { label: 'Audit log of the backup', value: r.auditCheck },
          { label: 'Time', value: `${seconds(ms)} s` },
        ],
      };
    });

  /** Shows an export's or import's progress (data.progress) on `j` while `call` is pending. */
  const withTransferProgress = <T>(j: TransferJob, operation: 'export' | 'import', call: Promise<T>): Promise<T> =>
    whilePolling(
      () => api.data.progress({}),
      operation,
      (p: TransferProgress) => {
        const label = p.phase === 'finishing' ? 'Finishing' : p.phase === 'checking' ? 'Checking' : p.phase === 'exporting' ? 'Exporting' : p.phase === 'writing' ? 'Importing' : 'Opening the file';
        const count = p.done !== null && p.total !== null && p.total > 0 ? ` ${Math.floor((Math.min(p.done, p.total) / p.total) * 100)}% (${new Intl.NumberFormat().format(p.done)} of ${new Intl.NumberFormat().format(p.total)} ${operation === 'import' ? 'entries' : 'encounters'})` : '…';
        j.stage = `${label}${count}`;
        j.progress = p.done !== null && p.total !== null && p.total > 0 ? Math.min(1, p.done / p.total) : null;
      },
      call,
    );

  /**
   * Writes the export straight to `path` in the main process, one encounter at a time, with
   * progress; a passphrase encrypts it as an encrypted backup is encrypted.
   */
  const exportToFile = (format: 'json' | 'fhir' | 'fhir-transaction', path: string, options: { passphrase?: string; overwrite?: boolean } = {}) =>
    run(
      format === 'json' ? 'export-json' : 'export-fhir',
      'Starting…',
      (j) => withTransferProgress(j, 'export', api.data.exportFile({ format, path, ...options })),
      (r, ms) => {
        const as = format === 'fhir' ? ' as a FHIR R4 Bundle' : format === 'fhir-transaction' ? ' as a FHIR R4 transaction, ready to send to a FHIR server' : '';
        return {
          kind: format === 'json' ? 'export-json' : 'export-fhir',
          ms,
          message: `${r.count} encounters exported${as} to ${r.path} in ${seconds(ms)} s${r.encrypted ? ', encrypted with your passphrase' : ''}.`,
          facts: [
            { label: 'File', value: r.path, code: true },
            { label: 'Encounters', value: new Intl.NumberFormat().format(r.count) },
            { label: 'Size', value: bytesText(r.bytes) },
            { label: 'SHA-256', value: r.sha256, code: true },
            { label: 'Encrypted', value: r.encrypted ? 'Yes: importing it needs the passphrase' : 'No' },
          ],
        };
      },
    );

  /**
   * Reads the chosen file (with progress), then lets the main process check and import it. A
   * passphrase-protected file goes as its bytes (base64) with the passphrase, opened in the main process.
   */
  const importFile = (format: 'json' | 'fhir', file: File, passphrase?: string) =>
    run(
      format === 'json' ? 'import-json' : 'import-fhir',
      'Reading the file…',
      async (j) => {
        const sealed = await isProtectedFile(file);
        const content = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onprogress = (ev) => {
            if (ev.lengthComputable && job.value) job.value.progress = ev.loaded / ev.total;
          };
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
          if (sealed) reader.readAsDataURL(file);
          else reader.readAsText(file);
        });
        if (job.value) {
          job.value.progress = null;
          job.value.stage = 'Checking every encounter, then importing…';
        }
        const input = sealed ? { sealed: content.slice(content.indexOf(',') + 1), passphrase: passphrase ?? '' } : { json: content };
        return withTransferProgress(j, 'import', format === 'json' ? api.data.importJson(input) : api.data.importFhir(input));
      },
      (r, ms) => {
        if (r.imported > 0) void history.resetList();
        return {
          kind: format === 'json' ? 'import-json' : 'import-fhir',
          ms,
          message: `${r.imported} encounter${r.imported === 1 ? '' : 's'} imported; ${r.skipped.length} left out. Nothing already stored was changed.`,
          skipped: r.skipped,
          notImported: r.notImported ?? [],
          notes: r.notes ?? [],
        };
      },
    );

  return { job, outcome, error, backup, restore, exportToFile, importFile };
});
