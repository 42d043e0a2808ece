import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateMunicipalityDto } from './create-municipality.dto';

/**
 * Changes to a profile; send only what changes. Country and official code are the profile's
 * identity and cannot change (sending them is a 400). `null` clears an optional value. `contacts`
 * replaces the list: a contact left out is erased (and the erasure is published).
 */
export class UpdateMunicipalityDto extends PartialType(
  OmitType(CreateMunicipalityDto, ['country', 'officialCode'] as const),
) {}
