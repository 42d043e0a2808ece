import { consoleLink } from './console-link';

describe(consoleLink.name, () => {
  it('should put the page under the console, whether or not its address ends with a slash', () => {
    expect(consoleLink('https://matching.example.org/console/', 'proposals/7')).toBe(
      'https://matching.example.org/console/proposals/7',
    );
    expect(consoleLink('http://127.0.0.1:3004/console', 'shipments/s-1')).toBe(
      'http://127.0.0.1:3004/console/shipments/s-1',
    );
  });

  it('should give no link when the console address is not configured', () => {
    expect(consoleLink(undefined, 'proposals/7')).toBeUndefined();
    expect(consoleLink('', 'proposals/7')).toBeUndefined();
  });
});
