import { z } from 'zod';
import { Evidence, Urgency, type DifferentialEntry, type StoredAssessment } from '../clinical/assessment.ts';

/**
 * What changed between an assessment as it was stored on the day and what today's engine says for
 * the same findings. Pure and deterministic: the same two assessments always give the same
 * comparison, in the same order, so the review screen and the tests can rely on it.
 */

const Strength = z.enum(['strong', 'moderate', 'weak', 'unlikely']);

/**
 * One cause's place in one of the two differentials; evidence and keptVisible as the v2 engine
 * states them (absent for an assessment stored before).
 */
export const CausePlace = z.object({
  rank: z.number().int(),
  score: z.number(),
  strength: Strength,
  evidence: Evidence.optional(),
  /** A must-not-miss cause moved up to stay visible, with the reason. */
  keptVisible: z.string().optional(),
});
export type CausePlace = z.infer<typeof CausePlace>;

/**
 * up/down: the cause ranks higher (smaller number) / lower today; same: same rank;
 * new: only today's engine lists it; gone: only the stored assessment listed it.
 */
export const Movement = z.enum(['up', 'down', 'same', 'new', 'gone']);
export type Movement = z.infer<typeof Movement>;

export const CauseChange = z.object({
  cause: z.string(),
  label: z.string(),
  then: CausePlace.nullable(),
  now: CausePlace.nullable(),
  movement: Movement,
  /** Places moved up (positive) or down (negative); 0 when new or gone. */
  rankDelta: z.number().int(),
  strengthChanged: z.boolean(),
  /** What the findings say of the cause (no findings, conflicting, for, against) differs; false when either side does not say. */
  evidenceChanged: z.boolean(),
});
export type CauseChange = z.infer<typeof CauseChange>;

/** added: raised today only; removed: raised on the day only; urgency: raised both times with a different urgency. */
export const ItemChangeKind = z.enum(['added', 'removed', 'urgency', 'same']);
export type ItemChangeKind = z.infer<typeof ItemChangeKind>;

export const RedFlagChange = z.object({
  id: z.string(),
  label: z.string(),
  change: ItemChangeKind,
  then: z.enum(['emergency', 'urgent']).nullable(),
  now: z.enum(['emergency', 'urgent']).nullable(),
});
export type RedFlagChange = z.infer<typeof RedFlagChange>;

export const ImagingChange = z.object({
  modality: z.string(),
  label: z.string(),
  change: ItemChangeKind,
  then: Urgency.nullable(),
  now: Urgency.nullable(),
  /** Causes the suggestion serves, on the day and today (the reason for a suggestion can change too). */
  forThen: z.array(z.string()),
  forNow: z.array(z.string()),
});
export type ImagingChange = z.infer<typeof ImagingChange>;

export const InvestigationChange = z.object({
  test: z.string(),
  label: z.string(),
  change: ItemChangeKind,
  /** Urgency then and now; null where not suggested, or stored before investigations carried one. */
  then: Urgency.nullable(),
  now: Urgency.nullable(),
});
export type InvestigationChange = z.infer<typeof InvestigationChange>;

/** applies: whether DVT was in question (assessments stored before v2 always showed the score: read as true). */
const WellsSide = z.object({
  points: z.number().int(),
  category: z.enum(['likely', 'unlikely']),
  applies: z.boolean(),
  /** The state of the alternative-diagnosis item (suggested, confirmed, overridden, none); absent before v2. */
  alternative: z.enum(['suggested', 'confirmed', 'overridden', 'none']).optional(),
});
export const WellsChange = z.object({
  then: WellsSide,
  now: WellsSide,
  pointsChanged: z.boolean(),
  categoryChanged: z.boolean(),
  /** The score applies on one side and not on the other (a side stored before v2 counts as applying). */
  appliesChanged: z.boolean(),
});
export type WellsChange = z.infer<typeof WellsChange>;

export const AssessmentComparison = z.object({
  knowledgeBase: z.object({ then: z.string(), now: z.string(), same: z.boolean() }),
  /** Today's order first, then causes only the stored assessment listed, in their old order. */
  differential: z.array(CauseChange),
  topCause: z.object({ then: z.string().nullable(), now: z.string().nullable(), changed: z.boolean() }),
  redFlags: z.array(RedFlagChange),
  imaging: z.array(ImagingChange),
  investigations: z.array(InvestigationChange),
  wellsDvt: WellsChange,
  /** True when anything a clinician would act on differs: ranks, strengths, evidence, red flags, imaging, investigations, Wells. */
  changed: z.boolean(),
});
export type AssessmentComparison = z.infer<typeof AssessmentComparison>;

const place = (e: DifferentialEntry): CausePlace => ({
  rank: e.rank,
  score: e.score,
  strength: e.strength,
  ...(e.evidence !== undefined ? { evidence: e.evidence } : {}),
  ...(e.keptVisible !== undefined ? { keptVisible: e.keptVisible.reason } : {}),
});
const evidenceChanged = (t: DifferentialEntry, n: DifferentialEntry): boolean => t.evidence !== undefined && n.evidence !== undefined && t.evidence !== n.evidence;

