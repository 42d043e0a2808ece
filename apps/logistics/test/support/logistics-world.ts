import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Topics, type MunicipalityProfileV1 } from '@bridges/contracts';
import { BaseEnv, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { rawProducer, TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { MunicipalityProjectionEntity } from '../../src/projection/municipality-projection.entity';
import { PartnershipProjectionEntity } from '../../src/projection/partnership-projection.entity';
import { logisticsTestEnv, provisionLogisticsTopics, startLogisticsApp } from './logistics-test-app';
import { established, euProfile, hromadaProfile, recorded, registered } from './upstream-events';

type Producer = Awaited<ReturnType<typeof rawProducer>>;

/** A hromada and an EU municipality that logistics knows as partners (aid flows between them). */
export interface Partners {
  readonly hromada: MunicipalityProfileV1;
  readonly eu: MunicipalityProfileV1;
  readonly partnershipId: string;
}

/**
 * One logistics instance on its own database and topics, a producer standing in for the registry and
 * matching, a probe on the topics logistics publishes, and token helpers: what every logistics test needs.
 */
export class LogisticsWorld {
  private constructor(
    readonly app: INestApplication,
    readonly db: TestDatabase,
    readonly prefix: string,
    readonly producer: Producer,
    readonly probe: TopicProbe,
    private readonly secret: string,
  ) {}

  static async start(name: string): Promise<LogisticsWorld> {
    const db = await createTestDatabase(name);
    const prefix = uniqueTopicPrefix();
    await provisionLogisticsTopics(prefix);
    const app = await startLogisticsApp(logisticsTestEnv(db.url, prefix));
    const producer = await rawProducer(testKafkaBrokers());
    const probe = await TopicProbe.start(testKafkaBrokers(), [
      `${prefix}${Topics.logistics.aidRequest}`,
      `${prefix}${Topics.logistics.shipment}`,
      `${prefix}${Topics.matching.partnership}.dlq`,
    ]);
    return new LogisticsWorld(app, db, prefix, producer, probe, app.get(BaseEnv).AUTH_JWT_SECRET!);
  }

  async stop(): Promise<void> {
    await this.producer?.close();
    await this.probe?.stop();
    await this.app?.close();
    await this.db?.drop();
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  topic(wire: string): string {
    return `${this.prefix}${wire}`;
  }

  send(wire: string, ...records: { key: string; value: string; headers: Record<string, string> }[]) {
    return this.producer.send({ topic: this.topic(wire), messages: records });
  }

  coordinator(): Promise<string> {
    return signDevToken({ secret: this.secret, roles: [Role.LogisticsCoordinator], sub: 'coordinator' });
  }

  officer(municipalityId: string, sub = `officer-${municipalityId}`): Promise<string> {
    return signDevToken({ secret: this.secret, roles: [Role.MunicipalityOfficer], municipalityId, sub });
  }

  token(roles: Role[], sub = `user-${randomUUID()}`): Promise<string> {
    return signDevToken({ secret: this.secret, roles, sub });
  }

  /** Registers both municipalities and establishes their partnership upstream; waits until logistics has it. */
  async partners(
    overrides: {
      hromada?: Partial<MunicipalityProfileV1>;
      eu?: Partial<MunicipalityProfileV1>;
      /** Recorded by a coordinator (formed before Bridges) instead of established from a proposal. */
      recordedByCoordinator?: boolean;
    } = {},
  ): Promise<Partners> {
    const hromada = hromadaProfile(overrides.hromada);
    const eu = euProfile(overrides.eu);
    const partnershipId = randomUUID();
    await this.send(Topics.registry.municipality, registered(hromada), registered(eu));
    const announce = overrides.recordedByCoordinator ? recorded : established;
    await this.send(
      Topics.matching.partnership,
      announce(hromada.municipalityId, eu.municipalityId, partnershipId),
    );
    await this.waitForPartnership(partnershipId);
    return { hromada, eu, partnershipId };
  }

  /** Only registers a municipality (no partnership). */
  async municipality(profile: MunicipalityProfileV1): Promise<MunicipalityProfileV1> {
    await this.send(Topics.registry.municipality, registered(profile));
    await waitUntil(
      async () =>
        this.dataSource
          .getRepository(MunicipalityProjectionEntity)
          .existsBy({ municipalityId: profile.municipalityId }),
      30_000,
      `municipality ${profile.municipalityId} projected`,
    );
    return profile;
  }

  async waitForPartnership(partnershipId: string, status?: string): Promise<void> {
    await waitUntil(
      async () =>
        this.dataSource
          .getRepository(PartnershipProjectionEntity)
          .existsBy({ partnershipId, ...(status ? { status: status as never } : {}) }),
      30_000,
      `partnership ${partnershipId} projected${status ? ` as ${status}` : ''}`,
    );
  }

  /**
   * Row counts of the tables a command writes, and how many outbox rows were ever inserted (the outbox's
   * sequence: the relay deletes published rows, so their count alone would move under a test's feet).
   * A refused command must leave all of them unchanged.
   */
  async writtenRows(): Promise<Record<string, number>> {
    const tables = [
      'aid_request',
      'aid_request_line',
      'pledge',
      'pledge_line',
      'shipment',
      'receipt',
      'idempotency_record',
    ];
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${t}`);
      counts[t] = n;
    }
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT coalesce(last_value, 0)::int AS n
         FROM pg_sequences WHERE sequencename = 'outbox_message_id_seq'`,
    );
    counts.outboxInserted = n;
    return counts;
  }
}

/** A request body with one line per given quantity. */
export function aidRequestBody(
  hromadaId: string,
  quantities: readonly number[] = [100],
  overrides: object = {},
) {
  return {
    hromadaId,
    title: 'Генератори та медикаменти',
    urgency: 'high',
    neededBy: '2026-12-01',
    deliveryPoint: { address: 'вул. Грушевського 1, Долина' },
    lines: quantities.map((quantity, i) => ({
      item: `Item ${i + 1}`,
      category: i % 2 === 0 ? 'energy' : 'medical',
      unit: i % 2 === 0 ? 'H87' : 'KGM',
      quantity,
    })),
    ...overrides,
  };
}
