import { campaignRequest, EMPTY_CAMPAIGN_DRAFT } from './campaign-draft';

describe('campaign draft', () => {
  it('should leave empty fields out so the service applies its defaults', () => {
    expect(campaignRequest({ ...EMPTY_CAMPAIGN_DRAFT, slug: ' baltic ', name: 'Baltic' })).toEqual({
      slug: 'baltic',
      name: 'Baltic',
      euEligibility: { requireFreeCapacity: true },
      hromadaEligibility: {},
    });
  });

  it('should send lists, numbers and weights as the API takes them', () => {
    const request = campaignRequest({
      ...EMPTY_CAMPAIGN_DRAFT,
      slug: 'b',
      name: 'B',
      countries: 'pl, lt,',
      populationMin: '400',
      populationMax: '50000',
      oblasts: 'Львівська область',
      settlementTypes: ['rural'],
      weights: { distance: '2.5', sectorFit: '' },
    });

    expect(request).toMatchObject({
      euEligibility: { countries: ['PL', 'LT'], populationMin: 400, populationMax: 50_000 },
      hromadaEligibility: { oblasts: ['Львівська область'], settlementTypes: ['rural'] },
      weights: { distance: 2.5 },
    });
  });
});
