import type { ShipmentLineEntity } from './shipment-line.entity';
import type { ShipmentStepEntity } from './shipment-step.entity';
import type { ShipmentEntity } from './shipment.entity';
import type { ShipmentStatus } from '@bridges/contracts';

export interface ShipmentView extends Omit<
  ShipmentEntity,
  'valueMinor' | 'currency' | 'driverName' | 'driverPhone'
> {
  readonly declaredValue: { readonly amountMinor: number; readonly currency: string } | null;
  /** Personal data: only the two municipalities and coordinators see it; null once erased. */
  readonly driver: { readonly name: string; readonly phone: string | null } | null;
  readonly lines: readonly Omit<ShipmentLineEntity, 'shipmentId'>[];
  readonly pledgeIds: readonly string[];
  readonly timeline: readonly Omit<ShipmentStepEntity, 'shipmentId'>[];
  readonly allowedTransitions: readonly ShipmentStatus[];
}

export function toShipmentView(
  shipment: ShipmentEntity,
  parts: {
    lines: readonly ShipmentLineEntity[];
    pledgeIds: readonly string[];
    timeline: readonly ShipmentStepEntity[];
    allowedTransitions: readonly ShipmentStatus[];
  },
): ShipmentView {
  const { valueMinor, currency, driverName, driverPhone, ...rest } = shipment;
  return {
    ...rest,
    declaredValue: valueMinor !== null && currency ? { amountMinor: valueMinor, currency } : null,
    driver: driverName ? { name: driverName, phone: driverPhone } : null,
    lines: parts.lines.map(({ shipmentId: _s, ...line }) => line).sort((a, b) => a.lineNo - b.lineNo),
    pledgeIds: parts.pledgeIds,
    timeline: parts.timeline.map(({ shipmentId: _s, ...step }) => step),
    allowedTransitions: parts.allowedTransitions,
  };
}
