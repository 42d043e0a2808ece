import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DeliveryChannel } from '@bridges/contracts';
import { PageQueryDto } from '@bridges/platform';
import { DeliveryState } from '../delivery.entity';

/** Filters of the delivery log. */
export class ListDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(DeliveryState) })
  @IsOptional()
  @IsIn(Object.values(DeliveryState))
  status?: DeliveryState;

  @ApiPropertyOptional({ enum: Object.values(DeliveryChannel) })
  @IsOptional()
  @IsIn(Object.values(DeliveryChannel))
  channel?: DeliveryChannel;

  @ApiPropertyOptional({ description: 'Directory recipient id, or webhook subscription id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recipientId?: string;

  @ApiPropertyOptional({ description: 'Event id (ce_id) that caused the deliveries' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceEventId?: string;
}
