import type { Assessment, StoredAssessment } from '../assessment.ts';
import type { CaseInput } from '../case.ts';
import { KB_VERSION } from '../kb/index.ts';
import { scoreCauses } from './differential.ts';
import { keepVisible } from './mustNotMiss.ts';
import { raiseRedFlags } from './redFlags.ts';
import { suggestImaging, suggestInvestigations } from './suggestions.ts';
import { validateCase } from './validate.ts';
import { wellsDvt } from './wells.ts';

/**
 * Assesses a case: the ranked differential with the basis of every cause, red flags, imaging,
 * other investigations and the two-level Wells score. Pure and deterministic: the same findings
 * (in any order) give the same assessment. Throws CaseError on an invalid case.
 */
export function assess(input: CaseInput | unknown): Assessment {
  const c = validateCase(input);
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

/** An assessment as the store keeps it: it names the knowledge base it came from. */
export function assessForStorage(input: CaseInput | unknown): StoredAssessment {
  return { ...assess(input), knowledgeBase: KB_VERSION };
}
