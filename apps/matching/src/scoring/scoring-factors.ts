/**
 * The factors of a match score: each a pure function of precomputed numbers, returning [0, 1].
 * They take primitives (not profiles) so the hot loop over 60,000 candidates calls them without
 * allocating; the explanations are built separately, only for the candidates that are kept.
 */

/** Mean Earth radius used by the haversine distance, km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Log-ratio at which a size similarity drops to 1/e: a factor of 10 in population or area. */
export const SIZE_LOG_SCALE = Math.LN10;

/**
 * How many times larger than the hromada an EU municipality may be at full size score. On the real Ukrainian–EU
 * twinnings the EU partner is usually the larger; with the logarithmic distance this shape took the held-out
 * median rank of the real partner from 2.75 to 2.16 (docs/matching.md, "Size and distance, from the data").
 */
export const SIZE_LARGER_TOLERANCE = 30;
const LOG_LARGER_TOLERANCE = Math.log(SIZE_LARGER_TOLERANCE);

/**
 * Default share of population in the size similarity; the rest is area (when both areas are known).
 * Fitted on the real partnerships (docs/matching.md, "Calibration"); a campaign may set its own.
 */
export const SIZE_POPULATION_SHARE = 0.95;

/** Value of a factor whose inputs are missing on at least one side: neither reward nor penalty. */
export const NEUTRAL = 0.5;

/** Settlement types as ordinals: urban 0, settlement 1, rural 2. */
export const SETTLEMENT_ORDINAL = { urban: 0, settlement: 1, rural: 2 } as const;

/**
 * Size on a log scale — similar, or larger on the EU side. Population: 1 while the EU municipality has
 * 1 to {@link SIZE_LARGER_TOLERANCE} times the hromada's population, exp(-(Δ ln population / ln 10)²) below
 * (smaller partners) and beyond (Δ counted from the tolerance). Area: exp(-(Δ ln area / ln 10)²), similar
 * land. Blended by `populationShare` (default {@link SIZE_POPULATION_SHARE}). Log because a town of 5,000 and
 * one of 10,000 are as alike as 50,000 and 100,000. Pass NaN for an unknown log-area; the factor then uses
 * population alone.
 */
export function sizeSimilarity(
  logPopHromada: number,
  logPopEu: number,
  logAreaHromada: number,
  logAreaEu: number,
  populationShare: number = SIZE_POPULATION_SHARE,
): number {
  const larger = logPopEu - logPopHromada;
  const dp =
    (larger < 0 ? larger : larger > LOG_LARGER_TOLERANCE ? larger - LOG_LARGER_TOLERANCE : 0) /
    SIZE_LOG_SCALE;
  const pop = Math.exp(-dp * dp);
  const da = (logAreaHromada - logAreaEu) / SIZE_LOG_SCALE;
  if (da !== da || populationShare >= 1) return pop; // NaN: an area is unknown
  return populationShare * pop + (1 - populationShare) * Math.exp(-da * da);
}

/** Settlement type: 1 for the same type, 0.5 for neighbours (urban–settlement, settlement–rural), 0 for urban–rural. */
export function settlementTypeSimilarity(ordinalA: number, ordinalB: number): number {
  return 1 - Math.abs(ordinalA - ordinalB) / 2;
}

/**
 * Sector fit as coverage: the share of the hromada's needs the EU municipality offers,
 * |needs ∩ offers| / |needs|. Coverage, not Jaccard, because an EU municipality with broad expertise
 * should not be penalised for offering more than this hromada needs. No declared needs, or an EU
 * municipality that has not declared any offer yet (unknown, not "offers nothing"): neutral.
 */
export function sectorCoverage(needCount: number, covered: number, offerCount = 1): number {
  return needCount === 0 || offerCount === 0 ? NEUTRAL : covered / needCount;
}

/**
 * Shared development priorities as Jaccard similarity |A ∩ B| / |A ∪ B|: priorities are symmetric
 * (both sides want to work on them), so an overlap among many priorities counts less.
 * Either side without priorities: neutral.
 */
export function priorityJaccard(countA: number, countB: number, shared: number): number {
  if (countA === 0 || countB === 0) return NEUTRAL;
  return shared / (countA + countB - shared);
}

/** Working languages: 1 if at least one is shared, 0 if none, neutral if either side declared none. */
export function languageOverlap(countA: number, countB: number, shared: number): number {
  if (countA === 0 || countB === 0) return NEUTRAL;
  return shared > 0 ? 1 : 0;
}

/** The distance below which "nearer" stops mattering, km: the scale of the logarithm in {@link distanceFactor}. */
export const DISTANCE_NEAR_KM = 10;

/**
 * Distance on a log scale: 1 − ln(1 + d / 10 km) / (2 ln(1 + d½ / 10 km)), d½ = 1,000 km by default: 0.93 at 10 km,
 * 0.74 at 100 km, 0.57 at 500 km, 0.5 at d½, 0.43 at 2,000 km, never below 0 on Earth. Logarithmic because
 * 100 km against 300 km matters to a visit or an aid convoy as much as 1,000 against 3,000 km — and the real
 * twinnings follow the logarithm, not a bell (docs/matching.md, "Size and distance, from the data").
 */
