import type { Page } from 'playwright-core';
import { findingById } from '../../shared/clinical/index.ts';
import { clickFinding, clickRegion, findingState, typeFinding } from './pages.ts';

export interface CaseToEnter {
  readonly findings: readonly string[];
  readonly absent?: readonly string[];
}

/**
 * Records a case the way a clinician would: locations on the body map (one leg, or both when the
 * case is bilateral), the other findings alternately by typing in the picker and by clicking their
 * control, pertinent negatives alternately with Shift+Enter and the "absent" control.
 */
export async function enterCase(page: Page, c: CaseToEnter): Promise<void> {
  const absent = c.absent ?? [];
  const locations = c.findings.filter((id) => findingById(id)?.bodyRegion !== undefined);
  const sides = c.findings.includes('bilateral') ? (['left', 'right'] as const) : (['left'] as const);
  for (const side of sides) {
    for (const id of locations) await clickRegion(page, findingById(id)!.bodyRegion!, side);
  }
  let n = 0;
  for (const id of c.findings) {
    if (locations.includes(id) || (await findingState(page, id)) === 'present') continue;
    if (n++ % 2 === 0) await typeFinding(page, id, 'present');
    else await clickFinding(page, id, 'present');
  }
  // The body map records the distribution from the side; undo it where the case does not say so.
  for (const id of ['unilateral', 'bilateral']) {
    if (!c.findings.includes(id) && !absent.includes(id) && (await findingState(page, id)) === 'present') {
      await clickFinding(page, id, 'not recorded');
    }
  }
  let m = 0;
  for (const id of absent) {
    if (m++ % 2 === 0) await typeFinding(page, id, 'absent');
    else await clickFinding(page, id, 'absent');
  }
}
