/**
 * Figures of the data-integrity work (issue 11) at 20,000 encounters of the synthetic corpus:
 * - audit.verify: the whole check (chain, seal, every revision's, addendum's and assessment's
 *   fingerprint, signatures), measured here directly (the app runs it in the transfer worker thread);
 * - migration 6: fingerprinting the same encounters stored before fingerprints existed;
 * - an encrypted backup's sealing throughput, and opening it again.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../electron/main/store/audit.ts';
import { readCheckpoints } from '../../electron/main/store/audit-seal.ts';
import { verifyAudit } from '../../electron/main/store/audit-verify.ts';
import { encounterContentDetail } from '../../electron/main/store/content-hash.ts';
import { inTransaction, openConnection } from '../../electron/main/store/database.ts';
import { insertEncounter } from '../../electron/main/store/encounters.ts';
import { openSealedFile, sealFile } from '../../electron/main/store/sealed-file.ts';
import { createStore } from '../../electron/main/store/store.ts';
import { syntheticEncounters } from '../main/fixtures/synthetic-encounters.ts';

const COUNT = 20_000;
const bench = (name: string, value: number, unit: string) => process.stdout.write(`bench ${name} ${value < 10 ? value.toFixed(3) : value.toFixed(1)} ${unit}\n`);
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-integrity-'));

try {
  const store = createStore(join(dir, 'data'));
  const db = store.db;
  const corpus = syntheticEncounters({ count: COUNT, seed: 11 });
  for (let done = 0; done < COUNT; done += 5000) {
    inTransaction(db, () => {
      for (let i = 0; i < 5000; i++) {
        const e = corpus.next().value!;
        insertEncounter(db, e);
        appendAudit(db, { at: e.createdAt, who: 'bench', action: 'import', encounterId: e.id, detail: encounterContentDetail(e) });
      }
    });
  }
  const revisions = (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;

  const t0 = performance.now();
  const { checkpoints } = readCheckpoints(store.dataDir);
  const result = verifyAudit(db, { key: store.auditKey, checkpoints });
  const verifyMs = performance.now() - t0;
  if (!result.intact) throw new Error(`the corpus does not verify: ${result.problems[0]}`);
  bench(`audit-verify-${COUNT}-encounters-${revisions}-revisions`, verifyMs, 'ms');

  // Migration 6 on the same rows, as a database of version 5 would meet it.
  db.exec(`DROP TRIGGER audit_append_only_delete; DELETE FROM audit; DELETE FROM meta WHERE key LIKE 'audit_%'; PRAGMA user_version = 5;
           CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
  store.close();
  const t1 = performance.now();
  const upgraded = createStore(join(dir, 'data'));
  bench(`migration-6-fingerprint-${COUNT}-encounters`, performance.now() - t1, 'ms');
  const backup = join(dir, 'plain.sqlite');
  await upgraded.backup(backup);
  upgraded.close();

  const bytes = statSync(backup).size;
  const t2 = performance.now();
  await sealFile(backup, join(dir, 'sealed.backup'), 'a passphrase for the benchmark');
  const sealMs = performance.now() - t2;
  bench('sealed-backup-seal-throughput', bytes / 1024 / 1024 / (sealMs / 1000), 'MB/s');
  bench('sealed-backup-size', bytes / 1024 / 1024, 'MB');
  const t3 = performance.now();
  await openSealedFile(join(dir, 'sealed.backup'), join(dir, 'opened.sqlite'), 'a passphrase for the benchmark');
  bench('sealed-backup-open-throughput', bytes / 1024 / 1024 / ((performance.now() - t3) / 1000), 'MB/s');
  const check = openConnection(join(dir, 'opened.sqlite'), { readOnly: true });
  check.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
