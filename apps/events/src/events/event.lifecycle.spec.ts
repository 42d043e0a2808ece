import { EventStatus } from '@bridges/contracts';
import { allowedEventTransitions, canTransitionEvent } from './event.lifecycle';

describe('event lifecycle', () => {
  describe(canTransitionEvent.name, () => {
    it.each([
      [EventStatus.Draft, EventStatus.Published],
      [EventStatus.Published, EventStatus.RegistrationClosed],
      [EventStatus.RegistrationClosed, EventStatus.Published],
      [EventStatus.RegistrationClosed, EventStatus.Held],
      [EventStatus.Published, EventStatus.Cancelled],
    ])('should allow %s → %s', (from, to) => expect(canTransitionEvent(from, to)).toBe(true));

    it.each([
      [EventStatus.Draft, EventStatus.Held],
      [EventStatus.Held, EventStatus.Cancelled],
      [EventStatus.Cancelled, EventStatus.Published],
      [EventStatus.Published, EventStatus.Draft],
    ])('should refuse %s → %s', (from, to) => expect(canTransitionEvent(from, to)).toBe(false));
  });

  describe(allowedEventTransitions.name, () => {
    it('should leave nothing after held or cancelled', () => {
      expect(allowedEventTransitions(EventStatus.Held)).toEqual([]);
      expect(allowedEventTransitions(EventStatus.Cancelled)).toEqual([]);
    });
  });
});