function compareDifferential(then: readonly DifferentialEntry[], now: readonly DifferentialEntry[]): CauseChange[] {
  const byRank = (a: DifferentialEntry, b: DifferentialEntry) => a.rank - b.rank || a.cause.localeCompare(b.cause);
  const thenById = new Map(then.map((e) => [e.cause, e]));
  const nowIds = new Set(now.map((e) => e.cause));
  const changes: CauseChange[] = [...now].sort(byRank).map((n) => {
    const t = thenById.get(n.cause);
    if (t === undefined) {
      return { cause: n.cause, label: n.label, then: null, now: place(n), movement: 'new', rankDelta: 0, strengthChanged: false, evidenceChanged: false };
    }
    const rankDelta = t.rank - n.rank;
    const movement: Movement = rankDelta > 0 ? 'up' : rankDelta < 0 ? 'down' : 'same';
    return { cause: n.cause, label: n.label, then: place(t), now: place(n), movement, rankDelta, strengthChanged: t.strength !== n.strength, evidenceChanged: evidenceChanged(t, n) };
  });
  for (const t of [...then].sort(byRank)) {
    if (!nowIds.has(t.cause)) {
      changes.push({ cause: t.cause, label: t.label, then: place(t), now: null, movement: 'gone', rankDelta: 0, strengthChanged: false, evidenceChanged: false });
    }
  }
  return changes;
}

/**
 * Pairs the items of two lists by key: today's items in today's order, then the ones only the stored
 * list had, in their old order. The label shown is today's when there is one (wording may improve).
 */
function pair<T>(then: readonly T[], now: readonly T[], key: (t: T) => string): { key: string; then: T | null; now: T | null }[] {
  const thenByKey = new Map(then.map((t) => [key(t), t]));
  const nowKeys = new Set(now.map(key));
  return [
    ...now.map((n) => ({ key: key(n), then: thenByKey.get(key(n)) ?? null, now: n })),
    ...then.filter((t) => !nowKeys.has(key(t))).map((t) => ({ key: key(t), then: t, now: null })),
  ];
}

function kindOf<U>(then: U | null, now: U | null, sameUrgency: boolean): ItemChangeKind {
  if (then === null) return 'added';
  if (now === null) return 'removed';
  return sameUrgency ? 'same' : 'urgency';
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Compares the stored assessment of an encounter (`stored`) with today's engine on the same findings (`current`). */
export function compareAssessments(stored: StoredAssessment, current: StoredAssessment): AssessmentComparison {
  const differential = compareDifferential(stored.differential, current.differential);

  const redFlags: RedFlagChange[] = pair(stored.redFlags, current.redFlags, (f) => f.id).map(({ key, then, now }) => ({
    id: key,
    label: (now ?? then)!.label,
    change: kindOf(then, now, then?.urgency === now?.urgency),
    then: then?.urgency ?? null,
    now: now?.urgency ?? null,
  }));

  const imaging: ImagingChange[] = pair(stored.imaging, current.imaging, (i) => i.modality).map(({ key, then, now }) => ({
    modality: key,
    label: (now ?? then)!.label,
    change: kindOf(then, now, then?.urgency === now?.urgency),
    then: then?.urgency ?? null,
    now: now?.urgency ?? null,
    forThen: then?.for ?? [],
    forNow: now?.for ?? [],
  }));

  const investigations: InvestigationChange[] = pair(stored.investigations, current.investigations, (i) => i.test).map(({ key, then, now }) => ({
    test: key,
    label: (now ?? then)!.label,
    // An investigation stored without an urgency (before v2) is not said to have changed urgency.
    change: kindOf(then, now, then?.urgency === undefined || now?.urgency === undefined || then.urgency === now.urgency),
    then: then?.urgency ?? null,
    now: now?.urgency ?? null,
  }));

  const wThen = stored.scores.wellsDvt;
  const wNow = current.scores.wellsDvt;
  const side = (w: typeof wThen): WellsChange['then'] => ({
    points: w.points,
    category: w.category,
    applies: w.applies ?? true,
    ...(w.alternativeJudgement !== undefined ? { alternative: w.alternativeJudgement.state } : {}),
  });
  const wellsDvt: WellsChange = {
    then: side(wThen),
    now: side(wNow),
    pointsChanged: wThen.points !== wNow.points,
    categoryChanged: wThen.category !== wNow.category,
    appliesChanged: (wThen.applies ?? true) !== (wNow.applies ?? true),
  };

  const top = (a: StoredAssessment) => [...a.differential].sort((x, y) => x.rank - y.rank)[0]?.cause ?? null;
  const topCause = { then: top(stored), now: top(current), changed: top(stored) !== top(current) };

  const changed =
    differential.some((c) => c.movement !== 'same' || c.strengthChanged || c.evidenceChanged) ||
    redFlags.some((f) => f.change !== 'same') ||
    imaging.some((i) => i.change !== 'same' || !sameList(i.forThen, i.forNow)) ||
    investigations.some((i) => i.change !== 'same') ||
    wellsDvt.pointsChanged ||
    wellsDvt.categoryChanged ||
    wellsDvt.appliesChanged;

  return {
    knowledgeBase: { then: stored.knowledgeBase, now: current.knowledgeBase, same: stored.knowledgeBase === current.knowledgeBase },
    differential,
    topCause,
    redFlags,
    imaging,
    investigations,
    wellsDvt,
    changed,
  };
}
