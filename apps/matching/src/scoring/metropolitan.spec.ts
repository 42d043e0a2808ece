import { makeEu } from './candidate-profile.fixture';
import { metropolitanFlags } from './metropolitan';

describe(metropolitanFlags.name, () => {
  it('should flag cores and LAUs within 15 km of a core but not a town 50 km away', () => {
    const flags = metropolitanFlags([
      makeEu({ id: 'core', population: 800_000, lat: 50.06, lon: 19.94 }),
      makeEu({ id: 'suburb', population: 20_000, lat: 50.1, lon: 20.05 }),
      makeEu({ id: 'town', population: 20_000, lat: 50.5, lon: 20.3 }),
    ]);
    expect(Array.from(flags)).toEqual([1, 1, 0]);
  });

  it('should keep an explicit flag when the profile carries one', () => {
    const flags = metropolitanFlags([
      makeEu({ population: 200_000, metropolitan: false }),
      makeEu({ population: 500, metropolitan: true }),
    ]);
    expect(Array.from(flags)).toEqual([0, 1]);
  });
});
