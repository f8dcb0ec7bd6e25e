import { describe, expect, it } from 'vitest';
import { copyFromEncounter, toDraft } from '../../../renderer/src/common/lib/workingCopy.ts';
import { encounterFixture } from './fixtures.ts';

/** An imported encounter's dates as given survive editing in the workspace, until the clinician enters the full value. */
describe('working copy of an encounter with dates as given', () => {
  const imported = encounterFixture({
    seenAt: '2026-10-01T00:00:00+02:00',
    seenAtAsGiven: '2026-10',
    patient: { name: 'Astrid Lindqvist', birthDate: null, birthDateAsGiven: '1960', sex: 'female', identifier: '' },
    workingDiagnosis: 'sciatica',
    workingDiagnosisCode: 'M51.1',
  });

  it('saves them back unchanged when other fields are edited', () => {
    const copy = copyFromEncounter(imported);
    copy.complaint = 'Edited';
    expect(toDraft(copy)).toMatchObject({ seenAtAsGiven: '2026-10', patient: { birthDate: null, birthDateAsGiven: '1960' }, workingDiagnosisCode: 'M51.1' });
  });

  it('drops them once the clinician sets the time seen or the full date of birth', () => {
    const copy = copyFromEncounter(imported);
    copy.seenAt = '2026-10-03T09:15:00.000Z';
    copy.patient = { ...copy.patient, birthDate: '1960-05-14' };
    const draft = toDraft(copy);
    expect(draft).not.toHaveProperty('seenAtAsGiven');
    expect(draft.patient).not.toHaveProperty('birthDateAsGiven');
  });

  it('drops the chosen ICD-10 code when the working diagnosis is cleared', () => {
    const copy = copyFromEncounter(imported);
    copy.workingDiagnosis = null;
    expect(toDraft(copy)).not.toHaveProperty('workingDiagnosisCode');
  });
});
