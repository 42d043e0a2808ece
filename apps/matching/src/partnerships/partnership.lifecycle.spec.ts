import { allowedTransitions, canTransition, PARTNERSHIP_TRANSITIONS } from './partnership.lifecycle';

describe('partnership lifecycle', () => {
  describe(canTransition.name, () => {
    it.each([
      ['established', 'active'],
      ['established', 'ended'],
      ['active', 'dormant'],
      ['dormant', 'active'],
      ['active', 'ended'],
      ['dormant', 'ended'],
    ] as const)('should allow %s → %s when it is a lifecycle step', (from, to) => {
      expect(canTransition(from, to)).toBe(true);
    });

    it.each([
      ['established', 'dormant'],
      ['established', 'established'],
      ['active', 'established'],
      ['active', 'active'],
      ['ended', 'active'],
      ['ended', 'dormant'],
    ] as const)('should refuse %s → %s when it skips or reverses a step', (from, to) => {
      expect(canTransition(from, to)).toBe(false);
    });
  });

  describe(allowedTransitions.name, () => {
    it('should list nothing after ended when the partnership is over', () => {
      expect(allowedTransitions('ended')).toEqual([]);
    });

    it('should cover every status when asked for the table', () => {
      expect(Object.keys(PARTNERSHIP_TRANSITIONS).sort()).toEqual([
        'active',
        'dormant',
        'ended',
        'established',
      ]);
    });
  });
});