export function distanceFactor(distanceKm: number, halfScoreKm: number): number {
  const f = 1 - Math.log1p(distanceKm / DISTANCE_NEAR_KM) / (2 * Math.log1p(halfScoreKm / DISTANCE_NEAR_KM));
  return f > 0 ? f : 0;
}

/**
 * Great-circle distance, km, between two points given as unit vectors on the sphere
 * (x = cos φ cos λ, y = cos φ sin λ, z = sin φ): 2R·asin(chord / 2). Same value as the haversine formula,
 * with one trigonometric call per pair instead of three — the vectors are precomputed once per profile.
 */
export function greatCircleKm(
  xA: number,
  yA: number,
  zA: number,
  xB: number,
  yB: number,
  zB: number,
): number {
  const dx = xA - xB;
  const dy = yA - yB;
  const dz = zA - zB;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
}

/** Unit vector of a point given in degrees, for {@link greatCircleKm}. */
export function unitVector(latDeg: number, lonDeg: number): [number, number, number] {
  const phi = (latDeg * Math.PI) / 180;
  const lambda = (lonDeg * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/**
 * Priority of the hromada: 0.5 for having no international partner yet, plus 1/6 for each war impact
 * (hosts displaced people, damaged, formerly occupied). It does not depend on the EU side, so it does not
 * reorder one hromada's candidates; it decides who gets scarce EU slots in a global round.
 */
export function hromadaPriority(hasInternationalPartner: boolean, warImpactCount: number): number {
  return (hasInternationalPartner ? 0 : 0.5) + Math.min(3, warImpactCount) / 6;
}

/**
 * EU capacity and spread: half for free capacity (saturating at 3 slots), half 1 / (1 + existing
 * partnerships), so partnerships spread across willing municipalities instead of piling onto a few.
 */
export function euCapacityFactor(capacity: number, existingPartnerships: number): number {
  return (0.5 * Math.min(Math.max(capacity, 0), 3)) / 3 + 0.5 / (1 + Math.max(existingPartnerships, 0));
}

/** Urbanisation classes as ordinals (city 0, town or suburb 1, rural 2); {@link UNKNOWN_ORDINAL} when unknown. */
export const URBANISATION_ORDINAL = { city: 0, 'town-suburb': 1, rural: 2 } as const;

/** Ordinal of an unknown class or flag in the prepared typed arrays. */
export const UNKNOWN_ORDINAL = 255;

/**
 * Settlement type. When both sides carry a degree of urbanisation computed by the same DEGURBA rule
 * (official for the EU LAU, the same thresholds on the urban population of the hromada), that is
 * compared; otherwise the legal type against the EU density proxy, as before. Same class 1, neighbours
 * 0.5, city–rural 0.
 */
export function urbanisationSimilarity(
  urbanA: number,
  urbanB: number,
  legacyOrdinalA: number,
  legacyOrdinalB: number,
): number {
  if (urbanA !== UNKNOWN_ORDINAL && urbanB !== UNKNOWN_ORDINAL) return 1 - Math.abs(urbanA - urbanB) / 2;
  return settlementTypeSimilarity(legacyOrdinalA, legacyOrdinalB);
}

/** A yes/no flag in a typed array: 1 yes, 0 no, {@link UNKNOWN_ORDINAL} unknown. */
export function flagCode(value: boolean | undefined): number {
  return value === undefined ? UNKNOWN_ORDINAL : value ? 1 : 0;
}

/**
 * Landscape: the share of landscape flags (coast, mountains) both sides know and agree on. A coastal
 * hromada learns most from a coastal municipality (ports, tourism, erosion), a mountain one from a
 * mountain one; a flat inland pair agrees too. Flags unknown on either side do not count; none known:
 * neutral.
 */
export function landscapeMatch(coastA: number, coastB: number, mountainA: number, mountainB: number): number {
  let known = 0;
  let same = 0;
  if (coastA !== UNKNOWN_ORDINAL && coastB !== UNKNOWN_ORDINAL) {
    known++;
    if (coastA === coastB) same++;
  }
  if (mountainA !== UNKNOWN_ORDINAL && mountainB !== UNKNOWN_ORDINAL) {
    known++;
    if (mountainA === mountainB) same++;
  }
  return known === 0 ? NEUTRAL : same / known;
}

/**
 * Prosperity: similarity of the two sides' relative prosperity within their own country (percentiles
 * 0–100; NaN unknown): 1 − |Δ| / 100. Relative, because a Ukrainian hromada's income and an EU region's
 * GDP are not on one scale, while "among the better-off of its country" is comparable. Similarity rather
 * than complementarity: chosen from the calibration data (docs/matching.md).
 */
export function prosperitySimilarity(percentileA: number, percentileB: number): number {
  const d = percentileA - percentileB;
  if (d !== d) return NEUTRAL; // NaN: unknown on a side
  return 1 - Math.abs(d) / 100;
}

/** Open proposals at which the popularity factor is 0.5. */
export const POPULARITY_HALF_COUNT = 10;

/**
 * Popularity: 1 / (1 + open proposals / 10). A municipality already proposed to many hromadas scores
 * lower, so proposals spread over the pool instead of naming the same few towns for everyone; 10 open
 * proposals halve the factor.
 */
export function popularityFactor(openProposals: number): number {
  return 1 / (1 + Math.max(0, openProposals) / POPULARITY_HALF_COUNT);
}
