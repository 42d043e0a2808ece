import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@bridges/platform';
import { TotalsQueryDto } from './dto/totals-query.dto';
import { TotalsService, type TotalsView } from './totals.service';

/** Delivered aid: shipments, kg, value per currency, median days from request to delivery. */
@ApiTags('totals')
@Roles(Role.LogisticsCoordinator, Role.MunicipalityOfficer)
@Controller('totals')
export class TotalsController {
  constructor(private readonly totals: TotalsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Totals per partnership, hromada, EU municipality, country, oblast, category or all, per period; read from ' +
      'maintained aggregates. Officers: their municipality and partnerships',
  })
  read(@CurrentUser() user: AuthenticatedUser, @Query() query: TotalsQueryDto): Promise<TotalsView[]> {
    return this.totals.read(user, query);
  }
}
