import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn } from 'class-validator';
import { COUNTRY_CODES, countryFromEurostat } from '@bridges/contracts/vocabulary';

/** Eurostat/GISCO's code for Greece, accepted as input beside the ISO `GR`. */
const EUROSTAT_GREECE = 'EL';

/** Swagger for a country field: every accepted spelling, and what is stored. */
export const MUNICIPALITY_COUNTRY_DOC = {
  enum: [...COUNTRY_CODES, EUROSTAT_GREECE],
  example: 'UA',
  description:
    'UA or an EU member state, ISO 3166-1 alpha-2. Greece is stored and published as GR; ' +
    "Eurostat's EL is accepted for it (and answered as GR).",
};

/**
 * A municipality's country: `UA` or an EU member state's ISO code. Greece may also be sent as
 * Eurostat's `EL` (the spelling of GISCO ids and the LAU files) and is stored as `GR`, the spelling
 * of the contracts on every topic, so one country never has two values downstream.
 */
export function IsMunicipalityCountry(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      value === EUROSTAT_GREECE ? countryFromEurostat(EUROSTAT_GREECE) : value,
    ),
    IsIn(COUNTRY_CODES, {
      message: 'must be UA or an EU member state code (ISO 3166-1 alpha-2; Greece is GR or EL)',
    }),
  );
}
