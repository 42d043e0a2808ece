/**
 * `npm run registry:seed`: the quick start's demo data. Imports every hromada and the EE, LT, LV, PL
 * and SK municipalities shipped in data/ (with the strategy goals), and registers a demo association
 * with a known development key, printed below. Idempotent: run it again and nothing changes.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigValidationError, loadConfig } from '@bridges/platform';
import { AssociationApiKeyEntity } from '../associations/association-api-key.entity';
import { AssociationEntity } from '../associations/association.entity';
import { AssociationsService } from '../associations/associations.service';
import { RegistryEnv } from '../config/registry.env';
import { assertServiceDatabase, planFromArgs, printSummary, runImport } from './import.command';
import { RegistryImportModule } from './registry-import.module';

/** The demo association; fixed so that scripts and docs can name it. */
export const DEMO_ASSOCIATION = {
  id: '6f1c7a52-3d0e-4b8a-9c55-1d2e3f405161',
  name: 'Bridges demo association (development only)',
  country: 'PL',
} as const;

/** A development-only ingest key: public on purpose, never issue it in production. */
export const DEMO_API_KEY = {
  keyId: 'bk_demo_development',
  secret: 'bsk_demo_development_only_never_use_in_production',
} as const;

async function seedAssociation(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RegistryImportModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    const associations = app.get(AssociationsService);
    if (!(await dataSource.getRepository(AssociationEntity).existsBy({ id: DEMO_ASSOCIATION.id }))) {
      await associations.create(
        { name: DEMO_ASSOCIATION.name, country: DEMO_ASSOCIATION.country },
        DEMO_ASSOCIATION.id,
      );
    }
    if (!(await dataSource.getRepository(AssociationApiKeyEntity).existsBy({ id: DEMO_API_KEY.keyId }))) {
      await associations.issueKey(DEMO_ASSOCIATION.id, 'demo (development only)', DEMO_API_KEY);
    }
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  let env: RegistryEnv;
  try {
    env = loadConfig(RegistryEnv);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (env.NODE_ENV === 'production')
    throw new Error('registry:seed registers a public development key: refusing with NODE_ENV=production');
  assertServiceDatabase(env.DATABASE_URL);
  const plan = planFromArgs(['--countries', 'EE,LT,LV,PL,SK', ...process.argv.slice(2)]);
  printSummary(await runImport(plan));
  await seedAssociation();
  process.stdout.write(
    `demo association ${DEMO_ASSOCIATION.id} ("${DEMO_ASSOCIATION.name}")\n` +
      `  Bridges-Key-Id: ${DEMO_API_KEY.keyId}\n  secret:         ${DEMO_API_KEY.secret}   (development only)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
