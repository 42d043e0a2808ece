import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@bridges/platform';
import { RecipientKind } from '../recipient.entity';

/** Filters of the recipient list. */
export class ListRecipientsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(RecipientKind) })
  @IsOptional()
  @IsIn(Object.values(RecipientKind))
  kind?: RecipientKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  associationId?: string;
}
