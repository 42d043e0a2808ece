import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Starts a global round; a client-chosen id makes the request safe to retry. */
export class StartRoundDto {
  @ApiPropertyOptional({
    description: 'Idempotency: the same id returns the same round instead of starting another',
  })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
