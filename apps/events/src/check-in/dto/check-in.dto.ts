import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CheckInDto {
  @ApiProperty({
    example: '7K2M-Q9TX-4HRB-PZ3W',
    description: 'The code on the ticket (case, spaces and dashes ignored)',
  })
  @IsString()
  @MaxLength(40)
  code: string;
}
