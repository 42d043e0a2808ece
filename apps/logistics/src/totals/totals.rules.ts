/**
 * What a delivered shipment adds to the maintained totals (aid_total rows). Dimensions: everything (`all`),
 * the partnership, the hromada, the EU municipality, the sender's country, the hromada's oblast and each
 * category it carries; periods: all time, the year and the month of delivery. Measures: shipments, gross
 * kg, declared value per currency (minor units, never converted), days from publication of the request to
 * delivery (a histogram, so the median is exact without reading shipments) and, per category, quantity
 * per unit of measure.
 *
 * A category counts the shipments that carried it and their declared value per currency: value is declared
 * per shipment, not per line, so a shipment of two categories counts its whole value in both (as it counts
 * once in both categories' shipments) — category values are not parts of the total, never apportioned by a
 * guess (lines in pieces and kilograms have no common weight to split by).
 */
export const TotalsDimension = {
  All: 'all',
  Partnership: 'partnership',
  Hromada: 'hromada',
  EuMunicipality: 'eu-municipality',
  Country: 'country',
  Oblast: 'oblast',
  Category: 'category',
} as const;
export type TotalsDimension = (typeof TotalsDimension)[keyof typeof TotalsDimension];

export const TotalsMeasure = {
  Shipments: 'shipments',
  WeightKg: 'weight-kg',
  Value: 'value',
  DaysToDelivery: 'days',
  Quantity: 'quantity',
} as const;

export interface TotalsIncrement {
  readonly dimension: TotalsDimension;
  readonly dimensionKey: string;
  readonly period: string;
  readonly measure: string;
  readonly unit: string;
  readonly amount: number;
}

/** The facts of one delivered shipment that totals are kept of. */
export interface DeliveredShipmentFacts {
  readonly partnershipId: string | null;
  readonly hromadaId: string;
  readonly euMunicipalityId: string;
  readonly euCountry: string;
  readonly oblast: string;
  readonly deliveredAt: Date;
  readonly requestPublishedAt: Date | null;
  readonly grossWeightKg: number;
  readonly valueMinor: number | null;
  readonly currency: string | null;
  readonly lines: readonly { readonly category: string; readonly unit: string; readonly quantity: number }[];
}

/** `all`, `YYYY` and `YYYY-MM` of a moment (UTC). */
export function periodsOf(at: Date): string[] {
  const iso = at.toISOString();
  return ['all', iso.slice(0, 4), iso.slice(0, 7)];
}

/** Whole days from publication of the request to delivery, never negative. */
export function daysToDelivery(publishedAt: Date, deliveredAt: Date): number {
  return Math.max(0, Math.floor((deliveredAt.getTime() - publishedAt.getTime()) / 86_400_000));
}

/** Every row a delivered shipment increments, sorted by primary key so concurrent deliveries lock in one order. */
export function incrementsForDelivery(facts: DeliveredShipmentFacts): TotalsIncrement[] {
  const rows: TotalsIncrement[] = [];
  const whole: [TotalsDimension, string][] = [
    [TotalsDimension.All, 'all'],
    [TotalsDimension.Hromada, facts.hromadaId],
    [TotalsDimension.EuMunicipality, facts.euMunicipalityId],
    [TotalsDimension.Country, facts.euCountry],
    [TotalsDimension.Oblast, facts.oblast],
  ];
  if (facts.partnershipId) whole.push([TotalsDimension.Partnership, facts.partnershipId]);
  const days = facts.requestPublishedAt ? daysToDelivery(facts.requestPublishedAt, facts.deliveredAt) : null;
  for (const period of periodsOf(facts.deliveredAt)) {
    for (const [dimension, dimensionKey] of whole) {
      const row = (measure: string, unit: string, amount: number) =>
        rows.push({ dimension, dimensionKey, period, measure, unit, amount });
      row(TotalsMeasure.Shipments, '', 1);
      row(TotalsMeasure.WeightKg, '', facts.grossWeightKg);
      if (facts.valueMinor !== null && facts.currency)
        row(TotalsMeasure.Value, facts.currency, facts.valueMinor);
      if (days !== null) row(TotalsMeasure.DaysToDelivery, String(days), 1);
    }
    const byCategory = new Map<string, Map<string, number>>();
    for (const line of facts.lines) {
      const units = byCategory.get(line.category) ?? new Map<string, number>();
      units.set(line.unit, (units.get(line.unit) ?? 0) + line.quantity);
      byCategory.set(line.category, units);
    }
    for (const [category, units] of byCategory) {
      const base = { dimension: TotalsDimension.Category, dimensionKey: category, period };
      rows.push({ ...base, measure: TotalsMeasure.Shipments, unit: '', amount: 1 });
      if (facts.valueMinor !== null && facts.currency)
        rows.push({ ...base, measure: TotalsMeasure.Value, unit: facts.currency, amount: facts.valueMinor });
      for (const [unit, quantity] of units)
        rows.push({ ...base, measure: TotalsMeasure.Quantity, unit, amount: quantity });
    }
  }
  return rows.sort(compareKeys);
}

function compareKeys(a: TotalsIncrement, b: TotalsIncrement): number {
  for (const key of ['dimension', 'dimensionKey', 'period', 'measure', 'unit'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/** The median of a histogram `value → count` (the lower middle for an even count), or null when empty. */
export function medianOfHistogram(histogram: readonly { value: number; count: number }[]): number | null {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const { value, count } of sorted) {
    seen += count;
    if (seen >= middle) return value;
  }
  return null;
}
