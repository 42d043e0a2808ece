import { MATCH_FACTOR_IDS } from '@bridges/contracts';
import { matchFactorLabel } from './match-factor-labels';

describe(matchFactorLabel.name, () => {
  it('should name a known factor in Ukrainian and English', () => {
    expect(matchFactorLabel('sector-fit', 'uk')).toBe('Потреби збігаються з пропозиціями партнера');
    expect(matchFactorLabel('sector-fit', 'en')).toBe('Needs match the partner’s offers');
  });

  it('should give every factor of the vocabulary a label different from its id', () => {
    for (const id of MATCH_FACTOR_IDS) expect(matchFactorLabel(id, 'uk')).not.toBe(id);
  });

  it('should name a factor in the other template languages too', () => {
    expect(matchFactorLabel('distance', 'pl')).toBe('Odległość i logistyka');
  });

  it('should fall back to English when the language has no labels', () => {
    expect(matchFactorLabel('distance', 'lt')).toBe('Distance and logistics');
  });

  it('should show the id as sent when the factor is unknown', () => {
    expect(matchFactorLabel('river-basin', 'uk')).toBe('river-basin');
  });
});
