// Mints a development bearer token for the Bridges APIs, signed with AUTH_JWT_SECRET (or the public
// development key), so a developer can call a console's endpoints with curl or Swagger UI.
//
//   npm run token -- --role registry:coordinator
//   npm run token -- --role municipality:officer --municipality UA05020030000031457 --ttl 1h
//
// Prints only the token on stdout: `curl -H "Authorization: Bearer $(npm run -s token -- --role ...)"`.
import { parseArgs } from 'node:util';
import {
  ALL_ROLES,
  BaseEnv,
  DEV_JWT_SECRET,
  isRole,
  Role,
  signDevToken,
  type Role as RoleName,
} from '@bridges/platform';

const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = new BaseEnv().AUTH_MAX_TOKEN_LIFETIME_SECONDS;

const USAGE = `Usage: npm run token -- --role <role> [--role <role>...] [--municipality <id>] [--ttl 8h]
                      [--sub <id>] [--name <name>] [--email <email>]
Roles: ${ALL_ROLES.join(', ')}
Env:   AUTH_JWT_SECRET (else the development key), AUTH_ISSUER, AUTH_AUDIENCE,
       AUTH_MAX_TOKEN_LIFETIME_SECONDS (the services' limit, ${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS} s by default; --ttl may not exceed it)`;

async function main(): Promise<number> {
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
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `${unknown.length ? `Unknown role: ${unknown.join(', ')}\n` : 'At least one --role is required\n'}${USAGE}\n`,
    );
    return 2;
  }
  if (roles.includes(Role.MunicipalityOfficer) && !values.municipality) {
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

  const token = await signDevToken({
    secret: process.env.AUTH_JWT_SECRET || DEV_JWT_SECRET,
    roles: roles as RoleName[],
    municipalityId: values.municipality,
    sub: values.sub ?? `dev-${roles[0].replace(':', '-')}`,
    name: values.name,
    email: values.email,
    ttl: values.ttl,
    issuer: process.env.AUTH_ISSUER || undefined,
    audience: process.env.AUTH_AUDIENCE || undefined,
  });
  // Services refuse a token that lives longer than their AUTH_MAX_TOKEN_LIFETIME_SECONDS: say so now.
  const maxLifetime = Number(
    process.env.AUTH_MAX_TOKEN_LIFETIME_SECONDS || DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  );
  const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as {
    iat: number;
    exp: number;
  };
  if (exp - iat > maxLifetime) {
    process.stderr.write(
      `--ttl ${values.ttl} is longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (${maxLifetime} s): services would refuse the token\n`,
    );
    return 2;
  }
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
