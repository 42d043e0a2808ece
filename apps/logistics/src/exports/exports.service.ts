import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findAidCategory, formatMinorUnits, type CurrencyCode } from '@bridges/contracts';
import type { AidFlowRow } from './aid-flow.csv';

interface FlowRecord {
  delivered_at: Date;
  reference: string;
  status: string;
  gross_weight_kg: string;
  value_minor: string | null;
  currency: CurrencyCode | null;
  brokered_by: string | null;
  donor: string | null;
  donor_country: string | null;
  recipient: string | null;
  oblast: string | null;
  categories: string[];
  items: string[];
}

/** Delivered aid as open data: one row per delivered shipment, names and places only, never persons. */
@Injectable()
export class ExportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async aidFlows(): Promise<AidFlowRow[]> {
    const records = await this.dataSource.query<FlowRecord[]>(
      `SELECT s.delivered_at, s.reference, s.status, s.gross_weight_kg, s.value_minor, s.currency, s.brokered_by,
              eu.name_latin AS donor, eu.country AS donor_country, h.name_native AS recipient, h.region_name AS oblast,
              array(SELECT DISTINCT l.category FROM shipment_line l WHERE l.shipment_id = s.id ORDER BY 1) AS categories,
              array(SELECT l.item FROM shipment_line l WHERE l.shipment_id = s.id ORDER BY l.line_no) AS items
         FROM shipment s
         LEFT JOIN municipality_projection eu ON eu.municipality_id = s.eu_municipality_id
         LEFT JOIN municipality_projection h ON h.municipality_id = s.hromada_id
        WHERE s.delivered_at IS NOT NULL
        ORDER BY s.delivered_at, s.reference`,
    );
    return records.map((r) => ({
      deliveredOn: new Date(r.delivered_at).toISOString().slice(0, 10),
      reference: r.reference,
      donor: r.donor ?? '',
      donorCountry: r.donor_country ?? '',
      recipient: r.recipient ?? '',
      oblast: r.oblast ?? '',
      sectors: [...new Set(r.categories.map((c) => findAidCategory(c)?.hxlSector ?? c))].join('; '),
      items: r.items.join('; '),
      grossWeightKg: Number(r.gross_weight_kg),
      value: r.value_minor !== null && r.currency ? formatMinorUnits(Number(r.value_minor), r.currency) : '',
      currency: r.currency ?? '',
      status: r.status,
      brokeredBy: r.brokered_by ?? '',
    }));
  }
}
