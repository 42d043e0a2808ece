import { consolePath, matchRoute } from './route-match';

describe(matchRoute.name, () => {
  it('should decode parameters when the path fits the pattern', () => {
    expect(matchRoute('/municipalities/:id', '/municipalities/a%20b')).toEqual({ id: 'a b' });
  });

  it('should not match when a segment or the length differs', () => {
    expect(matchRoute('/municipalities/:id', '/municipalities')).toBeUndefined();
    expect(matchRoute('/municipalities/:id', '/proposals/1')).toBeUndefined();
  });
});

describe(consolePath.name, () => {
  it('should strip the console base when the path is under it', () => {
    expect(consolePath('/console/')).toBe('/');
    expect(consolePath('/console')).toBe('/');
    expect(consolePath('/console/municipalities/1')).toBe('/municipalities/1');
  });
});
