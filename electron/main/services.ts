import { resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import type { Services } from '../../shared/api/methods.ts';
import { resourcePath } from './resources.ts';
import { createReferralFileServices, type ReferralSaveDialog, type ReferralShell } from './app/referral-files.ts';
import { referralServices } from './referral/store-services.ts';
import { dataServices } from './services/data.ts';
import { createJobs } from './services/jobs.ts';
import { transferServices } from './services/transfers.ts';
import { startTransferWorker, type TransferWorker } from './transfer/transfer-worker.ts';
import { encounterServices } from './services/encounter.ts';
import { systemServices } from './services/system.ts';
import { reviewServices } from './review/services.ts';
import type { ServiceContext } from './services/context.ts';
import type { BackupAuditChecker } from './store/backup-audit.ts';
import { createStore, type Store } from './store/store.ts';

export interface OpenServicesOptions {
  /** The folder holding the database (LEGPAIN_DATA_DIR, the user-data folder, or a test's temporary folder). */
  readonly dataDir: string;
  readonly now?: () => Date;
  readonly appVersion?: string;
  /** The fonts referral letters embed (resources/fonts); default: the resources/fonts of this checkout or build. */
  readonly fontDir?: string;
  /** The referral render worker's entry file; the Electron build passes `./referral/worker.ts?modulePath`. */
  readonly referralWorker?: URL | string;
  /** The import/export worker's entry file; the Electron build passes `./transfer/worker.ts?modulePath`. */
  readonly transferWorker?: URL | string;
  /** The transfer tasks' runner in place of the worker thread (mutation testing: transfer/in-thread.ts). */
  readonly transfers?: TransferWorker;
  /** The desktop app's save dialog for referral.saveAs; without it (the loopback bridge) saveAs is refused. */
  readonly dialog?: ReferralSaveDialog;
  /** The desktop app's shell for referral.open; without it referral.open is refused. */
  readonly shell?: ReferralShell;
}

export interface OpenedServices {
  /** One function per method of the contract, taking parsed input. */
  readonly services: Services;
  readonly store: Store;
  /** Set when a damaged database was moved aside at start-up: show it to the user. */
  readonly startupNotice: string | null;
  /** Closes the database cleanly (the WAL is checkpointed). */
  close(): void;
}

/**
 * Opens the database of `dataDir` and the services of every domain. A domain adds its services
 * with one line here (and its rows in shared/api/methods.ts). Throws NewerDatabaseError or
 * DatabaseAccessError, with a message for the user, when the database cannot be used at all.
 */
export function openServices(opts: OpenServicesOptions): OpenedServices {
  const now = opts.now ?? (() => new Date());
  const store = createStore(opts.dataDir, now);
  const ctx: ServiceContext = { store, now, appVersion: opts.appVersion ?? 'development' };
  // The render worker starts at the first referral call, not here.
  const referral = referralServices(ctx, {
    fontDir: opts.fontDir ?? resourcePath('fonts', { isPackaged: false, appPath: resolve(import.meta.dirname, '../..') }),
    workerUrl: opts.referralWorker,
  });
  const jobs = createJobs();
  // The transfer worker starts at the first import, export or audit check, not here.
  const workerOptions = opts.transferWorker === undefined ? {} : { workerUrl: opts.transferWorker };
  const transfers = opts.transfers ?? startTransferWorker(workerOptions);
  // A backup's audit log is checked before a restore on a worker of its own: seconds at 100,000
  // encounters, which must neither hold the main thread nor wait behind an export on the shared one.
  const checkBackupAudit: BackupAuditChecker = async (path, key) => {
    const worker = opts.transfers ?? startTransferWorker(workerOptions);
    try {
      return await worker.checkBackupAudit(path, { kind: 'backup-audit', key: { key: new Uint8Array(key.key), id: key.id } });
    } catch {
      // The worker's own words speak of a transfer; this is a restore, which changed nothing. Not
      // 'internal', whose words the window replaces with a general apology: these say what to do.
      throw new ApiError('io', "The backup's audit log could not be checked, so it was not restored. Your current encounters were not changed; try again.");
    } finally {
      if (worker !== opts.transfers) await worker.close();
    }
  };
  const base = {
    ...encounterServices(ctx),
    ...systemServices(ctx, { jobs, worker: transfers }),
    ...dataServices(ctx, { jobs, checkBackupAudit }),
    ...transferServices(ctx, { jobs, worker: transfers }),
    ...reviewServices(ctx),
    ...referral.services,
  };
  const services: Services = {
    ...base,
    ...createReferralFileServices({
      export: base['referral.export'],
      getEncounter: (id) => base['encounter.get']({ id }),
      getSettings: () => base['settings.get']({}),
      saveSettings: (patch) => base['settings.save'](patch),
      dialog: opts.dialog,
      shell: opts.shell,
    }),
  };
  const close = (): void => {
    void referral.close();
    void transfers.close();
    store.close();
  };
  return { services, store, startupNotice: store.startupNotice, close };
}
