import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ImportResult } from '../../../../shared/api/transfer.ts';
import { api, plainError, type PlainError } from '../../api.ts';
import { useHistoryStore } from './history.ts';

/** The job running in the backup/export panel: what it is, since when, and its outcome. */
export interface TransferJob {
  readonly kind: 'backup' | 'restore' | 'export-json' | 'export-fhir' | 'import-json' | 'import-fhir';
  readonly startedAt: number;
  /** 0..1 when known (reading a file), null while the main process works (no progress reported). */
  progress: number | null;
  stage: string;
}

export interface TransferOutcome {
  readonly kind: TransferJob['kind'];
  readonly ms: number;
  readonly message: string;
  readonly skipped?: ImportResult['skipped'];
  /** A file to save, for exports. */
  readonly download?: { readonly url: string; readonly name: string };
}

/** Backups, restore, JSON and FHIR export and import, one at a time. */
export const useTransferStore = defineStore('transfer', () => {
  const job = ref<TransferJob | null>(null);
  const outcome = shallowRef<TransferOutcome | null>(null);
  const error = ref<PlainError | null>(null);
  const history = useHistoryStore();

  async function run<T>(kind: TransferJob['kind'], stage: string, work: (j: TransferJob) => Promise<T>, done: (value: T, ms: number) => TransferOutcome): Promise<void> {
    if (job.value !== null) return;
    const j: TransferJob = { kind, startedAt: performance.now(), progress: null, stage };
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
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

  const backup = (path: string) =>
    run('backup', 'Copying and checking the database…', () => api.backup.create({ path }), (r, ms) => ({
      kind: 'backup',
      ms,
      message: `Backup written to ${r.path}: ${mb(r.bytes)} MB in ${seconds(ms)} s, checked (SHA-256 ${r.sha256.slice(0, 16)}…).`,
    }));

  const restore = (path: string) =>
    run('restore', 'Checking the backup and restoring…', () => api.backup.restore({ path }), (r, ms) => {
      void history.resetList();
      return {
        kind: 'restore',
        ms,
        message: `Restored ${r.encounters} encounters from ${r.restoredFrom} in ${seconds(ms)} s. The database in use before was kept at ${r.previousKeptAt}.`,
      };
    });

  const exportAs = (format: 'json' | 'fhir') =>
    run(
      format === 'json' ? 'export-json' : 'export-fhir',
      'Exporting…',
      () => (format === 'json' ? api.data.exportJson({}) : api.data.exportFhir({})),
      (r, ms) => {
        const type = format === 'json' ? 'application/json' : 'application/fhir+json';
        const url = URL.createObjectURL(new Blob([r.json], { type }));
        const name = format === 'json' ? `leg-pain-ddx-export-${stamp()}.json` : `leg-pain-ddx-fhir-r4-${stamp()}.json`;
        return { kind: format === 'json' ? 'export-json' : 'export-fhir', ms, message: `${r.count} encounters exported${format === 'fhir' ? ' as a FHIR R4 Bundle' : ''}.`, download: { url, name } };
      },
    );

  /** Reads the chosen file (with progress), then lets the main process check and import it. */
  const importFile = (format: 'json' | 'fhir', file: File) =>
    run(
      format === 'json' ? 'import-json' : 'import-fhir',
      'Reading the file…',
      async () => {
        const json = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onprogress = (ev) => {
            if (ev.lengthComputable && job.value) job.value.progress = ev.loaded / ev.total;
          };
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
          reader.readAsText(file);
        });
        if (job.value) {
          job.value.progress = null;
          job.value.stage = 'Checking every encounter, then importing…';
        }
        return format === 'json' ? api.data.importJson({ json }) : api.data.importFhir({ json });
      },
      (r, ms) => {
        if (r.imported > 0) void history.resetList();
        return {
          kind: format === 'json' ? 'import-json' : 'import-fhir',
          ms,
          message: `${r.imported} encounter${r.imported === 1 ? '' : 's'} imported; ${r.skipped.length} left out. Nothing already stored was changed.`,
          skipped: r.skipped,
        };
      },
    );

  return { job, outcome, error, backup, restore, exportAs, importFile };
});
