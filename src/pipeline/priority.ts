import type { Analysis, Category, Quantity } from '../core/types.js';

/**
 * The review order: a number from 0 to 100, highest first. Weights are documented in README.md here; they
 * favour what the ministry needs most, in volume, soon, certified, from a company that can be checked.
 */
export const CATEGORY_DEMAND: Record<Category, number> = {
  masks: 40,
  gowns: 36,
  tests: 36,
  ventilators: 30,
  materials: 24,
  other: 10,
};

const WEEKS_PER: Record<NonNullable<Quantity['per']>, number> = { day: 7, week: 1, month: 1 / 4.33 };

/** Units per week where a rate is given; a bare amount counts as it is. */
export function weeklyVolume(quantities: Quantity[]): number {
  let best = 0;
  for (const q of quantities) best = Math.max(best, q.amount * (q.per ? WEEKS_PER[q.per] : 1));
  return best;
}

export function quantityPoints(quantities: Quantity[]): number {
  const volume = weeklyVolume(quantities);
  // logarithmic: 10 units → 3, 1,000 → 10, 1,000,000 a week → 20
  return volume < 1 ? 0 : Math.min(20, (20 * Math.log10(volume)) / 6);
}

export function leadTimePoints(leadTime: Analysis['leadTime']): number {
  if (leadTime.inStock) return 15;
  if (leadTime.days === null) return 0;
  if (leadTime.days <= 7) return 12;
  if (leadTime.days <= 30) return 8;
  return 4;
}

export function certificationPoints(certifications: string[]): number {
  return Math.min(15, 7.5 * certifications.length);
}

export function completenessPoints(a: Pick<Analysis, 'kvk' | 'phone' | 'website'>): number {
  return (a.kvk ? 4 : 0) + (a.phone ? 3 : 0) + (a.website ? 3 : 0);
}

export function leadPriority(a: Analysis): number {
  const total =
    CATEGORY_DEMAND[a.category ?? 'other'] +
    quantityPoints(a.quantities) +
    leadTimePoints(a.leadTime) +
    certificationPoints(a.certifications) +
    completenessPoints(a);
  return Math.round(total * 10) / 10;
}
