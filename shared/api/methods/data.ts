import { z } from 'zod';
import { method } from '../define.ts';
import {
  BackupProgress,
  BackupResult,
  BackupRequest,
  ExportRequest,
  ExportResult,
  ImportRequest,
  ImportResult,
  RestoreRequest,
  RestoreResult,
} from '../transfer.ts';

export const dataMethods = {
  'backup.create': method(
    BackupRequest,
    BackupResult,
    'Write a checked copy of the whole database to a file, encrypted with a passphrase if one is given; an existing file is replaced only with overwrite',
  ),
  'backup.restore': method(
    RestoreRequest,
    RestoreResult,
    'Replace the database with a backup (checked first; the current database is kept aside)',
  ),
  'backup.progress': method(
    z.object({}),
    BackupProgress,
    'How far the running backup or restore has got (only one runs at a time; a second one is refused with conflict)',
  ),
  'data.exportJson': method(ExportRequest, ExportResult, 'Encounters (all, or the ids given) as a JSON document'),
  'data.importJson': method(
    ImportRequest,
    ImportResult,
    'Add the encounters of a JSON export; never overwrites, reports what it skipped and why',
  ),
} as const;
