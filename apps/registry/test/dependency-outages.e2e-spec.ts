import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '@bridges/messaging';
import { bootstrapHttpApp } from '@bridges/platform';
import {
  createTestDatabase,
  freePort,
  testDatabaseUrl,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { RegistryModule } from '../src/registry.module';
import { hromadaBody } from './support/municipality.factory';
import { startRegistryTestApp, tokens, type RegistryTestApp } from './support/registry-test-app';
import { TcpProxy } from './support/tcp-proxy';

/** A count read over a connection of its own, straight to the database (not through the app or its proxy). */
async function countDirect(db: TestDatabase, sql: string, params: unknown[]): Promise<number> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql, params);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

describe('registry during dependency outages', () => {
  // Read once: starting an app points process.env.DATABASE_URL at that app's own database.
  const serverUrl = testDatabaseUrl();
  describe('database unreachable', () => {
    let t: RegistryTestApp;
    let http: App;
    let proxy: TcpProxy;
    let coordinator: string;

    beforeAll(async () => {
      const postgres = new URL(serverUrl);
      proxy = await TcpProxy.start(await freePort(), {
        host: postgres.hostname,
        port: Number(postgres.port),
      });
      t = await startRegistryTestApp((db) => {
        const viaProxy = new URL(db.url);
        viaProxy.port = String(proxy.port);
        return { DATABASE_URL: viaProxy.toString() };
      });
      http = t.app.getHttpServer() as App;
      coordinator = `Bearer ${await tokens.coordinator()}`;
    });

    afterAll(async () => {
      await proxy?.restore().catch(() => undefined);
      await t?.close();
      await proxy?.cut();
    });

    it('should answer a write 503 with Retry-After, be not ready, write nothing, and accept the same write once the database is back', async () => {
      await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);
      const body = hromadaBody();
      const stored = () =>
        countDirect(t.db, 'SELECT count(*)::text AS n FROM municipality WHERE official_code = $1', [
          body.officialCode,
        ]);

      await proxy.cut();
      const during = await request(http).post('/municipalities').set('Authorization', coordinator).send(body);
      const readiness = await request(http).get('/health/ready');

      expect([during.status, during.headers['retry-after']]).toEqual([503, '5']);
      expect(during.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(readiness.status).toBe(503);
      expect(readiness.body.error.database.status).toBe('down');

      await proxy.restore();
      expect(await stored()).toBe(0);
      await waitUntil(
        async () => (await request(http).get('/health/ready')).status === 200,
        20_000,
        'ready again',
      );
      await request(http).post('/municipalities').set('Authorization', coordinator).send(body).expect(201);
      expect(await stored()).toBe(1);
    });
  });

  describe('Kafka unreachable', () => {
    let app: INestApplication;
    let http: App;
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('registry_no_kafka', serverUrl);
      Object.assign(process.env, {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
        // Nothing listens there: the broker is down for this registry, and only for it.
        KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
      });
      const moduleRef = await Test.createTestingModule({ imports: [RegistryModule] }).compile();
      // HTTP and outbox relay as in main.ts; no consumer, which cannot join a group without a broker.
      app = moduleRef.createNestApplication({ logger: false });
      bootstrapHttpApp(app);
      await app.init();
      http = app.getHttpServer() as App;
    });

    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    it('should stay ready, report the broker and the outbox backlog as degraded, and keep storing writes in the outbox', async () => {
      const coordinator = `Bearer ${await tokens.coordinator()}`;
      const created = await request(http)
        .post('/municipalities')
        .set('Authorization', coordinator)
        .send(hromadaBody())
        .expect(201);

      const readiness = await request(http).get('/health/ready').expect(200);

      expect(readiness.body.status).toBe('degraded');
      expect(readiness.body.info.database.status).toBe('up');
      expect(readiness.body.degraded.kafka.status).toBe('down');
      expect(readiness.body.info.outbox).toEqual({ status: 'up', backlog: 1 });
      const outbox = await app.get(DataSource).getRepository(OutboxMessageEntity).find();
      expect(outbox.map((m) => m.recordKey)).toEqual([created.body.municipalityId]);
      const metrics = await request(http).get('/metrics').expect(200);
      expect(metrics.text).toContain('bridges_dependency_up{dependency="kafka",critical="false"} 0');
      expect(metrics.text).toContain('bridges_dependency_up{dependency="database",critical="true"} 1');
      expect(metrics.text).toMatch(/^bridges_outbox_backlog 1$/m);
    });
  });
});
