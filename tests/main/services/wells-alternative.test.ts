import { afterEach, describe, expect, it } from 'vitest';
import { failure, openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

/**
 * The clinician's judgement of the Wells item "alternative diagnosis at least as likely as DVT" is
 * part of the encounter: validated at the boundary, stored with the revision, read back, exported
 * and imported with it.
 */

const open: TestServices[] = [];
const services = (): TestServices => {
  const t = openTestServices();
  open.push(t);
  return t;
};
afterEach(() => {
  for (const t of open.splice(0)) t.dispose();
});

describe('the Wells alternative judgement of an encounter', () => {
  it('is stored with the revision and read back, and a later revision can clear it', async () => {
    const { client } = services();
    const first = await client.encounter.save(sampleDraft({ wellsAlternative: { met: true, cause: 'muscle-strain' } }));
    expect((await client.encounter.get({ id: first.id })).wellsAlternative).toEqual({ met: true, cause: 'muscle-strain' });
    const second = await client.encounter.save({ ...sampleDraft({ wellsAlternative: { met: false } }), id: first.id, baseRevision: first.revision });
    const third = await client.encounter.save({ ...sampleDraft(), id: first.id, baseRevision: second.revision });
    const revisions = await client.encounter.revisions({ id: first.id });
    expect(revisions.map((r) => r.encounter.wellsAlternative)).toEqual([{ met: true, cause: 'muscle-strain' }, { met: false }, undefined]);
    expect(await client.encounter.get({ id: first.id })).not.toHaveProperty('wellsAlternative');
    expect(third.revision).toBe(3);
  });

  it('refuses DVT as its own alternative, a cause named with "not met", and an unknown cause, saving nothing', async () => {
    const { client } = services();
    const dvt = await failure(client.encounter.save(sampleDraft({ wellsAlternative: { met: true, cause: 'dvt' } })));
    expect(dvt.code).toBe('invalid');
    expect(dvt.message).toMatch(/cause other than DVT/);
    const contradictory = await failure(client.encounter.save(sampleDraft({ wellsAlternative: { met: false, cause: 'muscle-strain' } })));
    expect(contradictory.code).toBe('invalid');
    expect(contradictory.message).toMatch(/named only when the Wells item is judged met/);
    const unknown = await failure(client.encounter.save(sampleDraft({ wellsAlternative: { met: true, cause: 'bakers-cyst' } })));
    expect(unknown.message).toMatch(/Unknown cause id "bakers-cyst"/);
    expect((await client.encounter.list({})).total).toBe(0);
  });

  it('travels with the encounter in the JSON export and back', async () => {
    const source = services();
    const target = services();
    const saved = await source.client.encounter.save(sampleDraft({ wellsAlternative: { met: false } }));
    const { json } = await source.client.data.exportJson({});
    await target.client.data.importJson({ json });
    expect((await target.client.encounter.get({ id: saved.id })).wellsAlternative).toEqual({ met: false });
  });
});
