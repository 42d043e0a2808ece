import { ShipmentStatus } from '@bridges/contracts';
import { allowedShipmentTransitions, canTransitionShipment } from './shipment.lifecycle';

describe('shipment lifecycle', () => {
  describe(allowedShipmentTransitions.name, () => {
    it('should allow every later stage and cancellation from prepared', () => {
      expect(allowedShipmentTransitions(ShipmentStatus.Prepared)).toEqual([
        'dispatched',
        'at-border',
        'cleared',
        'delivered',
        'cancelled',
      ]);
    });

    it('should allow later stages and return (not cancellation) on the road', () => {
      expect(allowedShipmentTransitions(ShipmentStatus.AtBorder)).toEqual([
        'cleared',
        'delivered',
        'returned',
      ]);
    });

    it('should allow nothing from delivered (only a receipt moves it on) and from final statuses', () => {
      for (const status of ['delivered', 'received', 'cancelled', 'returned'] as const)
        expect(allowedShipmentTransitions(status)).toEqual([]);
    });
  });

  describe(canTransitionShipment.name, () => {
    it('should refuse going back and refuse received by a timeline step', () => {
      expect(canTransitionShipment(ShipmentStatus.Cleared, ShipmentStatus.AtBorder)).toBe(false);
      expect(canTransitionShipment(ShipmentStatus.Dispatched, ShipmentStatus.Dispatched)).toBe(false);
      expect(canTransitionShipment(ShipmentStatus.Delivered, ShipmentStatus.Received)).toBe(false);
      expect(canTransitionShipment(ShipmentStatus.Dispatched, ShipmentStatus.Cancelled)).toBe(false);
    });
  });
});
