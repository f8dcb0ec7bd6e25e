import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../../../shared/api/transfer.ts';
import { KB_VERSION, knowledgeBase } from '../../../shared/clinical/index.ts';
import { toFhirBundle, toFhirTransaction } from '../../../shared/review/fhir/index.ts';
import { readEncounter } from '../../../electron/main/store/encounters.ts';
import { exported, headsToExport } from '../../../electron/main/store/transfer.ts';
import { exportDocument } from '../../../electron/main/transfer/export-document.ts';
import { failure, openTestServices, sampleDraft, snapshot, tempDir, type TestServices } from '../helpers.ts';

/** Issue 11, item 11: exports streamed to a file, the same bytes as the whole document, optionally sealed. */

describe('exports written to a file', () => {
  let s: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    s = openTestServices();
    out = tempDir('legpain-export-');
    const a = await s.client.encounter.save(sampleDraft());
    await s.client.encounter.save(sampleDraft({ patient: { name: 'Bo Example', birthDate: '1970-01-01', sex: 'male', identifier: 'MRN 9' }, notes: 'line one\nline "two"' }));
    await s.client.encounter.save({ ...sampleDraft({ notes: 'second revision' }), id: a.id, baseRevision: 1 });
    await s.client.encounter.sign({ id: a.id, baseRevision: 2 });
    await s.client.encounter.addAddendum({ id: a.id, text: 'Doppler negative.' });
  });
  afterEach(() => {
    s.dispose();
    out.remove();
  });

  it('streams each format as exactly the document built whole', () => {
    const db = s.store.db;
    const heads = headsToExport(db, undefined);
    const at = '2026-12-01T10:00:00.000Z';
    const text = (format: 'json' | 'fhir' | 'fhir-transaction', h = heads) => [...exportDocument(db, h, { format, exportedAt: at, appVersion: 'test' })].join('');
    const whole = { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: at, appVersion: 'test', knowledgeBase: KB_VERSION };
    expect(text('json')).toBe(JSON.stringify({ ...whole, encounters: heads.map((h) => exported(db, h)) }, null, 1));
    expect(text('json', [])).toBe(JSON.stringify({ ...whole, encounters: [] }, null, 1));
    const items = heads.map((h) => {
      const { addenda, ...encounter } = readEncounter(db, h);
      return { encounter, addenda };
    });
    expect(text('fhir')).toBe(JSON.stringify(toFhirBundle(items, { kb: knowledgeBase, exportedAt: at })));
    expect(text('fhir', [])).toBe(JSON.stringify(toFhirBundle([], { kb: knowledgeBase, exportedAt: at })));
    expect(text('fhir-transaction')).toBe(JSON.stringify(toFhirTransaction(items, { kb: knowledgeBase, exportedAt: at })));
  });

  it('writes the file owner-only, refuses to replace one unless asked, and the file imports elsewhere', async () => {
    const path = join(out.path, 'export.json');
    const r = await s.client.data.exportFile({ format: 'json', path });
    expect(r).toMatchObject({ path, count: 2, encrypted: false });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(out.path)).toEqual(['export.json']);
    expect(await failure(s.client.data.exportFile({ format: 'fhir', path }))).toMatchObject({ code: 'exists' });
    expect(JSON.parse(readFileSync(path, 'utf8')).encounters).toHaveLength(2);
    const other = openTestServices();
    try {
      expect(await other.client.data.importJson({ json: readFileSync(path, 'utf8') })).toMatchObject({ imported: 2, skipped: [] });
    } finally {
      other.dispose();
    }
  });

  it('seals the file with a passphrase; a wrong passphrase imports nothing, the right one everything', async () => {
    const path = join(out.path, 'sealed.fhir.json');
    const r = await s.client.data.exportFile({ format: 'fhir', path, passphrase: 'correct horse battery' });
    expect(r.encrypted).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('LPDXSEAL');
    expect(bytes.includes(Buffer.from('Ada Example'))).toBe(false);
    const other = openTestServices();
    try {
      const before = snapshot(other.store.db);
      const sealed = bytes.toString('base64');
      expect(await failure(other.client.data.importFhir({ sealed, passphrase: 'wrong horse battery' }))).toMatchObject({
        code: 'invalid',
        path: 'passphrase',
        message: 'The passphrase is not the one this file was protected with. Nothing was imported.',
      });
      expect(await failure(other.client.data.importFhir({ sealed }))).toMatchObject({ code: 'invalid', path: 'passphrase' });
      expect(snapshot(other.store.db)).toBe(before);
      expect(await other.client.data.importFhir({ sealed, passphrase: 'correct horse battery' })).toMatchObject({ imported: 2 });
    } finally {
      other.dispose();
    }
  });

  it('leaves no file behind when the folder is missing, and nothing when the target is the database', async () => {
    expect(await failure(s.client.data.exportFile({ format: 'json', path: join(out.path, 'missing', 'x.json') }))).toMatchObject({ code: 'io' });
    expect(await failure(s.client.data.exportFile({ format: 'json', path: s.store.path, overwrite: true }))).toMatchObject({ code: 'invalid', path: 'path' });
    writeFileSync(join(out.path, 'keep.json'), 'mine');
    expect(await failure(s.client.data.exportFile({ format: 'json', path: join(out.path, 'keep.json') }))).toMatchObject({ code: 'exists' });
    expect(readFileSync(join(out.path, 'keep.json'), 'utf8')).toBe('mine');
    expect(existsSync(join(out.path, 'missing'))).toBe(false);
  });
});
