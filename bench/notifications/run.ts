/**
 * npm run bench:notifications — deliveries per second from the notifications service to a local SMTP
 * sink (tools/dev/smtp-sink.ts, which writes every message to disk), beside the same rendered messages
 * sent directly with nodemailer in the same run, with the same concurrency and connection pool. The
 * ratio is the cost of tracking and idempotency (see docs/benchmarks.md, "Notifications").
 *
 *   tracked dispatch   deliveries already queued; the dispatcher claims (SKIP LOCKED + lease), sends,
 *                      records the outcome and appends DeliveryStatusChangedV1 to the outbox, per row
 *   Kafka to inbox     partnership events on Kafka -> consumer (inbox, unique delivery rows, queued
 *                      events) -> dispatcher -> SMTP: the whole path, timed until the last email is sent
 *   direct nodemailer  the same messages, pooled transport, no database
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import {
  MunicipalityRegisteredV1Event,
  PartnershipEstablishedV1Event,
  Topics,
  toRecordHeaders,
  type EventDefinition,
} from '@bridges/contracts';
import { connectEventConsumer } from '@bridges/messaging';
import { DeliveryDispatcher } from '../../apps/notifications/src/deliveries/delivery.dispatcher';
import { DeliveryQueue } from '../../apps/notifications/src/deliveries/delivery-queue.service';
import { RecipientEntity } from '../../apps/notifications/src/directory/recipient.entity';
import { NotificationsModule } from '../../apps/notifications/src/notifications.module';
import { partnershipEstablishedData } from '../../apps/notifications/src/templates/template.fixtures';
import { startSmtpSink } from '../../tools/dev/smtp-sink';
import { benchInfra } from '../support/bench-infra';
import { median, printTable, round } from '../support/stats';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const CONTACTS_PER_SIDE = 2;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const RECIPIENTS = 100;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function record<P extends object>(definition: EventDefinition<P>, payload: P) {
  const id = randomUUID();
  const subject = definition.subjectOf(payload);
  const headers = toRecordHeaders({
    id,
    type: definition.type,
    source: '/bench',
    time: new Date().toISOString(),
    subject,
    correlationId: id,
  });
  return { key: subject, value: JSON.stringify(payload), headers };
}

function profile(kind: 'hromada' | 'eu-municipality') {
  const ua = kind === 'hromada';
  return {
    municipalityId: randomUUID(),
    version: 1,
    kind,
    country: ua ? 'UA' : 'PL',
    officialCode: randomUUID().slice(0, 12),
    nameNative: ua ? 'Житомирська міська громада' : 'Kraków',
    nameLatin: ua ? 'Zhytomyr urban hromada' : 'Krakow',
    region: { name: ua ? 'Житомирська область' : 'Małopolskie' },
    settlementType: 'city',
    population: ua ? 261_000 : 804_237,
    sectors: ['water-supply'],
    needs: ua ? [{ sector: 'water-supply' }] : [],
    offers: ua ? [] : [{ sector: 'water-supply' }],
    priorities: [],
    workingLanguages: ua ? ['uk'] : ['pl', 'en'],
    internationalPartners: [],
    seekingPartner: true,
    contacts: Array.from({ length: CONTACTS_PER_SIDE }, (_, i) => ({
      contactId: randomUUID(),
      name: `Contact ${i}`,
      email: `contact-${i}@${ua ? 'zhytomyr' : 'krakow'}.bench`,
      preferredLanguage: ua ? 'uk' : 'pl',
    })),
  };
}

async function countSent(dataSource: DataSource, sourceIds?: string[]): Promise<number> {
  const [row] = await dataSource.query<Array<{ n: string }>>(
    sourceIds
      ? `SELECT count(*) AS n FROM delivery WHERE status = 'sent' AND source_event_id = ANY($1)`
      : `SELECT count(*) AS n FROM delivery WHERE status = 'sent'`,
    sourceIds ? [sourceIds] : [],
  );
  return Number(row.n);
}

async function main(): Promise<void> {
  const infra = await benchInfra('notifications', [
    { name: Topics.registry.municipality, partitions: 3 },
    { name: Topics.matching.partnership, partitions: 3 },
    { name: Topics.matching.proposal, partitions: 3 },
    { name: Topics.notifications.delivery, partitions: 3 },
  ]);
  const mailDir = await mkdtemp(join(tmpdir(), 'bridges-bench-mail-'));
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, dir: mailDir });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: infra.brokers.join(','),
    KAFKA_TOPIC_PREFIX: infra.topicPrefix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.smtpPort),
    // Driven by hand below, so every round is timed without polling gaps.
    NOTIFICATIONS_DISPATCH_ENABLED: 'false',
    NOTIFICATIONS_DISPATCH_BATCH: String(BATCH),
    NOTIFICATIONS_DISPATCH_CONCURRENCY: String(CONCURRENCY),
  });
  let app: INestApplication | undefined;
  const rows: Array<Record<string, string | number>> = [];
  try {
    app = await NestFactory.create(NotificationsModule, { logger: ['error', 'warn'] });
    connectEventConsumer(app);
    await app.startAllMicroservices();
    await app.init();
    const dataSource = app.get(DataSource);
    const queue = app.get(DeliveryQueue);
    const dispatcher = app.get(DeliveryDispatcher);

    const recipients: RecipientEntity[] = Array.from({ length: RECIPIENTS }, (_, i) => ({
      id: randomUUID(),
      kind: 'municipality-contact',
      municipalityId: null,
      associationId: null,
      name: `Bench ${i}`,
      email: `bench-${i}@sink.bench`,
      preferredLanguage: 'uk',
      roles: [],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    await dataSource.getRepository(RecipientEntity).insert(recipients);
    const { unsubscribeUrl: _ignored, ...data } = partnershipEstablishedData();

    const direct = createTransport({
      host: '127.0.0.1',
      port: sink.smtpPort,
      ignoreTLS: true,
      pool: true,
      maxConnections: CONCURRENCY,
    });
    const template = await (async () => {
      // One rendered message, as the service would send it, for the direct side.
      const source = {
        id: `bench-template-${randomUUID()}`,
        type: 'bench',
        correlationId: null,
        time: new Date().toISOString(),
        subject: 'bench',
      };
      await dataSource.transaction((m) =>
        queue.enqueueEmail(m, source, recipients[0], 'partnership.established', data, 'uk'),
      );
      const [row] = await dataSource.query<Array<{ subject: string; body: string; html: string }>>(
        'SELECT subject, body, html FROM delivery WHERE source_event_id = $1',
        [source.id],
      );
      await dataSource.query(`UPDATE delivery SET status = 'sent' WHERE source_event_id = $1`, [source.id]);
      return row;
    })();

    const directRates: number[] = [];
    const trackedRates: number[] = [];
    const pipelineRates: number[] = [];
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      // Direct nodemailer: CONCURRENCY senders over one pool, no database.
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < MESSAGES) {
            const i = next++;
            await direct.sendMail({
              from: 'Bridges <notifications@bridges.localhost>',
              to: recipients[i % RECIPIENTS].email!,
              subject: template.subject,
              text: template.body,
              html: template.html,
              messageId: `<${randomUUID()}@bench>`,
            });
          }
        }),
      );
      directRates.push(MESSAGES / ((performance.now() - started) / 1000));
      log(`repeat ${repeat}: direct ${round(directRates.at(-1)!)} msg/s`);

      // Tracked dispatch: queue MESSAGES deliveries (not timed), then time the dispatcher draining them.
      const sourceIds: string[] = [];
      for (let start = 0; start < MESSAGES; start += RECIPIENTS) {
        const source = {
          id: randomUUID(),
          type: 'bench',
          correlationId: null,
          time: new Date().toISOString(),
          subject: 'bench',
        };
        sourceIds.push(source.id);
        await dataSource.transaction(async (m) => {
          for (const recipient of recipients.slice(0, Math.min(RECIPIENTS, MESSAGES - start))) {
            await queue.enqueueEmail(m, source, recipient, 'partnership.established', data, 'uk');
          }
        });
      }
      const dispatchStart = performance.now();
      while ((await dispatcher.dispatchOnce()) > 0) {
        // drain
      }
      const sent = await countSent(dataSource, sourceIds);
      if (sent !== MESSAGES) throw new Error(`tracked dispatch sent ${sent}/${MESSAGES}`);
      trackedRates.push(MESSAGES / ((performance.now() - dispatchStart) / 1000));
      log(`repeat ${repeat}: tracked dispatch ${round(trackedRates.at(-1)!)} deliveries/s`);

      // Kafka to inbox: EVENTS partnership events, each to 2 x CONTACTS_PER_SIDE contacts.
      const kafka = new Kafka({
        clientId: 'bench-notifications',
        brokers: infra.brokers,
        logLevel: logLevel.NOTHING,
      });
      const producer = kafka.producer();
      await producer.connect();
      const hromada = profile('hromada');
      const eu = profile('eu-municipality');
      const registryTopic = `${infra.topicPrefix}${Topics.registry.municipality}`;
      await producer.send({
        topic: registryTopic,
        messages: [
          record(MunicipalityRegisteredV1Event, { profile: hromada }),
          record(MunicipalityRegisteredV1Event, { profile: eu }),
        ],
      });
      while (
        Number(
          (
            await dataSource.query<Array<{ n: string }>>(
              'SELECT count(*) AS n FROM municipality_directory WHERE municipality_id = ANY($1)',
              [[hromada.municipalityId, eu.municipalityId]],
            )
          )[0].n,
        ) < 2
      ) {
        await sleep(50);
      }
      const before = await countSent(dataSource);
      const expected = EVENTS * 2 * CONTACTS_PER_SIDE;
      const pipelineStart = performance.now();
      const events = Array.from({ length: EVENTS }, () =>
        record(PartnershipEstablishedV1Event, {
          partnershipId: randomUUID(),
          proposalId: randomUUID(),
          campaignId: randomUUID(),
          hromadaId: hromada.municipalityId,
          euMunicipalityId: eu.municipalityId,
          track: 'formal' as const,
          establishedAt: new Date().toISOString(),
        }),
      );
      for (let i = 0; i < events.length; i += 100) {
        await producer.send({
          topic: `${infra.topicPrefix}${Topics.matching.partnership}`,
          messages: events.slice(i, i + 100),
        });
      }
      await producer.disconnect();
      while ((await countSent(dataSource)) - before < expected) {
        if ((await dispatcher.dispatchOnce()) === 0) await sleep(20);
      }
      pipelineRates.push(expected / ((performance.now() - pipelineStart) / 1000));
      log(`repeat ${repeat}: Kafka to SMTP ${round(pipelineRates.at(-1)!)} deliveries/s`);
    }
    direct.close();

    const directMedian = median(directRates);
    rows.push(
      {
        path: 'direct nodemailer (pool)',
        'msgs/s (median)': round(directMedian),
        'vs direct': '1.00',
        messages: MESSAGES,
      },
      {
        path: 'tracked dispatch (queued -> sent)',
        'msgs/s (median)': round(median(trackedRates)),
        'vs direct': (median(trackedRates) / directMedian).toFixed(2),
        messages: MESSAGES,
      },
      {
        path: 'Kafka event -> consumer -> dispatcher -> SMTP',
        'msgs/s (median)': round(median(pipelineRates)),
        'vs direct': (median(pipelineRates) / directMedian).toFixed(2),
        messages: EVENTS * 2 * CONTACTS_PER_SIDE,
      },
    );
    console.log(
      `\nnotifications: ${REPEATS} repeats, concurrency ${CONCURRENCY}, batch ${BATCH}, SMTP sink writing .eml files`,
    );
    printTable(rows);
  } finally {
    await app?.close();
    await sink.stop();
    await rm(mailDir, { recursive: true, force: true });
    await infra.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
