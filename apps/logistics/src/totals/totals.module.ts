import { Module } from '@nestjs/common';
import { TotalsController } from './totals.controller';
import { TotalsService } from './totals.service';

@Module({ controllers: [TotalsController], providers: [TotalsService], exports: [TotalsService] })
export class TotalsModule {}
