import { authToken, createApiClient, signalUnauthorized } from '@bridges/console-kit';
import type { components, paths } from '../generated/api';

/** The logistics API, typed from its OpenAPI document (generated/api.d.ts). */
export const api = createApiClient<paths>({ token: authToken, onUnauthorized: signalUnauthorized });

/** Requests, generated from logistics' request DTOs. */
export type CreateAidRequest = components['schemas']['CreateAidRequestDto'];
export type AidCategory = components['schemas']['AidRequestLineDto']['category'];
export type UnitCode = components['schemas']['AidRequestLineDto']['unit'];
export type Urgency = CreateAidRequest['urgency'];
export type Currency = components['schemas']['MoneyDto']['currency'];
export type ShipmentStatus = components['schemas']['ChangeShipmentStatusDto']['status'];
export type AidRequestStatus = NonNullable<
  NonNullable<paths['/aid-requests']['get']['parameters']['query']>['status']
>;
export type TotalsDimension = paths['/totals']['get']['parameters']['query']['dimension'];

/**
 * Responses: logistics does not describe them in OpenAPI yet (no response DTOs), so the console declares
 * the fields it reads, as the service's views name them (the *.view.ts files and totals.service.ts in apps/logistics/src).
 */
export interface Money {
  amountMinor: number;
  currency: string;
}
export interface AidRequestLine {
  id: string;
  lineNo: number;
  item: string;
  category: AidCategory;
  unit: UnitCode;
  quantity: number;
  pledged: number;
  unpledged: number;
  received: number;
}
export interface AidRequest {
  id: string;
  hromadaId: string;
  hromadaName: string | null;
  addressedTo: string | null;
  title: string;
  description: string | null;
  status: AidRequestStatus;
  urgency: Urgency;
  neededBy: string | null;
  deliveryPoint: { address: string; contact: { name: string; phone?: string } | null };
  lines: AidRequestLine[];
  allowedTransitions: AidRequestStatus[];
  version: number;
  createdAt: string;
  publishedAt: string | null;
}
export interface Pledge {
  id: string;
  requestId: string;
  hromadaId: string;
  euMunicipalityId: string;
  status: 'active' | 'shipped' | 'withdrawn';
  brokeredBy: string | null;
  declaredValue: Money | null;
  flaggedPartnershipStatus: string | null;
  note: string | null;
  lines: { lineId: string; quantity: number }[];
  createdAt: string;
}
export interface ShipmentStep {
  id: string;
  fromStatus: ShipmentStatus | 'received' | null;
  toStatus: ShipmentStatus | 'received';
  at: string;
  place: string | null;
  note: string | null;
  recordedBy: string;
}
export interface Shipment {
  id: string;
  reference: string;
  requestId: string;
  hromadaId: string;
  euMunicipalityId: string;
  status: ShipmentStatus | 'received';
  waybillNumber: string | null;
  carrier: string | null;
  vehiclePlate: string | null;
  driver: { name: string; phone: string | null } | null;
  plannedBorderCrossing: string | null;
  packages: number;
  grossWeightKg: number;
  declaredValue: Money | null;
  expectedArrival: string | null;
  lines: { lineNo: number; item: string; category: AidCategory; unit: UnitCode; quantity: number }[];
  timeline: ShipmentStep[];
  allowedTransitions: ShipmentStatus[];
  version: number;
  createdAt: string;
}
export interface Receipt {
  receivedAt: string;
  hasDiscrepancies: boolean;
  lines: { lineNo: number; receivedQuantity: number; damagedQuantity: number; discrepancy: string }[];
}
export interface Totals {
  dimension: TotalsDimension;
  key: string;
  period: string;
  shipments: number;
  weightKg: number;
  value: { currency: string; amountMinor: number; amount: string }[];
  medianDaysToDelivery: number | null;
  quantities: { unit: string; quantity: number }[];
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The ETag of a version, as the service sends and expects it in If-Match. */
export const etagOf = (version: number): string => `"${version}"`;
