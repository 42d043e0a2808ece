import type { AidRequestStatus } from '@bridges/contracts';
import type { AidRequestLineEntity } from './aid-request-line.entity';
import type { AidRequestEntity } from './aid-request.entity';

/** A request as the API answers it: its lines with what is still unpledged, and who receives the goods. */
export interface AidRequestView {
  readonly id: string;
  readonly hromadaId: string;
  readonly hromadaName: string | null;
  readonly addressedTo: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly status: AidRequestStatus;
  readonly urgency: string;
  readonly neededBy: string | null;
  readonly deliveryPoint: {
    readonly address: string;
    readonly lat: number | null;
    readonly lon: number | null;
    /** Resolved from the registry projection: gone once the registry erased the contact. */
    readonly contact: { readonly contactId: string; readonly name: string; readonly phone?: string } | null;
  };
  readonly lines: readonly (Pick<
    AidRequestLineEntity,
    'id' | 'lineNo' | 'item' | 'category' | 'unit' | 'quantity' | 'pledged' | 'received'
  > & { readonly unpledged: number })[];
  readonly allowedTransitions: readonly AidRequestStatus[];
  readonly version: number;
  readonly createdAt: Date;
  readonly publishedAt: Date | null;
  readonly closedAt: Date | null;
}

export function toAidRequestView(
  request: AidRequestEntity,
  lines: readonly AidRequestLineEntity[],
  extra: {
    hromadaName: string | null;
    contact: AidRequestView['deliveryPoint']['contact'];
    allowedTransitions: readonly AidRequestStatus[];
  },
): AidRequestView {
  return {
    id: request.id,
    hromadaId: request.hromadaId,
    hromadaName: extra.hromadaName,
    addressedTo: request.addressedTo,
    title: request.title,
    description: request.description,
    status: request.status,
    urgency: request.urgency,
    neededBy: request.neededBy,
    deliveryPoint: {
      address: request.deliveryAddress,
      lat: request.deliveryLat,
      lon: request.deliveryLon,
      contact: extra.contact,
    },
    lines: [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        item: l.item,
        category: l.category,
        unit: l.unit,
        quantity: l.quantity,
        pledged: l.pledged,
        received: l.received,
        unpledged: l.quantity - l.pledged,
      })),
    allowedTransitions: extra.allowedTransitions,
    version: request.version,
    createdAt: request.createdAt,
    publishedAt: request.publishedAt,
    closedAt: request.closedAt,
  };
}
