import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Services } from '../../../shared/api/methods.ts';
import type { ImportResult } from '../../../shared/api/transfer.ts';
import { alreadyThere, requireFolder } from '../store/backup.ts';
import { tempPathBeside } from '../store/files.ts';
import { trackTemporary } from '../store/temp-files.ts';
import { writeImportBatch } from '../store/transfer.ts';
import type { ExportFormat } from '../transfer/export-document.ts';
import type { ExportTask } from '../transfer/protocol.ts';
import type { TransferWorker } from '../transfer/transfer-worker.ts';
import { recordAudit, recordCheckpoint, type ServiceContext } from './context.ts';
import type { Jobs } from './jobs.ts';

type TransferMethod = 'data.exportJson' | 'data.exportFhir' | 'data.exportFile' | 'data.progress' | 'data.importJson' | 'data.importFhir';

/**
 * Exports and imports, JSON and FHIR. The work runs in the transfer worker; the main thread hands
 * it over, records the audit entries, and writes an import's checked encounters as they come, in
 * batches of whole encounters, one transaction each (with their audit entries). So the window and
 * the bridge go on answering during a long import or export, and no encounter is ever half-written.
 * If writing stops part-way (a full disk), the batches written stay, whole, and the error says how
 * many encounters came in; importing the same file again adds only the rest, since an encounter
 * already stored is never touched. One export or import at a time, and none during a restore.
 */
export function transferServices(ctx: ServiceContext, deps: { readonly jobs: Jobs; readonly worker: TransferWorker }): Pick<Services, TransferMethod> {
  const { jobs, worker } = deps;

  const formatWords: Record<ExportFormat, string> = { json: 'JSON', fhir: 'FHIR R4', 'fhir-transaction': 'FHIR R4 transaction' };

  const exportText = (format: ExportFormat, ids: readonly string[] | undefined) =>
    jobs.runTransfer('export', async (report) => {
      const at = ctx.now().toISOString();
      const task: ExportTask = { kind: 'export', format, ids, exportedAt: at, appVersion: ctx.appVersion };
      const done = await worker.exportEncounters(ctx.store.path, task, { onProgress: report });
      if (!('json' in done)) throw new Error('an export to text came back without its text');
      recordAudit(ctx, { action: 'export', encounterId: null, detail: format === 'json' ? { count: done.count } : { count: done.count, format: formatWords[format] } }, at);
      recordCheckpoint(ctx, 'export');
      return { json: done.json, count: done.count };
    });

  const importFile = (format: 'json' | 'fhir', input: { json?: string | undefined; sealed?: string | undefined; passphrase?: string | undefined }) =>
    jobs.runTransfer('import', async (report) => {
      const at = ctx.now().toISOString();
      let imported = 0;
      const lateSkips: ImportResult['skipped'] = [];
      const checked = await worker.importFile(
        ctx.store.path,
        {
          kind: 'import',
          format,
          at,
          appVersion: ctx.appVersion,
          ...(input.sealed !== undefined ? { sealed: input.sealed, passphrase: input.passphrase ?? '' } : { text: input.json ?? '' }),
        },
        {
          onProgress: report,
          onBatch(batch) {
            try {
              const { written, skipped } = writeImportBatch(ctx.store.db, batch, at);
              imported += written;
              lateSkips.push(...skipped);
            } catch (error) {
              if (imported === 0) throw error;
              const { code, message } = error instanceof ApiError ? error : new ApiError('io', `The import could not be written (${(error as Error).message}).`);
              throw new ApiError(code, `${message} ${imported} encounters of the file were imported before it stopped, each whole; importing the same file again adds only the rest.`);
            }
          },
        },
      );
      const skipped = [...checked.skipped, ...lateSkips].sort((a, b) => a.index - b.index);
      if (format === 'json') return { imported, skipped };
      const late = new Set(lateSkips.map((s) => s.index));
      return { imported, skipped, notImported: (checked.notImported ?? []).filter((n) => !late.has(n.index)), notes: checked.notes ?? [] };
    });

  return {
    'data.exportJson': ({ ids }) => exportText('json', ids),
    'data.exportFhir': ({ ids, bundle }) => exportText(bundle === 'transaction' ? 'fhir-transaction' : 'fhir', ids),

    'data.exportFile': ({ format, path: given, overwrite, passphrase, ids }) =>
      jobs.runTransfer('export', async (report) => {
        const path = resolve(given);
        const live = resolve(ctx.store.path);
        if (path === live || path.startsWith(`${live}-`)) throw new ApiError('invalid', 'Choose another file: this is the database in use.', 'path');
        requireFolder(path);
        if (!overwrite && existsSync(path)) throw alreadyThere(path);
        const at = ctx.now().toISOString();
        const temp = tempPathBeside(path);
        // Listed so that a start after a crash removes a half-written export (temp-files.ts).
        const untrack = trackTemporary(ctx.store.dataDir, temp);
        try {
          const task: ExportTask = { kind: 'export', format, ids, exportedAt: at, appVersion: ctx.appVersion, file: { temp, target: path, overwrite, passphrase } };
          const done = await worker.exportEncounters(ctx.store.path, task, { onProgress: report });
          if (!('sha256' in done)) throw new Error('an export to a file came back without its file');
          const encrypted = passphrase !== undefined;
          recordAudit(ctx, { action: 'export', encounterId: null, detail: { count: done.count, format: formatWords[format], path, bytes: done.bytes, sha256: done.sha256, encrypted: encrypted ? 'yes' : 'no' } }, at);
          recordCheckpoint(ctx, 'export');
          return { path, count: done.count, bytes: done.bytes, sha256: done.sha256, encrypted };
        } finally {
          rmSync(temp, { force: true });
          untrack();
        }
      }),

    'data.progress': () => jobs.transferProgress(),

    'data.importJson': (input) => importFile('json', input),
    'data.importFhir': (input) => importFile('fhir', input),
  };
}
