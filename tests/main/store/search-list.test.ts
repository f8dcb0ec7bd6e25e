import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDraftInput } from '../../../shared/api/encounter.ts';
import { ftsQuery } from '../../../electron/main/store/queries.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

/** Full-text search, the filtered history list and one patient's timeline. */

describe('search and list', () => {
  let t: TestServices;
  const ids: Record<string, string> = {};

  const visits: [string, EncounterDraftInput][] = [
    ['ada-dvt', sampleDraft({ seenAt: '2026-03-01T09:00:00.000Z' })],
    [
      'ada-later',
      sampleDraft({
        seenAt: '2026-06-01T09:00:00.000+02:00',
        complaint: 'Follow-up, calf much better',
        notes: 'Anticoagulation going well.',
        findings: ['loc-calf'],
        absent: [],
        workingDiagnosis: null,
      }),
    ],
    [
      'bob-sciatica',
      sampleDraft({
        seenAt: '2026-04-15T14:00:00.000Z',
        patient: { name: 'Bob Stone', birthDate: '1970-01-01', sex: 'male', identifier: 'MRN 777' },
        complaint: 'Shooting pain from the buttock down the back of the thigh',
        notes: 'Worse when sitting at work. Straight-leg raise positive on the left.',
        findings: ['loc-buttock', 'loc-posterior-thigh', 'radiates-from-back', 'radiates-below-knee', 'char-shooting', 'worse-sitting', 'ex-slr-positive'],
        absent: ['calf-swelling'],
        workingDiagnosis: 'sciatica',
        referral: null,
      }),
    ],
    [
      'cleo-strain',
      sampleDraft({
        seenAt: '2026-05-20T08:00:00.000Z',
        patient: { name: 'Cléo Dupré', birthDate: '2001-07-04', sex: 'female', identifier: 'MRN 9' },
        complaint: 'Sudden pain at the back of the thigh while sprinting',
        notes: 'Felt a pop. Bruising appeared the next day.',
        findings: ['loc-posterior-thigh', 'onset-sudden', 'after-intense-activity', 'bruising-calf-ankle', 'rf-athlete'],
        absent: [],
        workingDiagnosis: 'muscle-strain',
        referral: null,
      }),
    ],
  ];

  /** A database holding the four visits, Bob's signed with an addendum; `into` receives their ids by key. */
  async function openFixture(into: Record<string, string>): Promise<TestServices> {
    const services = openTestServices();
    for (const [key, draft] of visits) into[key] = (await services.client.encounter.save(draft)).id;
    await services.client.encounter.sign({ id: into['bob-sciatica']!, baseRevision: 1 });
    await services.client.encounter.addAddendum({ id: into['bob-sciatica']!, text: 'MRI shows an L5/S1 disc herniation.' });
    return services;
  }

  // The tests below only read this fixture; a test that adds encounters opens its own.
  beforeAll(async () => {
    t = await openFixture(ids);
  });
  afterAll(() => t.dispose());

  const found = async (query: string) => (await t.client.encounter.search({ query })).map((h) => Object.entries(ids).find(([, id]) => id === h.id)![0]);

  it('finds finding labels and diagnoses in words, and addenda of signed encounters', async () => {
    expect(await found('straight leg')).toEqual(['bob-sciatica']);
    expect(await found('herniation')).toEqual(['bob-sciatica']);
    expect(await found('sciatica')).toEqual(['bob-sciatica']);
    expect(await found('deep vein thrombosis')).toContain('ada-dvt');
    expect(await found('pop')).toEqual(['cleo-strain']);
  });

  it('matches words as prefixes, ignoring case and accents, and needs every word', async () => {
    expect(await found('CLEO')).toEqual(['cleo-strain']);
    expect(await found('dupre')).toEqual(['cleo-strain']);
    expect(await found('sprint')).toEqual(['cleo-strain']);
    expect(await found('bob thigh')).toEqual(['bob-sciatica']);
    // Absent findings are not indexed: Bob's pertinent negative "calf swelling" does not make him a calf match.
    expect(await found('bob calf')).toEqual([]);
  });

  it('ranks a match on the patient above a match in the notes', async () => {
    const hits = await t.client.encounter.search({ query: 'ada' });
    expect(hits.map((h) => h.patientName).slice(0, 2)).toEqual(['Ada Example', 'Ada Example']);
  });

  it('returns summaries with the top cause, red flags and a snippet with the matched words marked', async () => {
    const [hit] = await t.client.encounter.search({ query: 'anticoagulation' });
    expect(hit).toMatchObject({ id: ids['ada-later'], patientName: 'Ada Example', patientIdentifier: 'MRN 004211', status: 'draft' });
    expect(hit!.snippet).toContain('[[Anticoagulation]]');
    const [bob] = await t.client.encounter.search({ query: 'Bob' });
    expect(bob).toMatchObject({ status: 'signed', workingDiagnosis: 'sciatica' });
  });

  it('lists newest first, paged, with the total', async () => {
    const page1 = await t.client.encounter.list({ limit: 2 });
    expect(page1.total).toBe(4);
    expect(page1.items.map((i) => i.id)).toEqual([ids['ada-later'], ids['cleo-strain']]);
    const page2 = await t.client.encounter.list({ limit: 2, offset: 2 });
    expect(page2.items.map((i) => i.id)).toEqual([ids['bob-sciatica'], ids['ada-dvt']]);
  });

  it('filters by status, cause, red flags, date range and patient', async () => {
    expect((await t.client.encounter.list({ status: 'signed' })).items.map((i) => i.id)).toEqual([ids['bob-sciatica']]);
    expect((await t.client.encounter.list({ cause: 'muscle-strain' })).items.map((i) => i.id)).toEqual([ids['cleo-strain']]);
    const withFlags = await t.client.encounter.list({ redFlags: true });
    expect(withFlags.items.every((i) => i.redFlags.length > 0)).toBe(true);
    const withoutFlags = await t.client.encounter.list({ redFlags: false });
    expect(withFlags.total + withoutFlags.total).toBe(4);
    // 2026-06-01T09:00+02:00 is 07:00 UTC: inside a range ending at 08:00 UTC.
    const range = await t.client.encounter.list({ from: '2026-04-01T00:00:00Z', to: '2026-06-01T08:00:00Z' });
    expect(range.items.map((i) => i.id)).toEqual([ids['ada-later'], ids['cleo-strain'], ids['bob-sciatica']]);
    expect((await t.client.encounter.list({ patientIdentifier: 'mrn 004211' })).total).toBe(2);
    expect((await t.client.encounter.list({ status: 'draft', cause: 'dvt' })).items.map((i) => i.id)).toEqual([ids['ada-dvt']]);
  });

  it("gives one patient's encounters oldest first", async () => {
    const timeline = await t.client.encounter.patientTimeline({ identifier: 'MRN 004211' });
    expect(timeline.map((s) => s.id)).toEqual([ids['ada-dvt'], ids['ada-later']]);
    expect(await t.client.encounter.patientTimeline({ identifier: 'MRN 000' })).toEqual([]);
  });

  it('turns any text into a query that cannot be a syntax error', () => {
    expect(ftsQuery('Ada "Example"')).toBe('"Ada"* "Example"*');
    expect(ftsQuery('NEAR(ab cd) OR ef*')).toBe('"NEAR"* "ab"* "cd"* "OR"* "ef"*');
    // A single letter is a word, not the prefix of every word it starts.
    expect(ftsQuery('a b')).toBe('"a" "b"');
    expect(ftsQuery('  ?! ')).toBeNull();
  });

  it('ranks only the most recently added matches when a query matches very many', async () => {
    const { search } = await import('../../../electron/main/store/queries.ts');
    // Four encounters mention the calf; with a window of two, only the newest two are ranked.
    const all = search(t.store.db, 'calf', 50, 100).map((h) => h.id);
    const windowed = search(t.store.db, 'calf', 50, 2).map((h) => h.id);
    expect(all.length).toBeGreaterThan(2);
    const newestTwo = (t.store.db.prepare("SELECT id FROM encounters WHERE n IN (SELECT rowid FROM encounter_search WHERE encounter_search MATCH '\"calf\"*') ORDER BY n DESC LIMIT 2").all() as { id: string }[]).map((r) => r.id);
    expect([...windowed].sort()).toEqual([...newestTwo].sort());
  });

  it('lists by cause: top cause or working diagnosis, each encounter once, counted once', async () => {
    // Its own copy of the fixture plus one encounter whose working diagnosis differs from its top cause.
    const own = await openFixture({});
    try {
      const odd = await own.client.encounter.save(sampleDraft({ workingDiagnosis: 'tendonitis', seenAt: '2026-02-01T09:00:00.000Z' }));
      const all = (await own.client.encounter.list({ limit: 500 })).items;
      const { CAUSE_IDS } = await import('../../../shared/clinical/vocabulary.ts');
      for (const cause of CAUSE_IDS) {
        for (const status of [undefined, 'draft', 'signed'] as const) {
          const expected = all.filter((s) => (s.topCause === cause || s.workingDiagnosis === cause) && (status === undefined || s.status === status));
          const page = await own.client.encounter.list({ cause, status, limit: 500 });
          expect(page.items.map((i) => i.id), `${cause} ${status}`).toEqual(expected.map((e) => e.id));
          expect(page.total, `${cause} ${status}`).toBe(expected.length);
        }
      }
      const tendonitis = await own.client.encounter.list({ cause: 'tendonitis' });
      expect(tendonitis.items.map((i) => i.id)).toContain(odd.id);
    } finally {
      own.dispose();
    }
  });
});
