import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ALL_ROLES } from '@bridges/platform';
import { RecipientKind } from '../recipient.entity';

/** An association contact or a console user added by a notifications admin. */
export class CreateRecipientDto {
  @ApiProperty({ enum: [RecipientKind.Association, RecipientKind.Coordinator] })
  @IsIn([RecipientKind.Association, RecipientKind.Coordinator])
  kind: typeof RecipientKind.Association | typeof RecipientKind.Coordinator;

  @ApiPropertyOptional({
    description: 'Coordinators: their token `sub`. Association contacts get a generated id.',
  })
  @ValidateIf((o: CreateRecipientDto) => o.kind === RecipientKind.Coordinator)
  @IsString()
  @Length(1, 200)
  sub?: string;

  @ApiPropertyOptional({
    description: 'Association contacts: the association (profiles carry `associationId`)',
  })
  @ValidateIf((o: CreateRecipientDto) => o.kind === RecipientKind.Association)
  @IsUUID()
  associationId?: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty()
  @IsEmail()
  email: string;

  @ApiPropertyOptional({ description: 'ISO 639-1, e.g. uk, en, pl, de' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  preferredLanguage?: string;

  @ApiPropertyOptional({ description: 'Coordinators: console roles, e.g. matching:coordinator' })
  @IsOptional()
  @IsIn(ALL_ROLES, { each: true })
  @ArrayMaxSize(10)
  roles?: string[];
}
