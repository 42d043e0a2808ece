import { PARTNERSHIP_TRANSITIONS as SERVICE } from '../../src/partnerships/partnership.lifecycle';
import { PARTNERSHIP_TRANSITIONS as CONSOLE } from './partnership-transitions';

describe('the console partnership transitions', () => {
  it('should offer exactly the steps the matching service allows', () => {
    expect(CONSOLE).toEqual(SERVICE);
  });
});
