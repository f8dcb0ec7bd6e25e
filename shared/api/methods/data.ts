import { method } from '../define.ts';
import {
  BackupResult,
  BackupTarget,
  ExportRequest,
  ExportResult,
  ImportRequest,
  ImportResult,
  RestoreResult,
} from '../transfer.ts';

export const dataMethods = {
  'backup.create': method(BackupTarget, BackupResult, 'Write a checked copy of the whole database to a file'),
  'backup.restore': method(
    BackupTarget,
    RestoreResult,
    'Replace the database with a backup (checked first; the current database is kept aside)',
  ),
  'data.exportJson': method(ExportRequest, ExportResult, 'Encounters (all, or the ids given) as a JSON document'),
  'data.importJson': method(
    ImportRequest,
    ImportResult,
    'Add the encounters of a JSON export; never overwrites, reports what it skipped and why',
  ),
} as const;
