import { FACTOR_WIRE_IDS as SERVICE } from '../../src/proposals/proposal.mapper';
import { WEIGHT_FACTORS as CONSOLE } from './campaign-weights';

describe('the console campaign weights', () => {
  it('should offer a weight for exactly the factors the matching service scores', () => {
    expect(CONSOLE).toEqual(SERVICE);
  });
});
