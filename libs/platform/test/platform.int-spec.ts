import { Body, Controller, Get, Injectable, Module, Param, Post, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsEmail, IsString, MinLength, ValidateNested } from 'class-validator';
import { Writable } from 'node:stream';
import request from 'supertest';
import {
  assertCanActOnMunicipality,
  BaseEnv,
  bootstrapHttpApp,
  CorrelationContext,
  CurrentUser,
  DEV_JWT_SECRET,
  DomainError,
  DomainErrorKind,
  PlatformModule,
  ReadinessRegistry,
  Role,
  Roles,
  signDevToken,
  type AuthenticatedUser,
} from '@bridges/platform';

class ContactDto {
  @IsString() @MinLength(1) name: string;
  @IsEmail() email: string;
}

class CreateProfileDto {
  @IsString() @MinLength(2) title: string;
  @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

@Controller('municipalities')
class SampleController {
  @Get(':id')
  @Roles(Role.RegistryCoordinator, Role.MunicipalityOfficer)
  get(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): { id: string; sub: string; correlationId?: string } {
    assertCanActOnMunicipality(user, id, { coordinatorRoles: [Role.RegistryCoordinator] });
    return { id, sub: user.sub, correlationId: CorrelationContext.current() };
  }

  @Post()
  @Roles(Role.RegistryCoordinator)
  create(@Body() dto: CreateProfileDto): { contacts: number; isDto: boolean } {
    return { contacts: dto.contacts.length, isDto: dto instanceof CreateProfileDto };
  }

  @Get(':id/missing')
  missing(@Param('id') id: string): never {
    throw new DomainError(
      'MUNICIPALITY_NOT_FOUND',
      DomainErrorKind.NotFound,
      `Municipality ${id} does not exist`,
    );
  }

  @Get(':id/crash')
  crash(): never {
    throw new Error('connection string postgres://secret@db leaked?');
  }
}

/** Stands in for the messaging lib's Kafka check (not critical: the outbox holds events meanwhile). */
@Injectable()
class FakeKafkaCheck implements OnModuleInit {
  static healthy = true;
  constructor(private readonly registry: ReadinessRegistry) {}
  onModuleInit(): void {
    this.registry.register({
      name: 'kafka',
      critical: false,
      check: () =>
        FakeKafkaCheck.healthy ? Promise.resolve() : Promise.reject(new Error('broker unreachable')),
    });
  }
}

/** Stands in for the database check: critical, the service cannot work without it. */
@Injectable()
class FakeDatabaseCheck implements OnModuleInit {
  static healthy = true;
  constructor(private readonly registry: ReadinessRegistry) {}
  onModuleInit(): void {
    this.registry.register({
      name: 'database',
      check: () =>
        FakeDatabaseCheck.healthy ? Promise.resolve() : Promise.reject(new Error('connection refused')),
    });
  }
}

const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

class SampleEnv extends BaseEnv {}

@Module({
  imports: [
    PlatformModule.forRoot({
      env: SampleEnv,
      envSource: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HTTP_BODY_LIMIT: '2kb',
        KAFKA_BROKERS: '127.0.0.1:9092',
        KAFKA_CLIENT_ID: 'platform-int',
        DATABASE_URL: 'postgres://bridges:bridges@127.0.0.1:5432/unused',
      },
      logging: { destination: logStream },
      health: { database: false },
    }),
  ],
  controllers: [SampleController],
  providers: [FakeKafkaCheck, FakeDatabaseCheck],
})
class SampleAppModule {}

