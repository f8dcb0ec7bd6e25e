import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EncounterDraft } from '../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../shared/clinical/assessment.ts';
import { KB_VERSION } from '../../shared/clinical/index.ts';
import { wellsNextStep } from '../../shared/clinical/kb/wells.ts';
import { launchBrowser, openApp, seriousViolations } from './harness.ts';
import { exportDocument, exportedEncounter } from './review-helpers.ts';

/**
 * An encounter signed with a v1 knowledge base keeps showing its assessment as stored (in the
 * workspace and the review), and "Compare with today's knowledge base" says what v2 changes.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Today's assessment of the same findings, with everything only v2 assessments carry taken away, as v1 stored it. */
function asStoredByV1(a: StoredAssessment): StoredAssessment {
  const { applies: _applies, alternativeJudgement: _judgement, ...wellsDvt } = a.scores.wellsDvt;
  return {
    knowledgeBase: '2026.11.1',
    differential: a.differential.map(({ evidence: _e, keptVisible: _k, ...d }) => ({ ...d, basis: d.basis.map(({ countedIn: _c, ...b }) => b) })),
    redFlags: a.redFlags.map(({ criteria: _c, ...f }) => f),
    imaging: a.imaging.map((i) => ({ ...i, urgency: i.urgency === 'emergency' ? 'urgent' : i.urgency })),
    investigations: a.investigations.map(({ urgency: _u, ...t }) => t),
    // v1 showed the score always, with the next step of its category.
    scores: { wellsDvt: { ...wellsDvt, nextStep: wellsNextStep[wellsDvt.category] } },
  };
}

test('a v1 assessment shows as stored, and the comparison with today says what v2 changes', async () => {
  const app = await openApp(browser, { profile: true });
  try {
    const { page, client } = app;
    const id = 'v1-stored-sciatica-0001';
    const { id: _i, baseRevision: _b, ...fields } = EncounterDraft.parse({
      seenAt: '2026-10-01T09:00:00.000Z',
      patient: { name: 'Vic Version', birthDate: '1970-06-01', sex: 'male', identifier: 'MRN 1001' },
      complaint: 'Shooting pain from the back down the left leg',
      findings: ['loc-lower-back', 'loc-posterior-thigh', 'unilateral', 'radiates-from-back', 'radiates-below-knee', 'char-shooting'],
    });
    const old = exportedEncounter(id, fields, true);
    const stored = asStoredByV1(old.revisions[0]!.encounter.assessment);
    old.revisions[0]!.encounter.assessment = stored;
    expect((await client.data.importJson({ json: exportDocument([old]) })).imported).toBe(1);

    // The signed encounter in the workspace: the stored assessment, as v1 said it.
    await page.goto(`${app.url}#/encounter/${id}`);
    await page.getByRole('heading', { level: 1, name: /^Vic Version/ }).waitFor();
    await page.getByText('Knowledge base 2026.11.1, as stored when signed.').waitFor();
    const wells = await page.getByRole('region', { name: 'Wells score for DVT' }).innerText();
    expect(wells).toContain(`${stored.scores.wellsDvt.points} points: DVT ${stored.scores.wellsDvt.category}`);
    expect(wells).not.toContain('does not apply');
    const ddx = await page.getByRole('region', { name: /^Differential/ }).innerText();
    expect(ddx).not.toContain('No findings recorded');

    // The review: stored panel as stored; today's engine on the same findings beside it.
    await page.goto(`${app.url}#/review/${id}`);
    const storedPanel = page.getByRole('region', { name: 'Assessment stored with revision 1' });
    await storedPanel.waitFor();
    expect(await storedPanel.innerText()).toContain('2026.11.1');
    expect(await storedPanel.innerText()).not.toContain('does not apply');
    await page.getByRole('button', { name: "Compare with today's knowledge base" }).click();
    const comparison = page.getByRole('region', { name: "Compared with today's knowledge base" });
    await comparison.getByText("Today's engine differs from what was stored on the day.").waitFor();
    const text = await comparison.innerText();
    expect(text).toContain(KB_VERSION);
    expect(text).toContain(`Then ${stored.scores.wellsDvt.points} (${stored.scores.wellsDvt.category}), now does not apply (DVT not in question).`);
    expect(text).toContain('Today\'s knowledge base shows the score only when something recorded raises the question of DVT.');
    expect(text).toContain("Today's knowledge base also says what the findings say of each cause (no findings recorded, conflicting evidence), which the stored assessment did not.");
    const today = comparison.getByRole('region', { name: "Today's knowledge base" });
    expect(await today.innerText()).toContain('The Wells score does not apply: nothing recorded raises the question of DVT');
    expect(await today.innerText()).toContain('No findings recorded');
    expect((await seriousViolations(page)).map((v) => v.id)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await app.close();
  }
});
