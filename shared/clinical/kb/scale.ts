import type { ScoreScale } from '../types.ts';

/**
 * From points to a 0..1 score: a logistic curve, so every extra point of support raises the score
 * (monotone) and no cause reaches 0 or 1. The midpoint and spread are set so that one hallmark alone
 * (3 points) reads "weak" and two or three concordant features read "moderate" to "strong". Scores
 * rank causes within one assessment; they are not probabilities.
 */
export const scoreScale: ScoreScale = {
  midpoint: 4,
  spread: 3,
  strength: { strong: 0.8, moderate: 0.6, weak: 0.4 },
  // Within one point of zero (a third of a hallmark) evidence on both sides is read as conflicting
  // rather than as a lean either way: an expert estimate on the point scale.
  conflictingWithin: 1,
  explanation:
    'Strength says how well the recorded findings fit each cause, compared with the other causes of this patient; it is not a probability. Strong: several typical features or a hallmark with support. Moderate: typical features. Weak: some support. Unlikely: little or nothing for it, or findings against it. "No findings recorded": nothing recorded bears on the cause either way. "Conflicting evidence": findings for and against that about cancel out.',
};
