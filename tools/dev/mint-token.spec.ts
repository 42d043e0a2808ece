import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as jose from 'jose';
import { ALL_ROLES, BaseEnv, DEV_JWT_SECRET, devTokenSubject, Role } from '@bridges/platform';

const SCRIPT = join(__dirname, 'mint-token.mjs');

/** Runs the script as `npm run token` does (plain node, no TypeScript loader). */
async function mint(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = {
    ...process.env,
    AUTH_JWT_SECRET: '',
    AUTH_ISSUER: '',
    AUTH_AUDIENCE: '',
    NODE_ENV: 'development',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], {
      env: { ...clean, ...env },
    });
    return { code: 0, stdout: stdout.trim(), stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout.trim(), stderr: failed.stderr };
  }
}

const verified = async (token: string) =>
  (await jose.jwtVerify(token, new TextEncoder().encode(DEV_JWT_SECRET))).payload;

describe('npm run token (tools/dev/mint-token.mjs)', () => {
  it.each(ALL_ROLES)(
    'should mint a token for %s that the services verify with the development key',
    async (role) => {
      const municipalityId =
        role === Role.MunicipalityOfficer ? '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11' : undefined;
      const { code, stdout } = await mint([
        '--role',
        role,
        ...(municipalityId ? ['--municipality', municipalityId] : []),
      ]);

      expect(code).toBe(0);
      const claims = await verified(stdout);
      expect(claims).toMatchObject({ roles: [role], sub: devTokenSubject([role], municipalityId) });
    },
  );

  it('should give officers of different municipalities different subjects', async () => {
    const officer = async (municipality: string) =>
      (
        await verified(
          (await mint(['--role', Role.MunicipalityOfficer, '--municipality', municipality])).stdout,
        )
      ).sub;

    expect(await officer('UA05020030000031457')).not.toBe(await officer('PL_1006061100201'));
  });

  it('should list exactly the roles the platform knows in its usage', async () => {
    const { stdout } = await mint(['--help']);

    expect(/^Roles: (.*)$/m.exec(stdout)?.[1].split(', ')).toEqual([...ALL_ROLES]);
  });

  it('should refuse an unknown role, and an officer without a municipality, with exit code 2', async () => {
    expect(await mint(['--role', 'root'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('Unknown role: root'),
    });
    expect(await mint(['--role', Role.MunicipalityOfficer])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs --municipality'),
    });
  });

  it("should refuse a --ttl beyond the services' default token lifetime limit and accept one at it", async () => {
    const limit = new BaseEnv().AUTH_MAX_TOKEN_LIFETIME_SECONDS;

    expect((await mint(['--role', Role.RegistryCoordinator, '--ttl', `${limit + 1}s`])).code).toBe(2);
    expect((await mint(['--role', Role.RegistryCoordinator, '--ttl', `${limit}s`])).code).toBe(0);
  });

  it('should refuse to mint with NODE_ENV=production', async () => {
    expect(await mint(['--role', Role.RegistryCoordinator], { NODE_ENV: 'production' })).toMatchObject({
      code: 2,
      stdout: '',
    });
  });

  it('should load nothing but node built-ins and jose, so that it answers at once', () => {
    const imports = [...readFileSync(SCRIPT, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map(
      (m) => m[1],
    );

    expect(imports.filter((name) => !name.startsWith('node:') && name !== 'jose')).toEqual([]);
  });
});
