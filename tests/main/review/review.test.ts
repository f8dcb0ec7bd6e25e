import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/api/client.ts';
import type { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
import type { R4 } from '../../../shared/review/fhir/index.ts';
import { openTestServices, sampleDraft, snapshot, type TestServices } from '../helpers.ts';
import { fhirSchemaErrors } from '../../shared/review/fhir-schema.ts';
import { generateEncounters } from '../../shared/review/generate.ts';

const opened: TestServices[] = [];
const open = (): TestServices => {
  const s = openTestServices();
  opened.push(s);
  return s;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.dispose();
});

async function seed(client: Client, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, g] of generateEncounters({ count, seed: 11 }).entries()) {
    const saved = await client.encounter.save(g.draft);
    if (g.sign) {
      await client.encounter.sign({ id: saved.id, baseRevision: saved.revision });
      if (i % 3 === 0) await client.encounter.addAddendum({ id: saved.id, text: `Addendum for ${i}: results reviewed.` });
    } else if (i % 2 === 0) {
      // A second revision of a draft, so exported encounters are not all at revision 1.
      await client.encounter.save({ ...g.draft, notes: `${g.draft.notes} Revised.`, id: saved.id, baseRevision: saved.revision });
    }
    ids.push(saved.id);
  }
  return ids;
}

/** What must survive a FHIR round trip: everything but the revision number and the save history. */
const comparable = ({ revision: _r, savedAt: _s, ...rest }: EncounterWithAddenda) => rest;

