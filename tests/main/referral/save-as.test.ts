import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { referralFileName } from '../../../shared/api/referral.ts';
import type { ReferralSaveDialog, ReferralShell } from '../../../electron/main/app/referral-files.ts';
import { failure, openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';
import { fontDir, servicesWithDvtDraft, sha } from './fixtures.ts';

/**
 * The desktop app's "Save as…" and "Open the file" for referral letters, with a fake save dialog
 * and a fake shell in place of Electron's: the real store, render worker and atomic export.
 */

/** A save dialog that answers what the test queued, and records what it was asked. */
class FakeDialog implements ReferralSaveDialog {
  readonly asked: { defaultName: string; folder: string | null }[] = [];
  readonly answers: (string | null)[] = [];
  async chooseSavePath(request: { defaultName: string; folder: string | null }): Promise<string | null> {
    this.asked.push({ ...request });
    if (this.answers.length === 0) throw new Error('the dialog was not expected to open');
    return this.answers.shift()!;
  }
}

class FakeShell implements ReferralShell {
  readonly opened: string[] = [];
  answer = '';
  async openPath(path: string): Promise<string> {
    this.opened.push(path);
    return this.answer;
  }
}

describe('referral.saveAs and referral.open in the desktop app', () => {
  // Each test starts from a fresh store, folder, dialog and shell: the session remembers the last
  // folder used and the letters it saved, so sharing them would make a test depend on another.
  let dialog: FakeDialog;
  let shell: FakeShell;
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  let id: string;
  let revision: number;
  const options = { timeZone: 'Europe/London' };
  const exports = async () => (await t.client.audit.list({ encounterId: id })).filter((e) => e.action === 'export');

  beforeEach(async () => {
    dialog = new FakeDialog();
    shell = new FakeShell();
    ({ t, id, revision } = await servicesWithDvtDraft({ dialog, shell }));
    out = tempDir('legpain-save-as-');
  });
  afterEach(() => {
    t.dispose();
    out.remove();
    expect(dialog.answers).toEqual([]);
  });

  it('cancelling the dialog saves nothing and records nothing', async () => {
    dialog.answers.push(null);
    expect(await t.client.referral.saveAs({ id, revision, options })).toBeNull();
    // The dialog offers the patient's name and the day seen, in the last folder used (none yet).
    expect(dialog.asked).toEqual([{ defaultName: 'referral-Ada-Example-2026-11-25.pdf', folder: null }]);
    expect(readdirSync(out.path)).toEqual([]);
    expect(await exports()).toEqual([]);
  });

  it('saves the previewed letter atomically where the clinician chose, with an audit entry, and opens the next dialog there', async () => {
    const path = join(out.path, 'letter.pdf');
    dialog.answers.push(path);
    const saved = await t.client.referral.saveAs({ id, revision, options });
    const bytes = readFileSync(path);
    expect(saved).toEqual({ path, sha256: sha(bytes), bytes: bytes.byteLength, pages: saved!.pages });
    // No temporary file left beside it.
    expect(readdirSync(out.path)).toEqual(['letter.pdf']);
    // The same bytes the preview showed.
    expect((await t.client.referral.preview({ id, revision, options })).sha256).toBe(saved!.sha256);
    const entries = await exports();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ path, sha256: saved!.sha256, revision });

    dialog.answers.push(null);
    await t.client.referral.saveAs({ id, options });
    expect(dialog.asked.map((a) => a.folder)).toEqual([null, out.path]);
  });

  it('replaces an existing file only when the dialog itself chose it (the dialog asked first)', async () => {
    const path = join(out.path, 'existing.pdf');
    writeFileSync(path, 'an older letter');
    dialog.answers.push(path);
    const saved = await t.client.referral.saveAs({ id, options });
    expect(sha(readFileSync(path))).toBe(saved!.sha256);

    // A name typed without ".pdf" is completed here; the dialog never showed that name, so an
    // existing file of that name is left alone.
    const other = join(out.path, 'typed.pdf');
    writeFileSync(other, 'keep me');
    dialog.answers.push(join(out.path, 'typed'));
    const e = await failure(t.client.referral.saveAs({ id, options }));
    expect(e.code).toBe('exists');
    expect(readFileSync(other, 'utf8')).toBe('keep me');

    dialog.answers.push(join(out.path, 'fresh'));
    const fresh = await t.client.referral.saveAs({ id, options });
    expect(fresh!.path).toBe(join(out.path, 'fresh.pdf'));
    expect(existsSync(fresh!.path)).toBe(true);
  });

  it('refuses a stale revision before asking for a file', async () => {
    const e = await failure(t.client.referral.saveAs({ id, revision: revision + 3, options }));
    expect(e.code).toBe('conflict');
    expect(dialog.asked).toEqual([]);
  });

  it('opens only a letter saved in this session, never another path', async () => {
    const path = join(out.path, 'to-open.pdf');
    dialog.answers.push(path);
    await t.client.referral.saveAs({ id, options });
    expect(await t.client.referral.open({ path })).toEqual({ opened: true });
    expect(shell.opened).toEqual([path]);

    // A file that exists but was not saved by this session: refused, the shell never called.
    const foreign = join(out.path, 'not-ours.pdf');
    writeFileSync(foreign, '%PDF-1.4 not ours');
    for (const p of [foreign, join(out.path, 'x', '..', 'not-ours.pdf'), '/etc/passwd.pdf']) {
      const e = await failure(t.client.referral.open({ path: p }));
      expect(e.code, p).toBe('forbidden');
    }
    expect((await failure(t.client.referral.open({ path: '/bin/sh' } as never))).code).toBe('invalid');
    expect(shell.opened).toEqual([path]);

    // A letter exported to an explicit path is one of ours too.
    const exported = join(out.path, 'exported.pdf');
    await t.client.referral.export({ id, options, path: exported });
    await t.client.referral.open({ path: join(out.path, 'x', '..', 'exported.pdf') });
    expect(shell.opened).toEqual([path, exported]);

    // What the shell reports, and a letter moved away since, in plain words.
    shell.answer = 'No application is associated with this file.';
    const e = await failure(t.client.referral.open({ path }));
    expect(e).toMatchObject({ code: 'io', message: 'The letter could not be opened: No application is associated with this file.' });
    rmSync(exported);
    expect((await failure(t.client.referral.open({ path: exported }))).code).toBe('not-found');
  });
});

