import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettings } from '../../../shared/api/settings.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

describe('clinician profile and settings', () => {
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => t.dispose());

  it('has no profile before the first run, then keeps the one saved across restarts', async () => {
    expect(await t.client.profile.get({})).toBeNull();
    const saved = await t.client.profile.save({ name: '  Dr Ana Costa ', role: 'Physiotherapist' });
    expect(saved).toEqual({ name: 'Dr Ana Costa', role: 'Physiotherapist', practice: '', contact: '' });
    t.close();
    const again = openTestServices({ dataDir: t.dataDir });
    try {
      expect(await again.client.profile.get({})).toEqual(saved);
      // The audit log and signatures carry the profile's name.
      const { id } = await again.client.encounter.save(sampleDraft());
      expect((await again.client.encounter.sign({ id, baseRevision: 1 })).signedBy).toBe('Dr Ana Costa');
    } finally {
      again.close();
    }
  });

  it('starts with default settings and changes only the fields given', async () => {
    expect(await t.client.settings.get({})).toEqual(AppSettings.parse({}));
    const changed = await t.client.settings.save({ theme: 'dark' });
    expect(changed).toEqual({ ...AppSettings.parse({}), theme: 'dark' });
    await t.client.settings.save({ autosaveSeconds: 0, lastExportFolder: '/home/ana/backups' });
    expect(await t.client.settings.get({})).toEqual({ theme: 'dark', textSize: 'normal', autosaveSeconds: 0, lastExportFolder: '/home/ana/backups' });
  });

  it('reports where the data lives and which versions run', async () => {
    const status = await t.client.app.status({});
    expect(status).toMatchObject({ notice: null, dataDir: t.dataDir, appVersion: 'test' });
    expect(status.databasePath.startsWith(t.dataDir)).toBe(true);
    expect(status.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(status.knowledgeBase.length).toBeGreaterThan(0);
  });
});
