/**
 * Reader-facing names of matching's score factors ("why this match"), in Ukrainian and English.
 * Keys are matching's factor ids in kebab-case (camelCase ids such as `sectorFit` are looked up as
 * `sector-fit`); an id not listed here is shown as sent, so a new factor never breaks a digest, it only
 * reads less nicely until it is added.
 */
export const MATCH_FACTOR_LABELS: Readonly<Record<string, { uk: string; en: string }>> = {
  'size-similarity': { uk: 'Подібний розмір (населення, площа)', en: 'Similar size (population, area)' },
  'settlement-type': { uk: 'Подібний тип поселення', en: 'Similar settlement type' },
  'sector-fit': { uk: 'Потреби збігаються з пропозиціями партнера', en: 'Needs match the partner’s offers' },
  'shared-priorities': { uk: 'Спільні пріоритети розвитку', en: 'Shared development priorities' },
  'working-languages': { uk: 'Спільні робочі мови', en: 'Shared working languages' },
  languages: { uk: 'Спільні робочі мови', en: 'Shared working languages' },
  distance: { uk: 'Відстань і логістика', en: 'Distance and logistics' },
  'hromada-priority': {
    uk: 'Пріоритет для громад, що постраждали від війни або ще не мають партнера',
    en: 'Priority for war-affected hromadas or those without a partner',
  },
  priority: {
    uk: 'Пріоритет для громад, що постраждали від війни або ще не мають партнера',
    en: 'Priority for war-affected hromadas or those without a partner',
  },
  'no-partner-yet': {
    uk: 'Громада ще не має міжнародного партнера',
    en: 'The hromada has no international partner yet',
  },
  'war-affected': { uk: 'Громада постраждала від війни', en: 'The hromada is war-affected' },
  'eu-capacity': {
    uk: 'Партнер має змогу взяти ще одне партнерство',
    en: 'The partner has capacity for another partnership',
  },
  capacity: {
    uk: 'Партнер має змогу взяти ще одне партнерство',
    en: 'The partner has capacity for another partnership',
  },
  'existing-partnerships': { uk: 'Наявні партнерства', en: 'Existing partnerships' },
};

/** A factor's label in `locale` (uk or en; other languages get English). */
export function matchFactorLabel(factor: string, locale: string): string {
  const labels = MATCH_FACTOR_LABELS[factor.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()];
  if (!labels) return factor;
  return locale === 'uk' ? labels.uk : labels.en;
}
