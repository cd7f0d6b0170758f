import { RUBRIC, type RubricKey } from '../store/reviews.js';

/** The rubric averaged over every reviewer who scored the lead, per criterion and overall (one decimal). */
export interface AverageScore {
  reviewers: number;
  perCriterion: Record<RubricKey, number>;
  overall: number;
}

export function averageScores(reviews: ReadonlyArray<Record<RubricKey, number>>): AverageScore | null {
  if (reviews.length === 0) return null;
  const round = (n: number) => Math.round(n * 10) / 10;
  const perCriterion = Object.fromEntries(
    RUBRIC.map((k) => [k, round(reviews.reduce((s, r) => s + r[k], 0) / reviews.length)]),
  ) as Record<RubricKey, number>;
  const overall = round(RUBRIC.reduce((s, k) => s + perCriterion[k], 0) / RUBRIC.length);
  return { reviewers: reviews.length, perCriterion, overall };
}
