/**
 * Ids of the factors a match proposal explains itself with (`ProposalFactorV1.factor`), with the
 * labels people read. Wire values: never renamed; a new factor is added here first. Consumers must
 * still tolerate an id they do not know (show it as sent), as with every vocabulary.
 */
export const MATCH_FACTORS = {
  'size-similarity': {
    en: 'Similar or larger size (population, area)',
    uk: 'Подібний або більший розмір (населення, площа)',
  },
  'settlement-type': { en: 'Similar settlement type', uk: 'Подібний тип поселення' },
  'sector-fit': { en: 'Needs match the partner’s offers', uk: 'Потреби збігаються з пропозиціями партнера' },
  'shared-priorities': { en: 'Shared development priorities', uk: 'Спільні пріоритети розвитку' },
  'working-languages': { en: 'Shared working languages', uk: 'Спільні робочі мови' },
  distance: { en: 'Distance and logistics', uk: 'Відстань і логістика' },
  priority: {
    en: 'Priority for war-affected hromadas or those without a partner',
    uk: 'Пріоритет для громад, що постраждали від війни або ще не мають партнера',
  },
  capacity: {
    en: 'The partner has capacity for another partnership',
    uk: 'Партнер має змогу взяти ще одне партнерство',
  },
  landscape: { en: 'Similar landscape (coast, mountains)', uk: 'Подібний ландшафт (море, гори)' },
  prosperity: {
    en: 'Similar prosperity within each country',
    uk: 'Подібний рівень добробуту у своїй країні',
  },
  popularity: {
    en: 'Not yet proposed to many hromadas (spreads proposals)',
    uk: 'Ще не запропонований багатьом громадам (рівномірніший розподіл)',
  },
} as const satisfies Record<string, { en: string; uk: string }>;

export type MatchFactorId = keyof typeof MATCH_FACTORS;

export const MATCH_FACTOR_IDS = Object.keys(MATCH_FACTORS) as readonly MatchFactorId[];

export function isMatchFactorId(value: string): value is MatchFactorId {
  return Object.prototype.hasOwnProperty.call(MATCH_FACTORS, value);
}
