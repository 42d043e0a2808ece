import { ShipmentStatus } from '@bridges/contracts';

/** The forward path of a consignment; a step may skip stages nobody recorded (never go back). */
const FORWARD_PATH: readonly ShipmentStatus[] = [
  ShipmentStatus.Prepared,
  ShipmentStatus.Dispatched,
  ShipmentStatus.AtBorder,
  ShipmentStatus.Cleared,
  ShipmentStatus.Delivered,
];

/** Statuses a goods received note may be recorded in: the goods left the sender. */
export const RECEIVABLE_STATUSES: readonly ShipmentStatus[] = [
  ShipmentStatus.Dispatched,
  ShipmentStatus.AtBorder,
  ShipmentStatus.Cleared,
  ShipmentStatus.Delivered,
];

/**
 * Where a shipment may go from `from` by a timeline step: later stages of the forward path; cancelled only
 * before dispatch, returned only while on the road. `received` is reached only by a receipt, so it is not
 * offered here; received, cancelled and returned are final.
 */
export function allowedShipmentTransitions(from: ShipmentStatus): ShipmentStatus[] {
  const index = FORWARD_PATH.indexOf(from);
  if (index < 0) return [];
  const forward = FORWARD_PATH.slice(index + 1);
  if (from === ShipmentStatus.Prepared) return [...forward, ShipmentStatus.Cancelled];
  if (from === ShipmentStatus.Delivered) return [];
  return [...forward, ShipmentStatus.Returned];
}

export function canTransitionShipment(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return allowedShipmentTransitions(from).includes(to);
}

/** Cancelled and returned shipments release their pledges (the goods never arrived). */
export function releasesPledges(status: ShipmentStatus): boolean {
  return status === ShipmentStatus.Cancelled || status === ShipmentStatus.Returned;
}
