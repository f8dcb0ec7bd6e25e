import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { assess, causeById, knowledgeBase } from '../../shared/clinical/index.ts';
import { birthDateForAge, launchBrowser, loadVignettes, openApp, type Vignette } from './harness.ts';
import { enterCase } from './enter-case.ts';
import { differentialItems, differentialLabels, findingState, labelOf, redFlagsRegion, startEncounter, typeFinding, waitSaved } from './pages.ts';

const causeLabel = (id: string) => causeById(id)!.label;

/** Both folders: v1's vignettes and v2's, each entered by clicking and typing as a clinician would. */
const vignettes = loadVignettes(['vignettes', 'vignettes-v2']);
const URGENCY_WORD = { emergency: 'Emergency', urgent: 'Urgent' } as const;
const causeLabels = knowledgeBase.causes.map((c) => c.label);
const redFlagLabel = (id: string) => knowledgeBase.redFlags.find((f) => f.id === id)?.label ?? id;
const imagingLabel = (id: string) => knowledgeBase.imaging.find((i) => i.id === id)?.label ?? id;
const engineOrder = (c: { age?: number; sex?: Vignette['case']['sex']; findings: readonly string[]; absent?: readonly string[] }) =>
  assess({ ...c, findings: [...c.findings], absent: [...(c.absent ?? [])] }).differential.map((d) => causeById(d.cause)!.label);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(vignettes.length === 0)('each vignette, documented as a clinician would', () => {
  for (const v of vignettes) {
    test(`${v.folder}/${v.id}: ${v.title}`, async () => {
      const app = await openApp(browser, { profile: true });
      try {
        const { page } = app;
        const sex = v.case.sex ?? 'unknown';
        const id = await startEncounter(page, {
          name: `Patient ${v.id}`,
          ...(v.case.age === undefined ? {} : { birthDate: birthDateForAge(v.case.age) }),
          sex,
          identifier: `MRN-${v.id}`,
        });
        if (v.case.age !== undefined) await page.getByText(`Age ${v.case.age}`, { exact: true }).first().waitFor();
        await enterCase(page, v.case);

        for (const f of v.case.findings) expect(await findingState(page, f), f).toBe('present');
        for (const f of v.case.absent ?? []) expect(await findingState(page, f), f).toBe('absent');

        // The checklist shows the engine's ranking of exactly what was entered.
        const shown = await differentialLabels(page, causeLabels);
        expect(shown).toEqual(engineOrder(v.case));
        if (v.expect.topCause) expect(shown[0]).toBe(causeLabel(v.expect.topCause));
        for (const [a, b] of v.expect.above ?? []) {
          expect(shown.indexOf(causeLabel(a)), `${a} above ${b}`).toBeGreaterThanOrEqual(0);
          expect(shown.indexOf(causeLabel(a)), `${a} above ${b}`).toBeLessThan(shown.indexOf(causeLabel(b)));
        }
        if (v.expect.inTop) for (const c of v.expect.inTop.causes) expect(shown.slice(0, v.expect.inTop.n), `${c} in the top ${v.expect.inTop.n}`).toContain(causeLabel(c));

        // Each red flag is one line naming its urgency; a flag expected absent has no line at all.
        const flags = redFlagsRegion(page);
        const flagsText = await flags.innerText();
        for (const f of v.expect.redFlags ?? []) expect(flagsText).toContain(redFlagLabel(f));
        for (const f of v.expect.noRedFlags ?? []) expect(await flags.locator(`li[data-flag="${f}"]`).count(), `${f} not raised`).toBe(0);
        for (const [f, urgency] of Object.entries(v.expect.redFlagUrgency ?? {})) {
          const line = await flags.locator(`li[data-flag="${f}"] summary`).innerText();
          expect(line.toLowerCase(), `${f} is ${urgency}`).toContain(URGENCY_WORD[urgency].toLowerCase());
          expect(line).toContain(redFlagLabel(f));
        }

        const imaging = page.getByRole('list', { name: 'Imaging suggestions' });
        for (const m of v.expect.imaging ?? []) {
          await expect.poll(() => imaging.getByText(imagingLabel(m), { exact: true }).count()).toBeGreaterThan(0);
        }
        for (const m of v.expect.imagingUrgent ?? []) {
          const item = page.locator(`li[data-modality="${m}"]`);
          expect(await item.innerText()).toContain('Urgent');
        }
        if (v.expect.wellsDvt) {
          const wells = await page.getByRole('region', { name: 'Wells score for DVT' }).innerText();
          if (v.expect.wellsDvt.points !== undefined) expect(wells).toContain(`${v.expect.wellsDvt.points} points`);
          expect(wells).toContain(`DVT ${v.expect.wellsDvt.category}`);
        }

        // What the screen shows is what was stored, within about a second.
        await waitSaved(page);
        const stored = await app.client.encounter.get({ id });
        expect([...stored.findings].sort()).toEqual([...v.case.findings].sort());
        expect([...stored.absent].sort()).toEqual([...(v.case.absent ?? [])].sort());
        expect(stored.patient.sex).toBe(sex);
        if (v.expect.topCause) expect(stored.assessment.differential[0]?.cause).toBe(v.expect.topCause);
        for (const [f, urgency] of Object.entries(v.expect.redFlagUrgency ?? {})) expect(stored.assessment.redFlags.find((r) => r.id === f)?.urgency).toBe(urgency);
        expect(app.consoleErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});

/**
 * A pertinent negative found with the engine itself: among the vignettes' recorded negatives, one
 * that reorders the differential when added to the present findings alone.
 */
function findReorderingNegative(): { v: Vignette; negative: string; before: string[]; after: string[]; argued: string[] } | null {
  for (const v of vignettes) {
    const base = { ...v.case, absent: [] as string[] };
    const before = engineOrder(base);
    for (const negative of v.case.absent ?? []) {
      const after = engineOrder({ ...base, absent: [negative] });
      const argued = assess({ ...base, findings: [...base.findings], absent: [negative] })
        .differential.filter((d) => d.against.includes(negative))
        .map((d) => d.label);
      if (after.join('|') !== before.join('|')) return { v, negative, before, after, argued };
    }
  }
  return null;
}

describe.skipIf(vignettes.length === 0)('a pertinent negative', () => {
  test('recording a finding as absent re-ranks the differential as the engine says', async () => {
    const found = findReorderingNegative();
    expect(found, 'no vignette negative changes the ranking').not.toBeNull();
    const { v, negative, before, after, argued } = found!;
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Negative Test', ...(v.case.age === undefined ? {} : { birthDate: birthDateForAge(v.case.age) }), sex: v.case.sex ?? 'unknown' });
      await enterCase(page, { findings: v.case.findings });
      expect(await differentialLabels(page, causeLabels)).toEqual(before);
      await typeFinding(page, negative, 'absent');
      expect(await differentialLabels(page, causeLabels)).toEqual(after);
      // The negative is listed, as absent, against the causes it argues against.
      expect(argued.length).toBeGreaterThan(0);
      const items = await differentialItems(page).allInnerTexts();
      for (const label of argued) {
        const item = items.find((t) => t.startsWith(label))!;
        expect(item).toContain(`Against: `);
        expect(item).toContain(`${labelOf(negative)} (absent)`);
      }
    } finally {
      await app.close();
    }
  });
});