describe('review.compare', () => {
  it("shows no change when today's knowledge base is the one the encounter was assessed with", async () => {
    const { client } = open();
    const saved = await client.encounter.save(sampleDraft());
    const result = await client.review.compare({ id: saved.id });
    expect(result.revision).toBe(1);
    expect(result.stored).toEqual(saved.assessment);
    expect(result.current.knowledgeBase).toBe(KB_VERSION);
    expect(result.comparison.knowledgeBase.same).toBe(true);
    expect(result.comparison.changed).toBe(false);
  });

  it('keeps an assessment from an older knowledge base as stored and shows what today says differently', async () => {
    const { client } = open();
    // Calf swelling after a long flight, with DVT signs on examination: a picture that raises a red flag and imaging.
    const saved = await client.encounter.save(
      sampleDraft({
        findings: ['loc-calf', 'unilateral', 'calf-swelling', 'warmth', 'rf-long-travel-or-immobility', 'ex-calf-swelling-3cm', 'ex-pitting-edema', 'ex-deep-vein-tenderness'],
      }),
    );
    await client.encounter.sign({ id: saved.id, baseRevision: 1 });
    const exported = JSON.parse((await client.data.exportJson({ ids: [saved.id] })).json);

    // The same encounter as an older knowledge base assessed it: other ranks, no red flags, no imaging.
    const { client: other } = open();
    const e = exported.encounters[0];
    const old = e.revisions[0].encounter.assessment;
    old.knowledgeBase = 'kb-1999-01';
    old.differential = [...old.differential].reverse().map((d: { rank: number }, i: number) => ({ ...d, rank: i + 1 }));
    const droppedFlags = old.redFlags.map((f: { id: string }) => f.id);
    const droppedImaging = old.imaging.map((i: { modality: string }) => i.modality);
    expect(droppedFlags.length).toBeGreaterThan(0);
    expect(droppedImaging.length).toBeGreaterThan(0);
    old.redFlags = [];
    old.imaging = [];
    expect((await other.data.importJson({ json: JSON.stringify(exported) })).imported).toBe(1);

    const got = await other.encounter.get({ id: saved.id });
    expect(got.assessment.knowledgeBase).toBe('kb-1999-01');
    expect(got.assessment.differential[0]!.cause).toBe(old.differential[0].cause);

    const result = await other.review.compare({ id: saved.id });
    expect(result.stored).toEqual(got.assessment);
    expect(result.comparison.knowledgeBase).toEqual({ then: 'kb-1999-01', now: KB_VERSION, same: false });
    expect(result.comparison.changed).toBe(true);
    expect(result.comparison.topCause.then).toBe(old.differential[0].cause);
    expect(result.comparison.topCause.now).toBe(saved.assessment.differential[0]!.cause);
    expect(result.comparison.redFlags.filter((f) => f.change === 'added').map((f) => f.id)).toEqual(droppedFlags);
    expect(result.comparison.imaging.filter((i) => i.change === 'added').map((i) => i.modality)).toEqual(droppedImaging);
    expect(result.current).toEqual(saved.assessment);
  });

  it('compares an earlier revision when asked, and names an unknown id or revision', async () => {
    const { client } = open();
    const saved = await client.encounter.save(sampleDraft());
    await client.encounter.save({ ...sampleDraft({ findings: ['loc-buttock', 'radiates-below-knee'], workingDiagnosis: null }), id: saved.id, baseRevision: 1 });
    const first = await client.review.compare({ id: saved.id, revision: 1 });
    expect(first.revision).toBe(1);
    expect(first.stored).toEqual(saved.assessment);
    expect((await client.review.compare({ id: saved.id })).revision).toBe(2);
    await expect(client.review.compare({ id: saved.id, revision: 3 })).rejects.toMatchObject({ code: 'not-found', path: 'revision' });
    await expect(client.review.compare({ id: 'no-such-encounter' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('data.exportFhir and data.importFhir', () => {
  it('exports a Bundle valid against the FHIR R4 schema, and records the export in the audit log', async () => {
    const { client } = open();
    const ids = await seed(client, 12);
    const { json, count } = await client.data.exportFhir({});
    expect(count).toBe(12);
    const bundle = JSON.parse(json) as R4.Bundle;
    expect(bundle.entry!.filter((e) => e.resource.resourceType === 'Encounter')).toHaveLength(12);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const some = await client.data.exportFhir({ ids: [ids[3]!, ids[1]!] });
    expect(some.count).toBe(2);
    const audit = await client.audit.list({});
    expect(JSON.stringify(audit)).toContain('FHIR R4');
    expect(await client.audit.verify({})).toMatchObject({ intact: true });
  });

  it('exports a transaction Bundle for a FHIR server on request, audited as such', async () => {
    const { client } = open();
    await seed(client, 3);
    const { json, count } = await client.data.exportFhir({ bundle: 'transaction' });
    expect(count).toBe(3);
    const bundle = JSON.parse(json) as R4.TransactionBundle;
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry!.filter((e) => e.request.method === 'PUT' && e.resource.resourceType === 'Encounter')).toHaveLength(3);
    expect(JSON.stringify(await client.audit.list({}))).toContain('FHIR R4 transaction');
    await expect(client.data.exportFhir({ bundle: 'batch' as 'transaction' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('round trip: export, import into an empty database, the same encounters', async () => {
    const source = open();
    const ids = await seed(source.client, 30);
    const { json } = await source.client.data.exportFhir({});

    const target = open();
    const result = await target.client.data.importFhir({ json });
    expect(result).toEqual({ imported: 30, skipped: [], notImported: [], notes: [] });
    for (const id of ids) {
      const before = await source.client.encounter.get({ id });
      const after = await target.client.encounter.get({ id });
      expect(comparable(after)).toEqual(comparable(before));
      expect(after.savedAt).toBe(before.savedAt);
    }
    const page = await target.client.encounter.list({ limit: 500 });
    expect(page.total).toBe(30);
    expect(await target.client.audit.verify({})).toMatchObject({ intact: true, entries: expect.any(Number) });
  });

  it('never overwrites: importing the same file again adds nothing and changes nothing', async () => {
    const source = open();
    await seed(source.client, 5);
    const { json } = await source.client.data.exportFhir({});
    const before = snapshot(source.store.db);
    const again = await source.client.data.importFhir({ json });
    expect(again.imported).toBe(0);
    expect(again.skipped).toHaveLength(5);
    expect(again.skipped.every((s) => /already stored/.test(s.reason))).toBe(true);
    expect(snapshot(source.store.db)).toBe(before);
  });

  it('refuses a file that is not a FHIR Bundle, writing nothing', async () => {
    const { client, store } = open();
    const before = snapshot(store.db);
    await expect(client.data.importFhir({ json: '{"resourceType":"Patient"}' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(client.data.importFhir({ json: 'not json' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/not valid JSON/) });
    expect(snapshot(store.db)).toBe(before);
  });

  it('imports the good encounters of a file and reports each bad one with its entry and reason', async () => {
    const source = open();
    await seed(source.client, 3);
    const bundle = JSON.parse((await source.client.data.exportFhir({})).json) as R4.Bundle;
    const second = bundle.entry!.filter((e) => e.resource.resourceType === 'Encounter')[1]!;
    (second.resource as R4.Encounter).period = { start: 'yesterday' };
    const secondIndex = bundle.entry!.indexOf(second);

    const target = open();
    const result = await target.client.data.importFhir({ json: JSON.stringify(bundle) });
    expect(result.imported).toBe(2);
    expect(result.skipped).toEqual([{ index: secondIndex, reason: expect.stringMatching(/^Encounter 2 in the file: .*date seen/) }]);
  });

  it('reports an export of an unknown id as not found', async () => {
    const { client } = open();
    await expect(client.data.exportFhir({ ids: ['nope'] })).rejects.toMatchObject({ code: 'not-found', path: 'ids.0' });
  });

  it('imports a plain FHIR encounter from another system as a draft assessed with today\'s engine', async () => {
    const { client } = open();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:2b0c1c1e-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', name: [{ given: ['Jo'], family: 'Bloggs' }], gender: 'male', birthDate: '1970-05-05' } },
        {
          fullUrl: 'urn:uuid:2b0c1c1e-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: 'urn:uuid:2b0c1c1e-0000-4000-8000-000000000001' },
            period: { start: '2025-01-01T09:00:00Z' },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'urn:leg-pain-ddx:finding', code: 'loc-calf' }] },
            encounter: { reference: 'urn:uuid:2b0c1c1e-0000-4000-8000-000000000002' },
            valueBoolean: true,
          },
        },
      ],
    };
    const result = await client.data.importFhir({ json: JSON.stringify(bundle) });
    expect(result).toEqual({ imported: 1, skipped: [], notImported: [], notes: [] });
    const [hit] = (await client.encounter.list({})).items;
    const e = await client.encounter.get({ id: hit!.id });
    expect(e).toMatchObject({ status: 'draft', patient: { name: 'Jo Bloggs' }, findings: ['loc-calf'] });
    expect(e.assessment.knowledgeBase).toBe(KB_VERSION);
    // The same file again: recognised by its fullUrl, not added twice.
    expect((await client.data.importFhir({ json: JSON.stringify(bundle) })).imported).toBe(0);
  });
});
