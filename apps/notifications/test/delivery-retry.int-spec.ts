import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '@bridges/messaging';
import { DEV_JWT_SECRET, Role, signDevToken } from '@bridges/platform';
import { createTestDatabase, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { DeliveryDispatcher } from '../src/deliveries/delivery.dispatcher';
import { DeliveryQueue } from '../src/deliveries/delivery-queue.service';
import { RecipientEntity } from '../src/directory/recipient.entity';
import { partnershipEstablishedData } from '../src/templates/template.fixtures';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// POST /deliveries/:id/retry against real PostgreSQL and a real SMTP server; the dispatcher is driven by
// hand (NOTIFICATIONS_DISPATCH_ENABLED=false) so each test decides when rounds run, and the outbox relay
// is stopped so the published states stay in outbox_message to be read back in order.
describe('POST /deliveries/:id/retry', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let dataSource: DataSource;
  let dispatcher: DeliveryDispatcher;
  let admin: string;
  const { unsubscribeUrl: _unused, ...data } = partnershipEstablishedData();

  /** Queues one email to a new recipient at `email`, lets the dispatcher try it once, returns its id. */
  const deliveryTriedOnce = async (email: string): Promise<string> => {
    const recipient: RecipientEntity = {
      id: randomUUID(),
      kind: 'municipality-contact',
      municipalityId: null,
      associationId: null,
      name: 'Test Person',
      email,
      preferredLanguage: 'uk',
      roles: [],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await dataSource.getRepository(RecipientEntity).insert(recipient);
    const source = { id: randomUUID(), type: 'test.event.v1', correlationId: null, time: '', subject: 's' };
    await dataSource.transaction((m) =>
      service.app
        .get(DeliveryQueue)
        .enqueueEmail(m, source, recipient, 'partnership.established', data, 'uk'),
    );
    const [{ id }] = await dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM delivery WHERE source_event_id = $1',
      [source.id],
    );
    await dispatcher.dispatchOnce();
    return id;
  };
  const row = async (id: string) =>
    (
      await dataSource.query<Array<{ status: string; attempts: number; last_error: string | null }>>(
        'SELECT status, attempts, last_error FROM delivery WHERE id = $1',
        [id],
      )
    )[0];
  /** States published on notifications.delivery.v1 for the delivery, in commit order. */
  const published = async (id: string) =>
    (
      await dataSource.query<Array<{ payload: string }>>(
        'SELECT payload FROM outbox_message WHERE record_key = $1 ORDER BY id',
        [id],
      )
    ).map((r) => (JSON.parse(r.payload) as { status: string }).status);
  const retry = (id: string, token = admin) =>
    request(service.url).post(`/deliveries/${id}/retry`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    db = await createTestDatabase('notifications_retry');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
      env: { NOTIFICATIONS_DISPATCH_ENABLED: 'false', NOTIFICATIONS_MAX_ATTEMPTS: '1' },
    });
    dataSource = service.dataSource;
    await service.app.get(OutboxRelay).stop();
    dispatcher = service.app.get(DeliveryDispatcher);
    admin = await signDevToken({ secret: DEV_JWT_SECRET, roles: [Role.NotificationsAdmin], sub: 'admin-1' });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should requeue a failed delivery, publish queued, and send it once through the dispatcher', async () => {
    const address = `${randomUUID()}@rejected.test`;
    const id = await deliveryTriedOnce(address);
    expect(await row(id)).toEqual({
      status: 'failed',
      attempts: 1,
      last_error: 'EMAIL_RECIPIENT_REJECTED (550)',
    });

    smtp.accept(address);
    const answer = await retry(id).expect(200);
    expect(answer.body).toMatchObject({ id, status: 'queued', attempts: 1 });
    expect(await published(id)).toEqual(['queued', 'failed', 'queued']);

    await dispatcher.dispatchOnce();
    expect(await row(id)).toEqual({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.to(address)).toHaveLength(1);
    expect(smtp.to(address)[0].messageId).toBe(`<${id}@notifications.bridges>`);
    expect(await published(id)).toEqual(['queued', 'failed', 'queued', 'sent']);

    // Sent: a second retry is refused and nothing more goes out.
    const again = await retry(id).expect(409);
    expect(again.body).toMatchObject({ code: 'DELIVERY_NOT_RETRYABLE' });
    await dispatcher.dispatchOnce();
    expect(smtp.to(address)).toHaveLength(1);
    expect(await published(id)).toEqual(['queued', 'failed', 'queued', 'sent']);
  });

  it('should requeue a dead delivery (every attempt failed) once the relay lets it through', async () => {
    const address = `${randomUUID()}@busy.test`;
    const id = await deliveryTriedOnce(address);
    // NOTIFICATIONS_MAX_ATTEMPTS=1: the greylisting's 451 used the only attempt.
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: 1 });
    smtp.accept(address);
    await retry(id).expect(200);
    await dispatcher.dispatchOnce();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.to(address)).toHaveLength(1);
  });

  it('should requeue once when two admins retry the same delivery at the same time', async () => {
    const address = `${randomUUID()}@rejected.test`;
    const id = await deliveryTriedOnce(address);
    smtp.accept(address);
    const answers = await Promise.all([retry(id), retry(id), retry(id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await published(id)).toEqual(['queued', 'failed', 'queued']);
    await dispatcher.dispatchOnce();
    await dispatcher.dispatchOnce();
    expect(smtp.to(address)).toHaveLength(1);
  });

  it('should not send a failed email again to a recipient who has since switched that email off', async () => {
    const address = `${randomUUID()}@rejected.test`;
    const id = await deliveryTriedOnce(address);
    const [{ recipient_id: recipientId }] = await dataSource.query<Array<{ recipient_id: string }>>(
      'SELECT recipient_id FROM delivery WHERE id = $1',
      [id],
    );
    await request(service.url)
      .put(`/recipients/${recipientId}/preferences`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ disabledTemplates: ['email:partnership.established'] })
      .expect(200);
    smtp.accept(address);
    const answer = await retry(id).expect(409);
    expect(answer.body).toMatchObject({ code: 'DELIVERY_RECIPIENT_OPTED_OUT' });
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: 'EMAIL_RECIPIENT_REJECTED (550)' });
    expect(await published(id)).toEqual(['queued', 'failed']);
    await dispatcher.dispatchOnce();
    expect(smtp.to(address)).toHaveLength(0);
  });

  it('should refuse a digest that failed for having nothing open left (409), so decided proposals are not sent', async () => {
    const address = `${randomUUID()}@rejected.test`;
    const id = await deliveryTriedOnce(address);
    // What ProposalOutcomesService leaves when every proposal of a waiting digest was decided.
    await dataSource.query(`UPDATE delivery SET last_error = 'DIGEST_NOTHING_OPEN' WHERE id = $1`, [id]);
    smtp.accept(address);
    const answer = await retry(id).expect(409);
    expect(answer.body).toMatchObject({ code: 'DIGEST_NOTHING_OPEN' });
    expect(await row(id)).toMatchObject({ status: 'failed', last_error: 'DIGEST_NOTHING_OPEN' });
    await dispatcher.dispatchOnce();
    expect(smtp.to(address)).toHaveLength(0);
  });

  it('should refuse a queued delivery with 409 and leave it as it was', async () => {
    const address = `${randomUUID()}@retry.test`;
    const recipientId = randomUUID();
    await dataSource.getRepository(RecipientEntity).insert({
      id: recipientId,
      kind: 'municipality-contact',
      municipalityId: null,
      associationId: null,
      name: null,
      email: address,
      preferredLanguage: 'en',
      roles: [],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const source = { id: randomUUID(), type: 'test.event.v1', correlationId: null, time: '', subject: 's' };
    const recipient = await dataSource.getRepository(RecipientEntity).findOneByOrFail({ id: recipientId });
    await dataSource.transaction((m) =>
      service.app
        .get(DeliveryQueue)
        .enqueueEmail(m, source, recipient, 'partnership.established', data, 'en'),
    );
    const [{ id }] = await dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM delivery WHERE source_event_id = $1',
      [source.id],
    );
    const answer = await retry(id).expect(409);
    expect(answer.body).toMatchObject({
      code: 'DELIVERY_NOT_RETRYABLE',
      message: expect.stringContaining('queued'),
    });
    expect(await published(id)).toEqual(['queued']);
    await dispatcher.dispatchOnce();
    expect(smtp.to(address)).toHaveLength(1);
  });

  it('should answer 404 for an unknown delivery, 400 for a malformed id, and 403 for a role other than notifications admin', async () => {
    await retry(randomUUID()).expect(404);
    await retry('not-a-uuid').expect(400);
    const id = await deliveryTriedOnce(`${randomUUID()}@rejected.test`);
    const coordinator = await signDevToken({
      secret: DEV_JWT_SECRET,
      roles: [Role.MatchingCoordinator],
      sub: 'coordinator-1',
    });
    await retry(id, coordinator).expect(403);
    expect(await row(id)).toMatchObject({ status: 'failed' });
  });
});
