import { EventStatus } from '@bridges/contracts';
import { allowedEventTransitions } from '../../src/events/event.lifecycle';
import { EVENT_TRANSITIONS } from './event-transitions';

describe('the console event transitions', () => {
  it('should offer exactly the steps the events service allows', () => {
    for (const from of Object.values(EventStatus)) {
      expect(EVENT_TRANSITIONS[from]).toEqual(allowedEventTransitions(from));
    }
    expect(Object.keys(EVENT_TRANSITIONS).sort()).toEqual(Object.values(EventStatus).sort());
  });
});
