import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, type MunicipalityProfileV1 } from '@bridges/contracts';
import { testKafkaBrokers } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import { MunicipalityProjectionEntity } from '../../src/projection/municipality-projection.entity';
import { waitUntil } from '@bridges/testing';
import { registered } from './registry-events';

/** Publishes registrations as the registry would and waits until the app projected all of them. */
export async function registerThroughKafka(
  app: INestApplication,
  prefix: string,
  profiles: readonly MunicipalityProfileV1[],
): Promise<void> {
  const producer = await rawProducer(testKafkaBrokers());
  try {
    await producer.send({
      topic: `${prefix}${Topics.registry.municipality}`,
      messages: profiles.map(registered),
    });
  } finally {
    await producer.close();
  }
  const repo = app.get(DataSource).getRepository(MunicipalityProjectionEntity);
  const ids = profiles.map((p) => p.municipalityId);
  await waitUntil(
    async () =>
      (await repo.createQueryBuilder('m').where('m.municipality_id IN (:...ids)', { ids }).getCount()) ===
      ids.length,
    30_000,
    'profiles projected',
  );
}
