import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ShipmentStatus } from '@bridges/contracts';
import { PageQueryDto } from '@bridges/platform';

export class ListShipmentsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(ShipmentStatus) })
  @IsOptional()
  @IsIn(Object.values(ShipmentStatus))
  status?: ShipmentStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID() requestId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() municipalityId?: string;
}
