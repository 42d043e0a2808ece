import { euIndicators, hromadaUrbanisation, percentiles } from './socio-economic-indicators.loader';
import type { MunicipalityImportRecord } from './municipality-import.types';

describe(hromadaUrbanisation.name, () => {
  it('should apply DEGURBA thresholds to the population of urban settlements', () => {
    expect(hromadaUrbanisation(371_004, 387_439)).toBe('city');
    expect(hromadaUrbanisation(12_191, 18_446)).toBe('town-suburb');
    expect(hromadaUrbanisation(6_246, 17_127)).toBe('rural'); // under half urban
    expect(hromadaUrbanisation(4_000, 5_000)).toBe('rural'); // urban but under 5,000
  });
});

describe(percentiles.name, () => {
  it('should rank known values 0–100 with mid-ranks for ties and keep unknown unknown', () => {
    expect(percentiles([10, undefined, 30, 20, 20])).toEqual([0, undefined, 100, 50, 50]);
  });
});

describe(euIndicators.name, () => {
  const lau = (code: string, population: number, nuts3: string) =>
    ({ officialCode: code, population, region: { code: nuts3, level: 'nuts3' } }) as MunicipalityImportRecord;

  it('should sum FUA populations over the LAUs given and leave unknown fields out', () => {
    const tables = {
      byLau: new Map([
        ['PL_1', { urbanisation: 'city' as const, coastal: false, fuaId: 'PL001L2' }],
        ['PL_2', { urbanisation: 'rural' as const, coastal: true, fuaId: 'PL001L2' }],
      ]),
      byNuts3: new Map([['PL911', { mountain: false, gdpPpsIndex: 150 }]]),
    };
    const out = euIndicators(
      [lau('PL_1', 200_000, 'PL911'), lau('PL_2', 60_000, 'PL911'), lau('PL_3', 500, 'PLXXX')],
      tables,
    );
    expect(out.get('PL_2')).toEqual({
      urbanisation: 'rural',
      coastal: true,
      mountain: false,
      functionalUrbanAreaId: 'PL001L2',
      functionalUrbanAreaPopulation: 260_000,
      regionalGdpPpsIndex: 150,
      prosperityPercentile: 50,
    });
    expect(out.get('PL_3')).toEqual({});
  });
});