describe('referral.saveAs and referral.open over the loopback bridge (no dialog, no shell)', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeAll(() => {
    t = openTestServices({ fontDir });
    out = tempDir('legpain-save-as-bridge-');
  });
  afterAll(() => {
    t.dispose();
    out.remove();
  });

  it('answers that these work in the desktop app, and writes nothing', async () => {
    const { id } = await t.client.encounter.save(sampleDraft());
    const e = await failure(t.client.referral.saveAs({ id }));
    expect(e).toMatchObject({ code: 'forbidden', message: 'Saving to a chosen folder works in the desktop app; use Download here.' });
    const path = join(out.path, 'letter.pdf');
    await t.client.referral.export({ id, path });
    const open = await failure(t.client.referral.open({ path }));
    expect(open.code).toBe('forbidden');
    expect(open.message).toMatch(/desktop app/);
  });
});

describe('referralFileName', () => {
  it("names the file after the patient and the day seen, in the clinician's time zone", () => {
    expect(referralFileName('Ada Example', '2026-11-25T10:30:00Z', 'Europe/London')).toBe('referral-Ada-Example-2026-11-25.pdf');
    expect(referralFileName('Ada Example', '2026-11-25T23:30:00Z', 'Australia/Sydney')).toBe('referral-Ada-Example-2026-11-26.pdf');
    expect(referralFileName('Ada Example', '2026-11-25T03:30:00Z', 'America/New_York')).toBe('referral-Ada-Example-2026-11-24.pdf');
  });

  it('keeps letters of any script and drops characters file systems refuse', () => {
    expect(referralFileName("Zoë O'Brien-Smith", '2026-11-25T10:30:00Z', 'UTC')).toBe('referral-Zoë-O-Brien-Smith-2026-11-25.pdf');
    expect(referralFileName('Дмитрий Иванов', '2026-11-25T10:30:00Z', 'UTC')).toBe('referral-Дмитрий-Иванов-2026-11-25.pdf');
    expect(referralFileName('../../etc/passwd: *?<>|', '2026-11-25T10:30:00Z', 'UTC')).toBe('referral-etc-passwd-2026-11-25.pdf');
    expect(referralFileName('  ', '2026-11-25T10:30:00Z', 'UTC')).toBe('referral-patient-2026-11-25.pdf');
  });

  it('composes accents typed as two characters, and keeps at most 80 characters of the name', () => {
    expect(referralFileName('Zoe\u0308 Brown', '2026-11-25T10:30:00Z', 'UTC')).toBe('referral-Zo\u00eb-Brown-2026-11-25.pdf');
    expect(referralFileName('A'.repeat(100), '2026-11-25T10:30:00Z', 'UTC')).toBe(`referral-${'A'.repeat(80)}-2026-11-25.pdf`);
  });
});
