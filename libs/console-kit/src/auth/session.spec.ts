import { loadSession, sessionFromToken } from './session';

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (claims: object) => ['header', base64url(JSON.stringify(claims)), 'signature'].join('.');

describe(sessionFromToken.name, () => {
  it('should read roles, municipality and expiry when the token carries them', () => {
    const session = sessionFromToken(
      jwt({ sub: 'dev:o', exp: 2000, roles: ['municipality:officer'], municipalityId: 'm-1', name: 'Олена' }),
    );
    expect(session).toMatchObject({
      sub: 'dev:o',
      expiresAt: 2000,
      roles: ['municipality:officer'],
      name: 'Олена',
    });
  });

  it('should refuse a token without sub or exp', () => {
    expect(sessionFromToken(jwt({ sub: 'x' }))).toBeUndefined();
    expect(sessionFromToken('not-a-jwt')).toBeUndefined();
  });
});

describe(loadSession.name, () => {
  it('should forget a stored token once it has expired', () => {
    const storage = { getItem: () => jwt({ sub: 'x', exp: 100, roles: [] }) };
    expect(loadSession(storage, 99)).toBeDefined();
    expect(loadSession(storage, 100)).toBeUndefined();
  });
});
