import { z } from 'zod';
import { CAUSE_IDS, FINDING_IDS, closestIds, isCauseId, isFindingId } from './vocabulary.ts';

/** Validation of what the engine accepts. Messages name the id and the closest known ids. */

const unknownIdMessage = (kind: string, id: string, known: readonly string[]): string =>
  `Unknown ${kind} id ${JSON.stringify(id)}; closest known: ${closestIds(id, known).join(', ')}`;

export const FindingId = z.string().refine(isFindingId, {
  error: (issue) => unknownIdMessage('finding', String(issue.input), FINDING_IDS),
});

export const CauseId = z.string().refine(isCauseId, {
  error: (issue) => unknownIdMessage('cause', String(issue.input), CAUSE_IDS),
});

/** A list of finding ids, each known and listed once. */
export const FindingIdList = z.array(FindingId).superRefine((ids, ctx) => {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `Finding "${id}" is listed twice`, path: [i] });
    seen.add(id);
  });
});

export const Sex = z.enum(['female', 'male', 'other', 'unknown']);
export type Sex = z.infer<typeof Sex>;

/** Checks that no finding is both present and absent; used by every schema that carries both lists. */
export function refineDisjointFindings(
  value: { findings: readonly string[]; absent: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  const present = new Set(value.findings);
  value.absent.forEach((id, i) => {
    if (present.has(id)) {
      ctx.addIssue({ code: 'custom', message: `Finding "${id}" is recorded both present and absent`, path: ['absent', i] });
    }
  });
}

/**
 * The clinician's judgement of the Wells "alternative diagnosis at least as likely as DVT" item:
 * met (naming the alternative, if another than suggested) or not met. Absent: the engine's suggestion stands.
 */
export const WellsAlternativeJudgement = z.object({
  met: z.boolean(),
  cause: CauseId.refine((id) => id !== 'dvt', 'The alternative diagnosis must be a cause other than DVT').optional(),
});
export type WellsAlternativeJudgement = z.infer<typeof WellsAlternativeJudgement>;

/**
 * The engine's input. Every other field of a stored encounter is accepted and ignored, so an
 * exported encounter can be assessed as it is.
 */
export const Case = z
  .object({
    age: z.number().int().min(0).max(130).optional(),
    sex: Sex.optional(),
    findings: FindingIdList,
    absent: FindingIdList.default([]),
    wellsAlternative: WellsAlternativeJudgement.nullable().optional(),
  })
  .superRefine(refineDisjointFindings);
export type Case = z.infer<typeof Case>;
export type CaseInput = z.input<typeof Case>;
