import type { WellsDvt } from '../clinical/assessment.ts';

/**
 * The Wells item "an alternative diagnosis at least as likely as DVT" in words: whose judgement it
 * is (the engine's suggestion, confirmed or overridden by the clinician) and what it rests on. One
 * wording for the workspace, the review screen and the letter, so they never tell it differently.
 */

export type WellsAlternativeState = NonNullable<WellsDvt['alternativeJudgement']>['state'];

/** The three states (and "no suggestion") as the screen and the letter name them. */
export const WELLS_ALTERNATIVE_STATE_WORD: Record<WellsAlternativeState, string> = {
  suggested: 'Suggested by the assessment, not yet confirmed',
  confirmed: 'Confirmed by the clinician',
  overridden: 'Overridden by the clinician',
  none: 'No alternative suggested',
};

export interface Labels {
  readonly causeLabel: (id: string) => string;
  readonly findingLabel: (id: string) => string;
}

/** The Wells criterion that is the alternative-diagnosis item: the only one that subtracts points. */
export const isAlternativeCriterion = (c: WellsDvt['criteria'][number]): boolean => c.points < 0;

/**
 * One sentence on the item for a v2 assessment (null for one stored before the judgement existed,
 * which is then shown as its criteria were).
 */
export function wellsAlternativeSentence(w: WellsDvt, labels: Labels): string | null {
  const j = w.alternativeJudgement;
  if (j === undefined) return null;
  const because = j.suggestedBecause.length > 0 ? `, because of: ${j.suggestedBecause.map(labels.findingLabel).join('; ')}` : '';
  const suggestion = j.suggested !== undefined ? `the assessment suggested ${labels.causeLabel(j.suggested)}${because}` : 'the assessment suggested no alternative';
  switch (j.state) {
    case 'suggested':
      return `Suggested by the assessment: ${labels.causeLabel(j.suggested ?? '')}${because}. Not yet confirmed by the clinician.`;
    case 'confirmed': {
      const alternative = j.chosen ?? j.suggested;
      return alternative !== undefined
        ? `Confirmed by the clinician: ${labels.causeLabel(alternative)} is at least as likely as DVT (${suggestion}).`
        : 'Confirmed by the clinician: no alternative diagnosis is at least as likely as DVT (the assessment suggested none).';
    }
    case 'overridden': {
      if (j.chosen !== undefined) return `Set by the clinician: ${labels.causeLabel(j.chosen)} is at least as likely as DVT (${suggestion}).`;
      // Met without a named cause: Wells asks only whether some alternative is at least as likely.
      const met = w.criteria.find(isAlternativeCriterion)?.met ?? false;
      return met
        ? `Set by the clinician: an alternative diagnosis is at least as likely as DVT (${suggestion}).`
        : `Set by the clinician: no alternative diagnosis is at least as likely as DVT (${suggestion}).`;
    }
    case 'none':
      return 'The assessment suggests no alternative diagnosis, and the clinician has named none.';
  }
}

/**
 * The same judgement without the words of its state, for where the state is shown just before it
 * (the workspace: "Overridden by the clinician." then this).
 */
export function wellsAlternativeDetail(w: WellsDvt, labels: Labels): string | null {
  const j = w.alternativeJudgement;
  if (j === undefined) return null;
  const because = j.suggestedBecause.length > 0 ? `, because of: ${j.suggestedBecause.map(labels.findingLabel).join('; ')}` : '';
  const suggestion = j.suggested !== undefined ? `the assessment suggested ${labels.causeLabel(j.suggested)}${because}` : 'the assessment suggested none';
  const met = w.criteria.find(isAlternativeCriterion)?.met ?? false;
  switch (j.state) {
    case 'suggested':
      return `${labels.causeLabel(j.suggested ?? '')}${because}.`;
    case 'confirmed':
    case 'overridden': {
      const alternative = j.chosen ?? (j.state === 'confirmed' ? j.suggested : undefined);
      if (alternative !== undefined) return `${labels.causeLabel(alternative)} is at least as likely as DVT (${suggestion}).`;
      return met ? `An alternative diagnosis is at least as likely as DVT (${suggestion}).` : `Not met: no alternative diagnosis is at least as likely as DVT (${suggestion}).`;
    }
    case 'none':
      return 'The assessment suggests none, and none is named.';
  }
}
