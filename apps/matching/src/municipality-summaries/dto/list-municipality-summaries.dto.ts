import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';

/** Most ids one request may name: one console page of proposals or partnerships, both sides. */
export const MAX_SUMMARY_IDS = 200;

/** `?ids=a,b,c`: the municipalities a console page needs names and centres for. */
export class ListMunicipalitySummariesDto {
  @ApiProperty({ description: `Comma-separated municipality ids (at most ${MAX_SUMMARY_IDS})`, type: String })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_SUMMARY_IDS)
  @IsUUID(undefined, { each: true, message: 'each id must be a municipality id (uuid)' })
  ids: string[];
}
