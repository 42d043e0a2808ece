import type { ProposalsDigestData } from './matching-proposals-digest.template';
import type { PartnershipEstablishedData } from './partnership-established.template';
import type { PartnershipStatusChangedData } from './partnership-status-changed.template';

// Sample data of the template specs and of the console's previews (template-samples.ts).

export const UNSUBSCRIBE_URL = 'https://bridges.example/notifications/unsubscribe?token=eyJ2IjoxfQ.sig';

export function partnershipEstablishedData(
  overrides: Partial<PartnershipEstablishedData> = {},
): PartnershipEstablishedData {
  return {
    audience: 'municipality',
    recipientName: 'Олена Коваль',
    municipality: { nameNative: 'Житомирська міська громада', nameLatin: 'Zhytomyr urban hromada' },
    partner: {
      nameNative: 'Kraków',
      nameLatin: 'Krakow',
      countryCode: 'PL',
      region: 'Małopolskie',
      population: 804237,
      sectors: ['water-supply'],
      offers: ['energy-efficiency', 'waste-management'],
    },
    track: 'formal',
    establishedAt: '2026-11-28T10:00:00Z',
    partnershipUrl: 'https://bridges.example/matching/partnerships/3f1c',
    unsubscribeUrl: UNSUBSCRIBE_URL,
    ...overrides,
  };
}

export function proposalsDigestData(
  count: number,
  overrides: Partial<ProposalsDigestData> = {},
): ProposalsDigestData {
  return {
    audience: 'municipality',
    unsubscribeUrl: UNSUBSCRIBE_URL,
    reviewAllUrl: 'https://bridges.example/matching/proposals',
    proposals: Array.from({ length: count }, (_, i) => ({
      proposalId: `p-${i + 1}`,
      hromada: { nameNative: 'Бучанська міська громада', nameLatin: 'Bucha urban hromada' },
      partner: { nameNative: `Gemeinde ${i + 1}`, countryCode: 'DE' },
      score: 0.9 - i * 0.01,
      topReasons: [
        { factor: 'sector-fit', score: 0.95, explanation: 'water-supply need meets water-supply offer' },
        { factor: 'working-languages', score: 0.8 },
        { factor: 'distance', score: 0.6 },
        { factor: 'capacity', score: 0.5 },
      ],
      reviewUrl: `https://bridges.example/matching/proposals/p-${i + 1}`,
    })),
    ...overrides,
  };
}

export function partnershipStatusChangedData(
  overrides: Partial<PartnershipStatusChangedData> = {},
): PartnershipStatusChangedData {
  return {
    audience: 'municipality',
    municipality: { nameNative: 'Житомирська міська громада', nameLatin: 'Zhytomyr urban hromada' },
    partner: { nameNative: 'Kraków', nameLatin: 'Krakow', countryCode: 'PL' },
    from: 'active',
    to: 'dormant',
    track: 'formal',
    changedAt: '2026-11-28T10:00:00Z',
    unsubscribeUrl: UNSUBSCRIBE_URL,
    ...overrides,
  };
}
