import { matchFactorLabel } from './match-factor-labels';

describe(matchFactorLabel.name, () => {
  it('should name a known factor in Ukrainian and English', () => {
    expect(matchFactorLabel('sector-fit', 'uk')).toBe('Потреби збігаються з пропозиціями партнера');
    expect(matchFactorLabel('sector-fit', 'en')).toBe('Needs match the partner’s offers');
  });

  it('should find the label when matching sends a camelCase id', () => {
    expect(matchFactorLabel('sizeSimilarity', 'uk')).toBe(matchFactorLabel('size-similarity', 'uk'));
    expect(matchFactorLabel('euCapacity', 'en')).toBe('The partner has capacity for another partnership');
  });

  it('should show the id as sent when the factor is unknown', () => {
    expect(matchFactorLabel('riverBasin', 'uk')).toBe('riverBasin');
  });
});
