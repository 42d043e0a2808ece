import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** A contact person named by an association in an inbound event. */
export class AssociationContactV1 {
  @IsString() @MaxLength(200) name: string;
  @IsOptional() @IsString() @MaxLength(200) role?: string;
  @IsEmail() email: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsString() @Length(2, 2) preferredLanguage: string;
}
