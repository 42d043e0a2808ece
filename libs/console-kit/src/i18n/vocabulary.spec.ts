import { factorLabel, sectorLabel } from './vocabulary';

describe('vocabulary labels', () => {
  it("should name sectors and factors in the reader's language when the id is in the contracts' vocabulary", () => {
    expect(sectorLabel('water-supply', 'uk')).toBe('Водопостачання та водовідведення');
    expect(sectorLabel('water-supply', 'en')).toBe('Water supply and sanitation');
    expect(factorLabel('distance', 'uk')).toBe('Відстань і логістика');
  });

  it('should show an unknown id as it is rather than nothing', () => {
    expect(sectorLabel('space-program', 'en')).toBe('space-program');
    expect(factorLabel('luck', 'uk')).toBe('luck');
  });
});
