// Mints a development bearer token for the Bridges APIs, signed with AUTH_JWT_SECRET (or the public
// development key), so a developer can call a console's endpoints with curl or Swagger UI.
//
//   npm run token -- --role registry:coordinator
//   npm run token -- --role municipality:officer --municipality UA05020030000031457 --ttl 1h
//
// Prints only the token on stdout: `curl -H "Authorization: Bearer $(npm run -s token -- --role ...)"`.
//
// Plain JavaScript on purpose: loading TypeScript (@swc-node/register reads tsconfig with the
// TypeScript compiler) and @bridges/platform (Nest, class-validator) took seconds for a token; this
// loads only jose. The few values it shares with libs/platform are checked against it by
// mint-token.spec.ts: roles, the development key, the lifetime limit and the token subject.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

/** libs/platform/src/auth/role.ts ALL_ROLES */
export const ROLES = [
  'registry:coordinator',
  'matching:coordinator',
  'logistics:coordinator',
  'events:coordinator',
  'notifications:admin',
  'municipality:officer',
  'association:publisher',
];
/** libs/platform/src/config/base.env.ts DEV_JWT_SECRET */
export const DEV_JWT_SECRET = 'bridges-development-only-signing-key-change-me';
/** libs/platform/src/config/base.env.ts AUTH_MAX_TOKEN_LIFETIME_SECONDS default */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 43_200;

/**
 * libs/platform/src/auth/dev-token.signer.ts devTokenSubject: one subject per role and municipality,
 * so decisions recorded with different development tokens name different people.
 * @param {readonly string[]} roles
 * @param {string | undefined} municipalityId
 */
export function devTokenSubject(roles, municipalityId) {
  return `dev:${roles.join('+')}${municipalityId ? `:${municipalityId}` : ''}`;
}

const USAGE = `Usage: npm run token -- --role <role> [--role <role>...] [--municipality <id>] [--ttl 8h]
                      [--sub <id>] [--name <name>] [--email <email>]
Roles: ${ROLES.join(', ')}
Env:   AUTH_JWT_SECRET (else the development key), AUTH_ISSUER, AUTH_AUDIENCE,
       AUTH_MAX_TOKEN_LIFETIME_SECONDS (the services' limit, ${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS} s by default; --ttl may not exceed it)`;

/** @returns {Promise<number>} the exit code */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, short: 'r' },
      municipality: { type: 'string', short: 'm' },
      ttl: { type: 'string', default: '8h' },
      sub: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `${unknown.length ? `Unknown role: ${unknown.join(', ')}\n` : 'At least one --role is required\n'}${USAGE}\n`,
    );
    return 2;
  }
  if (roles.includes('municipality:officer') && !values.municipality) {
    process.stderr.write(
      'municipality:officer needs --municipality <id> (the officer only acts on that one)\n',
    );
    return 2;
  }
  // This tool reads process.env directly: it is a developer command, not a service.
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write('Refusing to mint tokens with NODE_ENV=production: use the identity provider\n');
    return 2;
  }

  /** @type {Record<string, unknown>} */
  const claims = { roles };
  if (values.municipality) claims.municipalityId = values.municipality;
  if (values.name) claims.name = values.name;
  if (values.email) claims.email = values.email;
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(values.sub ?? devTokenSubject(roles, values.municipality))
    .setIssuedAt()
    .setExpirationTime(values.ttl);
  if (process.env.AUTH_ISSUER) jwt = jwt.setIssuer(process.env.AUTH_ISSUER);
  if (process.env.AUTH_AUDIENCE) jwt = jwt.setAudience(process.env.AUTH_AUDIENCE);
  const token = await jwt.sign(new TextEncoder().encode(process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET));

  // Services refuse a token that lives longer than their AUTH_MAX_TOKEN_LIFETIME_SECONDS: say so now.
  const maxLifetime = Number(
    process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS || DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  );
  const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  if (exp - iat > maxLifetime) {
    process.stderr.write(
      `--ttl ${values.ttl} is longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (${maxLifetime} s): services would refuse the token\n`,
    );
    return 2;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

// Run as a command, not when a test imports the constants above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
