import { z } from 'zod';
import { method } from '../define.ts';
import {
  BackupProgress,
  BackupResult,
  BackupRequest,
  ExportFileRequest,
  ExportFileResult,
  ExportRequest,
  ExportResult,
  ImportRequest,
  ImportResult,
  RestoreRequest,
  RestoreResult,
  TransferProgress,
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
  'data.exportJson': method(ExportRequest, ExportResult, 'Encounters (all, or the ids given) as a JSON document, returned as text (for a few encounters; data.exportFile writes any number to a file)'),
  'data.exportFile': method(
    ExportFileRequest,
    ExportFileResult,
    'Write encounters (all, or the ids given) to a file as JSON, a FHIR R4 Bundle or a FHIR transaction, streamed with progress, encrypted with a passphrase if one is given; an existing file is replaced only with overwrite',
  ),
  'data.progress': method(z.object({}), TransferProgress, 'How far the running export or import has got (one at a time; a second one is refused with conflict)'),
  'data.importJson': method(
    ImportRequest,
    ImportResult,
    'Add the encounters of a JSON export (its text, or a passphrase-protected file with its passphrase); never overwrites, reports what it skipped and why',
  ),
} as const;
