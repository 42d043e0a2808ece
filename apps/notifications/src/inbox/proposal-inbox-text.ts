import type { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import { countryName, displayName, formatInteger, formatPercent } from '../templates';

type DirectoryMunicipality = Pick<
  MunicipalityDirectoryEntity,
  'nameNative' | 'nameLatin' | 'country' | 'regionName' | 'population'
>;

/**
 * Title and summary of a proposal in the console inbox: both municipalities by name in both scripts,
 * and who the proposed partner is (country, region, population) with the score, from the directory.
 * Inbox items are stored once for every reader of the inbox, so they are written in English.
 */
export function proposalInboxText(
  hromada: DirectoryMunicipality,
  partner: DirectoryMunicipality,
  score: number,
): { title: string; summary: string } {
  const name = (m: DirectoryMunicipality) =>
    displayName({ nameNative: m.nameNative, nameLatin: m.nameLatin });
  const about = [
    `${name(partner)}, ${countryName(partner.country, 'en')}`,
    partner.regionName,
    partner.population !== null ? `${formatInteger(partner.population, 'en')} inhabitants` : undefined,
    `match score ${formatPercent(score, 'en')}`,
  ];
  return {
    title: `${name(hromada)} – ${name(partner)}`,
    summary: about.filter((part): part is string => !!part).join(' · '),
  };
}
