import { makeEu } from './candidate-profile.fixture';
import { metropolitanFlags } from './metropolitan';

describe(metropolitanFlags.name, () => {
  it('should flag a city of 100,000 or more but not a town near it when no official flag is known', () => {
    const flags = metropolitanFlags([
      makeEu({ id: 'core', population: 800_000, lat: 50.06, lon: 19.94 }),
      makeEu({ id: 'district next door', population: 20_000, lat: 50.1, lon: 20.05 }),
    ]);
    expect(Array.from(flags)).toEqual([1, 0]);
  });

  it('should keep the official (functional urban area) flag when the profile carries one', () => {
    const flags = metropolitanFlags([
      makeEu({ population: 200_000, metropolitan: false }),
      makeEu({ population: 500, metropolitan: true }),
    ]);
    expect(Array.from(flags)).toEqual([0, 1]);
  });
});
