import { AidRequestStatus } from '@bridges/contracts';
import { allowedRequestActions, deriveRequestStatus } from './aid-request.rules';

const line = (quantity: number, pledged: number, received = 0) => ({ quantity, pledged, received });

describe('aid request rules', () => {
  describe(deriveRequestStatus.name, () => {
    it('should be open when nothing is pledged', () => {
      expect(deriveRequestStatus('partly-pledged', [line(10, 0), line(5, 0)])).toBe('open');
    });

    it('should be partly pledged when some quantity is pledged but a line is not covered', () => {
      expect(deriveRequestStatus('open', [line(10, 10), line(5, 0)])).toBe('partly-pledged');
    });

    it('should be fully pledged when every line is covered', () => {
      expect(deriveRequestStatus('partly-pledged', [line(10, 10), line(5, 5)])).toBe('fully-pledged');
    });

    it('should close when every line is received in full', () => {
      expect(deriveRequestStatus('fully-pledged', [line(10, 10, 10), line(5, 5, 6)])).toBe('closed');
    });

    it('should never derive away draft, closed or cancelled', () => {
      for (const status of ['draft', 'closed', 'cancelled'] as const)
        expect(deriveRequestStatus(status, [line(10, 10, 10)])).toBe(status);
    });
  });

  describe(allowedRequestActions.name, () => {
    it('should offer publish or cancel for a draft, close or cancel while pledgeable, nothing when final', () => {
      expect(allowedRequestActions(AidRequestStatus.Draft)).toEqual(['open', 'cancelled']);
      expect(allowedRequestActions(AidRequestStatus.PartlyPledged)).toEqual(['closed', 'cancelled']);
      expect(allowedRequestActions(AidRequestStatus.Closed)).toEqual([]);
    });
  });
});
