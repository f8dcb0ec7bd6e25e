import { describe, expect, it } from 'vitest';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { blankCopy, completeCopy, copyAsText, copyFromEncounter, sameContent, toDraft } from '../../../renderer/src/common/lib/workingCopy.ts';
import { encounterFixture } from './fixtures.ts';

/** The clinician's Wells alternative judgement in the workspace's working copy: kept, saved, cleared, never lost. */
describe('working copy and the Wells alternative judgement', () => {
  it('comes from the stored encounter and is saved back as it is', () => {
    const copy = copyFromEncounter(encounterFixture({ wellsAlternative: { met: true, cause: 'bakers-cyst-rupture' } }));
    expect(copy.wellsAlternative).toEqual({ met: true, cause: 'bakers-cyst-rupture' });
    const draft = EncounterDraft.parse(toDraft(copy));
    expect(draft.wellsAlternative).toEqual({ met: true, cause: 'bakers-cyst-rupture' });
  });

  it('is left out of the save when the suggestion stands, and a change of it is a change to save', () => {
    const stored = copyFromEncounter(encounterFixture({ wellsAlternative: undefined }));
    expect(stored.wellsAlternative).toBeNull();
    expect(toDraft(stored)).not.toHaveProperty('wellsAlternative');
    const judged = { ...stored, wellsAlternative: { met: false } };
    expect(sameContent(stored, judged)).toBe(false);
    expect(sameContent(judged, structuredClone(judged))).toBe(true);
  });

  it('survives a copy kept by an older version of the app (without the field) and is written out with unsaved text', () => {
    const old = blankCopy('2026-11-25T10:30:00.000Z') as Partial<ReturnType<typeof blankCopy>>;
    delete old.wellsAlternative;
    expect(completeCopy(old).wellsAlternative).toBeNull();
    const text = copyAsText({ ...blankCopy(), wellsAlternative: { met: true, cause: 'cellulitis' } }, (id) => id);
    expect(text).toContain('Wells alternative diagnosis (clinician): met, Cellulitis of the leg');
    expect(copyAsText({ ...blankCopy(), wellsAlternative: { met: false } }, (id) => id)).toContain('Wells alternative diagnosis (clinician): not met');
  });
});
