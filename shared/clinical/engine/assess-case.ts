import type { Assessment } from '../assessment.ts';
import type { Case } from '../case.ts';
import { scoreCauses } from './differential.ts';
import { keepVisible } from './mustNotMiss.ts';
import { raiseRedFlags } from './redFlags.ts';
import { suggestImaging, suggestInvestigations } from './suggestions.ts';
import { wellsDvt } from './wells.ts';

/**
 * Assesses a case already in the shape of the Case schema: the ranked differential with the basis
 * of every cause, red flags, imaging, other investigations and the two-level Wells score. Pure and
 * deterministic: the same findings (in any order) give the same assessment.
 *
 * Apart from assess() (which checks its input first) so that the renderer's live checklist, whose
 * case is built from the knowledge base's own ids, runs the engine without the schema library at
 * start-up; everything that takes a case from outside (the IPC, the store, the `assess` command)
 * goes through assess().
 */
export function assessCase(c: Case): Assessment {
  const present = new Set(c.findings);
  const absent = new Set(c.absent);
  const scored = scoreCauses(c);
  const differential = keepVisible(scored.differential, { present, absent, causes: new Map(scored.differential.map((d) => [d.cause, d])) });
  const causes = new Map(differential.map((d) => [d.cause, d]));
  const wells = wellsDvt(present, absent, differential, scored.pointsWithoutWells, c.wellsAlternative);
  const redFlags = raiseRedFlags({ present, absent, causes, wells });
  const ctx = { present, absent, causes, wells, redFlags: new Map(redFlags.map((f) => [f.id, f])) };
  return {
    differential,
    redFlags,
    imaging: suggestImaging(ctx),
    investigations: suggestInvestigations(ctx),
    scores: { wellsDvt: wells },
  };
}
