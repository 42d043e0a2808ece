import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { formatMinorUnits, isCurrencyCode } from '@bridges/contracts';
import { Role, type AuthenticatedUser } from '@bridges/platform';
import { assertInScope, isLogisticsCoordinator, officerMunicipality } from '../common/access';
import { PartnershipProjectionEntity } from '../projection/partnership-projection.entity';
import type { TotalsQueryDto } from './dto/totals-query.dto';
import {
  incrementsForDelivery,
  medianOfHistogram,
  TotalsDimension,
  TotalsMeasure,
  type DeliveredShipmentFacts,
} from './totals.rules';

/** Totals of one key of a dimension in one period. */
export interface TotalsView {
  readonly dimension: TotalsDimension;
  readonly key: string;
  readonly period: string;
  readonly shipments: number;
  readonly weightKg: number;
  /** Per currency, never converted. */
  readonly value: readonly {
    readonly currency: string;
    readonly amountMinor: number;
    readonly amount: string;
  }[];
  readonly medianDaysToDelivery: number | null;
  /** Per unit of measure (category totals). */
  readonly quantities: readonly { readonly unit: string; readonly quantity: number }[];
}

interface TotalRow {
  dimension_key: string;
  measure: string;
  unit: string;
  amount: string;
}

/** Keeps and reads the aggregates behind `GET /totals` (see totals.rules.ts). */
@Injectable()
export class TotalsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a delivered shipment to every total it counts in, in the delivering transaction. */
  async recordDelivery(manager: EntityManager, facts: DeliveredShipmentFacts): Promise<void> {
    const rows = incrementsForDelivery(facts);
    const params: unknown[] = [];
    const values = rows.map((r) => {
      params.push(r.dimension, r.dimensionKey, r.period, r.measure, r.unit, r.amount);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await manager.query(
      `INSERT INTO aid_total (dimension, dimension_key, period, measure, unit, amount) VALUES ${values.join(', ')}
       ON CONFLICT (dimension, dimension_key, period, measure, unit)
       DO UPDATE SET amount = aid_total.amount + EXCLUDED.amount`,
      params,
    );
  }

  /**
   * One key's totals, or (coordinators, no key) every key of the dimension, most shipments first. An officer
   * reads the totals of their own municipality and of their partnerships; other keys answer 404.
   */
  async read(user: AuthenticatedUser, query: TotalsQueryDto): Promise<TotalsView[]> {
    const manager = this.dataSource.manager;
    if (query.key) await this.assertMayRead(manager, user, query.dimension, query.key);
    else if (!isLogisticsCoordinator(user)) throw forCoordinators();
    const keys = query.key
      ? [query.key]
      : (
          await manager.query<{ dimension_key: string }[]>(
            `SELECT dimension_key FROM aid_total WHERE dimension = $1 AND period = $2 AND measure = 'shipments'
              ORDER BY amount DESC, dimension_key LIMIT $3 OFFSET $4`,
            [query.dimension, query.period, query.limit, query.offset],
          )
        ).map((r) => r.dimension_key);
    if (keys.length === 0) return [];
    const rows = await manager.query<TotalRow[]>(
      `SELECT dimension_key, measure, unit, amount FROM aid_total
        WHERE dimension = $1 AND period = $2 AND dimension_key = ANY($3)`,
      [query.dimension, query.period, keys],
    );
    return keys.map((key) =>
      toView(
        query.dimension,
        key,
        query.period,
        rows.filter((r) => r.dimension_key === key),
      ),
    );
  }

  private async assertMayRead(
    manager: EntityManager,
    user: AuthenticatedUser,
    dimension: TotalsDimension,
    key: string,
  ): Promise<void> {
    if (isLogisticsCoordinator(user)) return;
    const own = user.roles.includes(Role.MunicipalityOfficer) ? user.municipalityId : undefined;
    if (dimension === TotalsDimension.Partnership && own) {
      const p = await manager.findOneBy(PartnershipProjectionEntity, { partnershipId: key });
      assertInScope(user, p ? [p.hromadaId, p.euMunicipalityId] : []);
      return;
    }
    if (dimension === TotalsDimension.Hromada || dimension === TotalsDimension.EuMunicipality) {
      assertInScope(user, [key]);
      return;
    }
    officerMunicipality(user);
    throw forCoordinators();
  }
}

function toView(
  dimension: TotalsDimension,
  key: string,
  period: string,
  rows: readonly TotalRow[],
): TotalsView {
  const sum = (measure: string) =>
    rows.filter((r) => r.measure === measure).reduce((total, r) => total + Number(r.amount), 0);
  return {
    dimension,
    key,
    period,
    shipments: sum(TotalsMeasure.Shipments),
    weightKg: sum(TotalsMeasure.WeightKg),
    value: rows
      .filter((r) => r.measure === TotalsMeasure.Value && isCurrencyCode(r.unit))
      .map((r) => {
        const amountMinor = Number(r.amount);
        return { currency: r.unit, amountMinor, amount: formatMinorUnits(amountMinor, r.unit as never) };
      })
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    medianDaysToDelivery: medianOfHistogram(
      rows
        .filter((r) => r.measure === TotalsMeasure.DaysToDelivery)
        .map((r) => ({ value: Number(r.unit), count: Number(r.amount) })),
    ),
    quantities: rows
      .filter((r) => r.measure === TotalsMeasure.Quantity)
      .map((r) => ({ unit: r.unit, quantity: Number(r.amount) }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
  };
}

function forCoordinators(): ForbiddenException {
  return new ForbiddenException(
    'Totals of a whole dimension, a country, an oblast or a category are for logistics coordinators',
  );
}