describe('PlatformModule (HTTP)', () => {
  let app: NestExpressApplication;
  let server: ReturnType<NestExpressApplication['getHttpServer']>;
  const token = (roles: Role[], municipalityId?: string) =>
    signDevToken({ secret: DEV_JWT_SECRET, roles, municipalityId, sub: 'tester' });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SampleAppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    bootstrapHttpApp(app, { title: 'Platform test' });
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('auth', () => {
    it('should answer 401 with a clear message when no token is sent', async () => {
      const res = await request(server).get('/municipalities/m-1').expect(401);

      expect(res.body).toMatchObject({
        statusCode: 401,
        message: expect.stringContaining('Missing bearer token'),
      });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('should answer 401 when the token is forged', async () => {
      const forged = await signDevToken({ secret: 'z'.repeat(40), roles: [Role.RegistryCoordinator] });

      await request(server).get('/municipalities/m-1').auth(forged, { type: 'bearer' }).expect(401);
    });

    it('should answer 403 when the token has the wrong role', async () => {
      const res = await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.MatchingCoordinator]), { type: 'bearer' })
        .expect(403);

      expect(res.body.message).toContain('registry:coordinator');
    });

    it('should answer 200 when the token has the right role', async () => {
      const res = await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .expect(200);

      expect(res.body).toMatchObject({ id: 'm-1', sub: 'tester' });
    });

    it('should answer 404, as for a municipality that does not exist, when an officer acts on another one', async () => {
      const res = await request(server)
        .get('/municipalities/m-2')
        .auth(await token([Role.MunicipalityOfficer], 'm-1'), { type: 'bearer' })
        .expect(404);
      expect(res.body.code).toBe('MUNICIPALITY_NOT_FOUND');
    });

    it('should answer 200 when an officer acts on their own municipality', async () => {
      await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.MunicipalityOfficer], 'm-1'), { type: 'bearer' })
        .expect(200);
    });
  });

  describe('validation and errors', () => {
    const post = async (body: string | object, contentType = 'application/json') =>
      request(server)
        .post('/municipalities')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .set('Content-Type', contentType)
        .send(typeof body === 'string' ? body : JSON.stringify(body));

    it('should transform the body into its DTO when it is valid', async () => {
      const res = await post({ title: 'Bucha', contacts: [{ name: 'A', email: 'a@example.org' }] });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ contacts: 1, isDto: true });
    });

    it('should answer 400 naming the field when an unknown field is sent', async () => {
      const res = await post({ title: 'Bucha', contacts: [], isAdmin: true });

      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'isAdmin', messages: ['is not an accepted field'] }],
      });
    });

    it('should answer 400 naming the nested path when a nested field is invalid', async () => {
      const res = await post({
        title: 'Bucha',
        contacts: [
          { name: 'A', email: 'a@example.org' },
          { name: 'B', email: 'nope' },
        ],
      });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'contacts[1].email', messages: ['must be an email'] }]);
    });

    it('should answer 400 naming the field, whatever the DTO, when a string holds a NUL or the body nests too deep', async () => {
      const nul = await post({ title: 'Bu\u0000cha', contacts: [] });
      expect(nul.status).toBe(400);
      expect(nul.body.errors).toEqual([{ field: 'title', messages: ['must not contain NUL characters'] }]);

      const deep = await post(`{"title":"Bucha","contacts":${'['.repeat(300)}${']'.repeat(300)}}`);
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0].messages).toEqual(['is nested more than 32 levels deep']);
    });

    it('should answer 400 when the JSON is malformed', async () => {
      const res = await post('{"title": "Bucha",', 'application/json');

      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('should answer 413 when the body exceeds HTTP_BODY_LIMIT', async () => {
      const res = await post({ title: 'x'.repeat(4096), contacts: [] });

      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'Request body is larger than the limit',
      });
    });

    it('should map a domain error to its status and code when a handler throws one', async () => {
      const res = await request(server)
        .get('/municipalities/m-7/missing')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .expect(404);

      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'MUNICIPALITY_NOT_FOUND',
        message: 'Municipality m-7 does not exist',
      });
    });

    it('should answer 500 with a safe message and log the stack when a handler fails unexpectedly', async () => {
      const res = await request(server)
        .get('/municipalities/m-7/crash')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .set('x-correlation-id', 'crash-1')
        .expect(500);

      expect(res.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Internal server error',
      });
      const logged = logLines.find((l) => l.correlationId === 'crash-1' && l.level === 50 && l.err);
      expect((logged?.err as { stack?: string } | undefined)?.stack).toContain('leaked?');
    });
  });

  describe('health', () => {
    it('should answer /health/live without a token', async () => {
      const res = await request(server).get('/health/live').expect(200);

      expect(res.body.status).toBe('ok');
    });

    it('should report registered checks up on /health/ready when they pass', async () => {
      FakeKafkaCheck.healthy = true;
      const res = await request(server).get('/health/ready').expect(200);

      expect(res.body).toMatchObject({
        status: 'ok',
        info: { kafka: { status: 'up' }, database: { status: 'up' } },
      });
    });

    it('should stay ready (200) and report the broker as degraded when only a non-critical check fails', async () => {
      FakeKafkaCheck.healthy = false;
      try {
        const res = await request(server).get('/health/ready').expect(200);

        expect(res.body.status).toBe('degraded');
        expect(res.body.degraded).toEqual({ kafka: { status: 'down', message: 'broker unreachable' } });
        const metrics = await request(server).get('/metrics').expect(200);
        expect(metrics.text).toContain('bridges_dependency_up{dependency="kafka",critical="false"} 0');
      } finally {
        FakeKafkaCheck.healthy = true;
      }
    });

    it('should answer 503 naming the failing check when a critical one fails', async () => {
      FakeDatabaseCheck.healthy = false;
      try {
        const res = await request(server).get('/health/ready').expect(503);

        expect(res.body.status).toBe('error');
        expect(res.body.error).toEqual({ database: { status: 'down', message: 'connection refused' } });
      } finally {
        FakeDatabaseCheck.healthy = true;
      }
    });
  });

  describe('metrics', () => {
    it('should expose the HTTP duration of a request by route template when scraped', async () => {
      await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' });

      const res = await request(server).get('/metrics').expect(200);

      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/municipalities\/:id",status_code="200"\} \d+/,
      );
      expect(res.text).toContain('process_resident_memory_bytes');
    });
  });

  describe('docs', () => {
    it('should serve the OpenAPI document with bearer auth when HTTP_DOCS is on', async () => {
      const res = await request(server).get('/docs-json').expect(200);

      expect(res.body.info.title).toBe('Platform test');
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.body.paths['/municipalities/{id}']).toBeDefined();
    });
  });

  describe('correlation', () => {
    it('should echo the caller correlation id and use it inside the handler when one is sent', async () => {
      const res = await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .set('x-correlation-id', 'corr-abc-123')
        .expect(200);

      expect(res.headers['x-correlation-id']).toBe('corr-abc-123');
      expect(res.body.correlationId).toBe('corr-abc-123');
    });

    it('should generate and echo an id when none is sent, even for a rejected body', async () => {
      const res = await request(server)
        .post('/municipalities')
        .set('Content-Type', 'application/json')
        .send('{oops');

      expect(res.status).toBe(400);
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should write the correlation id on the request log line when a request completes', async () => {
      await request(server)
        .get('/municipalities/m-1')
        .auth(await token([Role.RegistryCoordinator]), { type: 'bearer' })
        .set('x-correlation-id', 'corr-log-1');

      const completed = logLines.find(
        (l) => l.correlationId === 'corr-log-1' && l.msg === 'request completed',
      );
      expect(completed).toMatchObject({ service: 'platform-int', res: { statusCode: 200 } });
      expect(JSON.stringify(logLines)).not.toContain('Bearer ey');
    });
  });
});
