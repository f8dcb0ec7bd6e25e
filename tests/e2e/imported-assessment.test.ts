import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness.ts';

/**
 * Issue 11, item 4 on the review screen: an assessment that came in an imported file made with
 * another knowledge base is shown as imported, not computed here; one naming this knowledge base
 * was computed again on import and reads as the app's own.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an imported assessment on the review screen', () => {
  test('is labelled "Imported, not computed here" when it came from another knowledge base', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save({ seenAt: '2026-11-25T10:30:00.000Z', patient: { name: 'Own Patient' }, findings: ['loc-calf', 'calf-swelling'] });
      const doc = JSON.parse((await client.data.exportJson({ ids: [id] })).json);
      const elsewhere = structuredClone(doc.encounters[0]);
      elsewhere.id = 'from-elsewhere';
      for (const r of elsewhere.revisions) {
        r.encounter.id = 'from-elsewhere';
        r.encounter.patient.name = 'Elsewhere Patient';
        r.encounter.assessment.knowledgeBase = '2019.1-elsewhere';
      }
      expect((await client.data.importJson({ json: JSON.stringify({ ...doc, encounters: [elsewhere] }) })).imported).toBe(1);

      await page.goto(`${app.url}#/review/from-elsewhere`);
      const stored = page.getByRole('region', { name: 'Assessment stored with revision 1' });
      await stored.getByText('Imported, not computed here.').waitFor();
      await page.goto(`${app.url}#/review/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /Own Patient/ }).waitFor();
      await stored.waitFor();
      expect(await stored.getByText('Imported, not computed here.').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
