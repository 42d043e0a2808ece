import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { AidRequestLineEntity } from '../aid-requests/aid-request-line.entity';
import { AidRequestEntity } from '../aid-requests/aid-request.entity';
import { IdempotencyRecordEntity } from '../idempotency/idempotency-record.entity';
import { PledgeLineEntity } from '../pledges/pledge-line.entity';
import { PledgeEntity } from '../pledges/pledge.entity';
import { CreateLogisticsTables1795996819910 } from '../migrations/1795996819910-create-logistics-tables';
import { AidRequestRemindedAt1796000000100 } from '../migrations/1796000000100-aid-request-reminded-at';
import { CategoryValueTotals1797000000200 } from '../migrations/1797000000200-category-value-totals';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { PartnershipProjectionEntity } from '../projection/partnership-projection.entity';
import { ReceiptLineEntity } from '../receipts/receipt-line.entity';
import { ReceiptEntity } from '../receipts/receipt.entity';
import { ShipmentLineEntity } from '../shipments/shipment-line.entity';
import { ShipmentPledgeEntity } from '../shipments/shipment-pledge.entity';
import { ShipmentStepEntity } from '../shipments/shipment-step.entity';
import { ShipmentEntity } from '../shipments/shipment.entity';
import { AidTotalEntity } from '../totals/aid-total.entity';

/** Every table of the logistics database: messaging's outbox/inbox/parking and logistics' own. */
export const LOGISTICS_ENTITIES = [
  ...MESSAGING_ENTITIES,
  PartnershipProjectionEntity,
  MunicipalityProjectionEntity,
  AidRequestEntity,
  AidRequestLineEntity,
  PledgeEntity,
  PledgeLineEntity,
  ShipmentEntity,
  ShipmentLineEntity,
  ShipmentPledgeEntity,
  ShipmentStepEntity,
  ReceiptEntity,
  ReceiptLineEntity,
  AidTotalEntity,
  IdempotencyRecordEntity,
];

/** Migrations in order: messaging first, then logistics'. */
export const LOGISTICS_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateLogisticsTables1795996819910,
  AidRequestRemindedAt1796000000100,
  CategoryValueTotals1797000000200,
];
