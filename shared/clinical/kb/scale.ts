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
};
