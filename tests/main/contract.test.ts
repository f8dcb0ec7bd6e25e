import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api/methods.ts';
import { KB_VERSION } from '../../shared/clinical/index.ts';
import { CAUSE_IDS } from '../../shared/clinical/vocabulary.ts';
import { failure, openTestServices, sampleDraft, snapshot, type TestServices } from './helpers.ts';
import { TRANSPORTS, type Transport } from './transports.ts';

/** Every method and rule of spec/encounter-api.md, over the IPC handlers and over the loopback bridge. */

describe.each(TRANSPORTS)('the encounter contract over %s', (_name, connect) => {
  let t: TestServices;
  let transport: Transport;
  const client = () => transport.client;

  beforeEach(async () => {
    t = openTestServices();
    transport = await connect(t.services);
    await client().profile.save({ name: 'Dr Sam Reyes', role: 'General practitioner' });
  });
  afterEach(async () => {
    await transport.close();
    t.dispose();
  });

  it('creates an encounter: the store issues the id and revision 1 and computes the assessment itself', async () => {
    const draft = { ...sampleDraft(), assessment: { differential: 'forged by the client' } };
    const saved = await client().encounter.save(draft);
    expect(saved.revision).toBe(1);
    expect(typeof saved.id).toBe('string');
    // The draft records a swollen calf on one side, and no intense activity before it: the store's
    // own assessment of those findings puts DVT first on all three, and the checked-absent activity
    // argues against a muscle strain (which follows intense activity).
    const { differential } = saved.assessment;
    expect(differential[0]).toMatchObject({ cause: 'dvt', rank: 1 });
    expect([...differential[0]!.supporting].sort()).toEqual(['calf-swelling', 'loc-calf', 'unilateral']);
    expect(differential.find((d) => d.cause === 'muscle-strain')!.against).toContain('after-intense-activity');
    expect(differential.map((d) => d.cause).sort()).toEqual([...CAUSE_IDS].sort());
    expect(saved.assessment.knowledgeBase).toBe(KB_VERSION);
    expect(api['encounter.save'].output.safeParse(saved).success).toBe(true);
  });

  it('returns the latest revision with its fields as saved and an empty list of addenda', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    const got = await client().encounter.get({ id });
    expect(got).toMatchObject({ id, revision: 1, status: 'draft', ...sampleDraft(), addenda: [], signedAt: null, signedBy: null });
    expect(api['encounter.get'].output.safeParse(got).success).toBe(true);
  });

  it('appends a revision for a save based on the latest one, and keeps every revision oldest first', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    const second = await client().encounter.save({ ...sampleDraft({ notes: 'Second look: swelling worse.' }), id, baseRevision: 1 });
    expect(second).toMatchObject({ id, revision: 2 });
    const third = await client().encounter.save({ ...sampleDraft({ findings: ['loc-calf'], absent: [] }), id, baseRevision: 2 });
    expect(third.revision).toBe(3);
    expect((await client().encounter.get({ id })).findings).toEqual(['loc-calf']);
    const revisions = await client().encounter.revisions({ id });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(revisions.map((r) => r.encounter.notes)).toEqual([sampleDraft().notes, 'Second look: swelling worse.', sampleDraft().notes]);
    expect(revisions[0]!.encounter.findings).toEqual(['loc-calf', 'unilateral', 'calf-swelling']);
    for (const r of revisions) expect(r.savedAt).toBe(r.encounter.savedAt);
    expect(api['encounter.revisions'].output.safeParse(revisions).success).toBe(true);
  });

  it('signs an encounter, which locks it; addenda are added afterwards, oldest first', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    const signed = await client().encounter.sign({ id, baseRevision: 1 });
    expect(signed).toMatchObject({ id, revision: 1, status: 'signed', signedBy: 'Dr Sam Reyes' });
    expect(signed.signedAt).not.toBeNull();

    const first = await client().encounter.addAddendum({ id, text: 'Doppler booked for tomorrow.' });
    expect(first).toMatchObject({ text: 'Doppler booked for tomorrow.', author: 'Dr Sam Reyes' });
    expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false);
    await client().encounter.addAddendum({ id, text: 'Doppler negative.' });
    const got = await client().encounter.get({ id });
    expect(got.status).toBe('signed');
    expect(got.addenda.map((a) => a.text)).toEqual(['Doppler booked for tomorrow.', 'Doppler negative.']);
  });

  it('shows the signature on the signed revision only: the revisions before it stay drafts in the history', async () => {
    const { id } = await client().encounter.save(sampleDraft({ notes: 'First look.' }));
    await client().encounter.save({ ...sampleDraft({ notes: 'Second look.' }), id, baseRevision: 1 });
    const signed = await client().encounter.sign({ id, baseRevision: 2 });
    const revisions = await client().encounter.revisions({ id });
    expect(revisions.map((r) => [r.revision, r.encounter.status, r.encounter.signedAt, r.encounter.signedBy, r.encounter.notes])).toEqual([
      [1, 'draft', null, null, 'First look.'],
      [2, 'signed', signed.signedAt, 'Dr Sam Reyes', 'Second look.'],
    ]);
  });

  it('searches patient name, identifier, complaint and notes, best match first, with marked snippets', async () => {
    const ada = await client().encounter.save(sampleDraft());
    const bob = await client().encounter.save(
      sampleDraft({
        patient: { name: 'Bob Stone', birthDate: '1970-01-01', sex: 'male', identifier: 'MRN 777' },
        complaint: 'Buttock pain radiating down the leg',
        notes: 'Mentions that Ada, his wife, had a DVT.',
        findings: ['loc-buttock', 'radiates-from-back'],
        absent: [],
        workingDiagnosis: 'sciatica',
      }),
    );
    const byName = await client().encounter.search({ query: 'ada' });
    expect(byName.map((h) => h.id)).toEqual([ada.id, bob.id]);
    expect(byName[0]).toMatchObject({ patientName: 'Ada Example', status: 'draft', seenAt: '2026-11-25T10:30:00.000Z' });
    expect(byName[0]!.snippet).toContain('[[Ada]]');
    expect((await client().encounter.search({ query: 'MRN 777' })).map((h) => h.id)).toEqual([bob.id]);
    expect((await client().encounter.search({ query: 'radiating' })).map((h) => h.id)).toEqual([bob.id]);
    expect((await client().encounter.search({ query: 'palpation' })).map((h) => h.id)).toEqual([ada.id]);
    expect(await client().encounter.search({ query: 'ada', limit: 1 })).toHaveLength(1);
    expect(api['encounter.search'].output.safeParse(byName).success).toBe(true);
  });

  it('accepts any text as a search query', async () => {
    await client().encounter.save(sampleDraft());
    for (const query of ['', '"', '*', 'AND', 'NEAR(', "'; DROP TABLE encounters; --", 'calf OR', '(((', '^ada', 'ädä', '🦵 calf', 'a"b', '-', 'col:val']) {
      expect(Array.isArray(await client().encounter.search({ query }))).toBe(true);
    }
    expect((await client().encounter.search({ query: '^ada' })).length).toBe(1);
  });

  it('verifies the audit log: intact, counting its entries', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    await client().encounter.sign({ id, baseRevision: 1 });
    // profile.save, create, sign
    expect(await client().audit.verify({})).toMatchObject({ intact: true, entries: 3 });
  });

  it('rejects invalid input naming the field, and writes nothing', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    const before = snapshot(t.store.db);
    const cases: [unknown, string][] = [
      [sampleDraft({ patient: { name: 'A', birthDate: '2999-01-01', sex: 'female', identifier: '' } }), 'patient.birthDate'],
      [sampleDraft({ patient: { name: 'A', birthDate: '2001-02-30', sex: 'female', identifier: '' } }), 'patient.birthDate'],
      [sampleDraft({ findings: ['calf'] }), 'findings.0'],
      [sampleDraft({ findings: ['loc-calf'], absent: ['loc-calf'] }), 'absent.0'],
      [sampleDraft({ pain: { intensity: 11 } }), 'pain.intensity'],
      [sampleDraft({ workingDiagnosis: 'flu' }), 'workingDiagnosis'],
      [{ ...sampleDraft(), seenAt: 'yesterday' }, 'seenAt'],
      [{ ...sampleDraft(), patient: { name: '' } }, 'patient.name'],
      [{ ...sampleDraft(), id }, 'baseRevision'],
      [{ ...sampleDraft(), referral: { priority: 'whenever' } }, 'referral.priority'],
    ];
    for (const [input, path] of cases) {
      const error = await failure(client().encounter.save(input as never));
      expect(error.code, path).toBe('invalid');
      expect(error.path).toBe(path);
      expect(error.message.length).toBeGreaterThan(5);
    }
    expect((await failure(client().encounter.get({ id: 42 } as never))).path).toBe('id');
    expect((await failure(client().encounter.addAddendum({ id, text: '   ' }))).code).toBe('invalid');
    // An addendum to a draft: the draft is to be changed and saved, not annotated.
    const toDraft = await failure(client().encounter.addAddendum({ id, text: 'Seen again.' }));
    expect(toDraft).toMatchObject({ code: 'invalid', path: 'id' });
    expect(toDraft.message).toMatch(/still a draft.*Addenda are for signed encounters/);
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers not-found for an id the store never issued', async () => {
    const id = 'never-issued';
    for (const call of [
      client().encounter.get({ id }),
      client().encounter.revisions({ id }),
      client().encounter.sign({ id, baseRevision: 1 }),
      client().encounter.addAddendum({ id, text: 'x' }),
      client().encounter.save({ ...sampleDraft(), id, baseRevision: 1 }),
    ]) {
      expect((await failure(call)).code).toBe('not-found');
    }
  });

  it('locks a signed encounter: a save or a second signature gets locked and changes nothing', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    await client().encounter.sign({ id, baseRevision: 1 });
    const before = snapshot(t.store.db);
    const lateEdit = await failure(client().encounter.save({ ...sampleDraft({ notes: 'late edit' }), id, baseRevision: 1 }));
    expect(lateEdit.code).toBe('locked');
    // The window shows this message: it must say why, and what to do instead.
    expect(lateEdit.message).toMatch(/signed and can no longer be changed; add an addendum instead/);
    const secondSignature = await failure(client().encounter.sign({ id, baseRevision: 1 }));
    expect(secondSignature.code).toBe('locked');
    expect(secondSignature.message).toBe(lateEdit.message);
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('refuses a save or a signature based on a stale revision with conflict, changing nothing', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    await client().encounter.save({ ...sampleDraft({ notes: 'from the other window' }), id, baseRevision: 1 });
    const before = snapshot(t.store.db);
    const stale = await failure(client().encounter.save({ ...sampleDraft({ notes: 'mine' }), id, baseRevision: 1 }));
    expect(stale.code).toBe('conflict');
    // The conflict names the field and tells the clinician both revisions and that nothing was saved.
    expect(stale.path).toBe('baseRevision');
    expect(stale.message).toMatch(/saved elsewhere .*now at revision 2; your changes were made to revision 1\)\. Nothing was saved/);
    const staleSignature = await failure(client().encounter.sign({ id, baseRevision: 1 }));
    expect(staleSignature.code).toBe('conflict');
    expect(staleSignature.path).toBe('baseRevision');
    expect(staleSignature.message).toMatch(/saved elsewhere .*now at revision 2\)\. Nothing was signed/);
    expect(snapshot(t.store.db)).toBe(before);
    expect((await client().encounter.get({ id })).notes).toBe('from the other window');
  });

  it('refuses a save or a signature naming a revision the encounter never reached with conflict, changing nothing', async () => {
    const { id } = await client().encounter.save(sampleDraft({ notes: 'as first saved' }));
    const before = snapshot(t.store.db);
    // Revision 2 does not exist yet: saving "on top of it" would pass off an unseen version as the one edited.
    expect((await failure(client().encounter.save({ ...sampleDraft({ notes: 'from nowhere' }), id, baseRevision: 2 }))).code).toBe('conflict');
    expect((await failure(client().encounter.sign({ id, baseRevision: 2 }))).code).toBe('conflict');
    expect(snapshot(t.store.db)).toBe(before);
    expect(await client().encounter.get({ id })).toMatchObject({ revision: 1, status: 'draft', notes: 'as first saved' });
  });

  it('checks the rules in order: invalid, then not-found, then locked, then conflict', async () => {
    const { id } = await client().encounter.save(sampleDraft());
    await client().encounter.sign({ id, baseRevision: 1 });
    // unknown id and invalid input: invalid
    expect((await failure(client().encounter.save({ ...sampleDraft({ findings: ['nope'] }), id: 'unknown', baseRevision: 1 }))).code).toBe('invalid');
    // signed and invalid: invalid
    expect((await failure(client().encounter.save({ ...sampleDraft({ findings: ['nope'] }), id, baseRevision: 1 }))).code).toBe('invalid');
    // unknown id with any base revision: not-found
    expect((await failure(client().encounter.save({ ...sampleDraft(), id: 'unknown', baseRevision: 99 }))).code).toBe('not-found');
    // signed with a stale base revision: locked, not conflict
    expect((await failure(client().encounter.save({ ...sampleDraft(), id, baseRevision: 99 }))).code).toBe('locked');
    expect((await failure(client().encounter.sign({ id, baseRevision: 99 }))).code).toBe('locked');
  });
});
