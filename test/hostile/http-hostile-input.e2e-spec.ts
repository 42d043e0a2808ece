import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ALL_ROLES, bootstrapHttpApp, DEV_JWT_SECRET, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  freePort,
  testDatabaseUrl,
  uniqueTopicPrefix,
  type TestDatabase,
} from '@bridges/testing';
import { bodyRoutesOf } from './support/body-routes';
import { databaseSnapshot } from './support/database-snapshot';
import { declaredKind, exampleBody, isValidated, validatedProperties } from './support/example-bodies';
import { HOSTILE_KINDS, hostile, jsonKind } from './support/hostile-values';
import { serviceModules } from './support/service-modules';
import { VALID_BODY_FIXES } from './support/valid-body-fixes';

/** Hostile requests per route: bounded, since each is a real HTTP round trip plus a database snapshot. */
const RUNS_PER_ROUTE = 12;

/**
 * Every create/update route of every service, over HTTP against the service's real PostgreSQL
 * database: each required field left out and a sample of hostile values in each field is a 4xx
 * (never a 5xx), and the database is exactly as before (every table's rows, every sequence).
 * The unit part (dto-hostile-input.spec.ts) runs many more cases through the same pipe.
 */
describe.each(serviceModules().map((s) => [s.service, s] as const))(
  'hostile HTTP input: %s',
  (service, { module }) => {
    const serverUrl = testDatabaseUrl();
    const routes = bodyRoutesOf(service, module);
    let db: TestDatabase;
    let app: INestApplication;
    let http: App;
    let token: string;

    beforeAll(async () => {
      db = await createTestDatabase(`hostile_${service}`, serverUrl);
      Object.assign(process.env, {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
        // notifications: a mail relay nobody needs here (nothing gets as far as sending).
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(await freePort()),
        PUBLIC_BASE_URL: 'http://127.0.0.1:3003/',
      });
      const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
      // HTTP only: a hostile request never gets past validation, so no consumer is needed.
      app = moduleRef.createNestApplication({ logger: false });
      bootstrapHttpApp(app);
      await app.init();
      http = app.getHttpServer() as App;
      // Every role, so that each request reaches validation rather than stopping at a role check.
      token = await signDevToken({ secret: DEV_JWT_SECRET, roles: ALL_ROLES, sub: 'hostile-tester' });
    });

    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    it.each(routes.map((r) => [`${r.method} ${r.path} (${r.dto.name})`, r] as const))(
      'should answer 4xx and write nothing for %s',
      async (_name, route) => {
        const url = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
        const valid = {
          ...exampleBody(route.dto),
          ...(VALID_BODY_FIXES[`${service}.${route.dto.name}`] ?? {}),
        };
        const properties = validatedProperties(route.dto);
        const dropped = properties
          .filter((p) => p.required)
          .map(({ name }) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name)));
        const full = { ...exampleBody(route.dto, 0, 'all'), ...valid };
        const kindOf = (field: string) =>
          field in full ? jsonKind(full[field]) : declaredKind(route.dto, field);
        const attacks = fc.sample(
          fc
            .tuple(fc.constantFrom(...properties.map((p) => p.name)), fc.constantFrom(...HOSTILE_KINDS))
            .chain(([field, kind]) =>
              hostile(kind, kindOf(field)).map((value) => ({ field, body: { ...valid, [field]: value } })),
            )
            .filter(({ field, body }) => isValidated(route.dto, field, body))
            .map(({ body }) => body),
          { numRuns: RUNS_PER_ROUTE, seed: 8 },
        );

        const before = await databaseSnapshot(db.url);
        const statuses: number[] = [];
        for (const body of [...dropped, ...attacks]) {
          const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
          const res = await request(http)
            [method](url)
            .set('Authorization', `Bearer ${token}`)
            .set('If-Match', '"1"')
            .send(body);
          statuses.push(res.status);
        }

        expect(statuses.filter((s) => s < 400 || s >= 500)).toEqual([]);
        expect(await databaseSnapshot(db.url)).toEqual(before);
      },
    );
  },
);
