import { DataSource } from 'typeorm';
import { EmailDeliveryError, EmailErrorCode, EmailSender, type OutgoingEmail } from '../channels/email';
import { WebhookSender } from '../channels/webhook';
import { NotificationsEnv } from '../config/notifications.env';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryState, type DeliveryEntity } from './delivery.entity';
import { DeliveryQueue } from './delivery-queue.service';

// The outcome an email attempt records as `lastError` (stored, published on notifications.delivery.v1
// and returned by GET /deliveries). Only the attempt itself is exercised; recording is integration-tested.
describe(`${DeliveryDispatcher.name} lastError`, () => {
  const address = 'olena@zhytomyr.test';
  const row: DeliveryEntity = {
    id: '0b9f3c4e-2a61-4d4e-9c55-7f3e8f0a1b2c',
    sourceEventId: 'event-1',
    sourceEventType: 'matching.partnership.established.v1',
    correlationId: null,
    recipientId: 'contact-1',
    channel: 'email',
    templateId: 'partnership.established',
    templateVersion: 1,
    locale: 'uk',
    status: DeliveryState.Sending,
    attempts: 1,
    nextAttemptAt: new Date(),
    leaseExpiresAt: null,
    lastError: null,
    address,
    subject: 's',
    body: 'text',
    html: '<p>text</p>',
    unsubscribeUrl: null,
    attachments: null,
    providerReference: null,
    sentAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  type Attempt = { kind: string; failure?: string; error?: string };
  const attemptWith = (failure: Error): Promise<Attempt> => {
    const email = {
      send: (_email: OutgoingEmail) => Promise.reject(failure),
    } as unknown as EmailSender;
    const dispatcher = new DeliveryDispatcher(
      {} as NotificationsEnv,
      {} as DataSource,
      {} as DeliveryQueue,
      email,
      {} as WebhookSender,
    );
    return (
      dispatcher as unknown as { sendEmail(r: DeliveryEntity, active: boolean): Promise<Attempt> }
    ).sendEmail(row, true);
  };

  it('should record the error and reply code, not the SMTP reply quoting the address, when the server rejects the recipient', async () => {
    const reply = `550 5.1.1 <${address}>: Recipient address rejected`;
    const outcome = await attemptWith(
      new EmailDeliveryError(
        EmailErrorCode.RecipientRejected,
        'permanent',
        `SMTP send failed: ${reply}`,
        550,
        {
          cause: new Error(reply),
        },
      ),
    );

    expect(outcome).toEqual({
      kind: 'failed',
      failure: 'permanent',
      error: 'EMAIL_RECIPIENT_REJECTED (550)',
    });
    expect(outcome.error).not.toContain(address);
  });

  it('should record only a code when the email sender fails with something unexpected', async () => {
    const outcome = await attemptWith(new Error(`unexpected failure for <${address}>`));

    expect(outcome).toEqual({ kind: 'failed', failure: 'transient', error: 'EMAIL_UNKNOWN' });
  });
});
