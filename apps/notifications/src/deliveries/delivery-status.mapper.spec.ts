import { DeliveryState, type DeliveryEntity } from './delivery.entity';
import { toDeliveryStatusChanged } from './delivery-status.mapper';

describe(toDeliveryStatusChanged.name, () => {
  const row = (overrides: Partial<DeliveryEntity> = {}): DeliveryEntity => ({
    id: '0b9f3c4e-2a61-4d4e-9c55-7f3e8f0a1b2c',
    sourceEventId: 'event-1',
    sourceEventType: 'matching.partnership.established.v1',
    correlationId: 'corr-1',
    recipientId: 'contact-1',
    channel: 'email',
    templateId: 'partnership.established',
    templateVersion: 1,
    locale: 'uk',
    status: DeliveryState.Retrying,
    attempts: 2,
    nextAttemptAt: new Date(),
    leaseExpiresAt: null,
    lastError: 'EMAIL_CONNECTION_FAILED: connect ECONNREFUSED',
    address: 'olena@zhytomyr.test',
    subject: 'Партнерство встановлено',
    body: 'text',
    html: '<p>text</p>',
    unsubscribeUrl: 'http://127.0.0.1:3003/unsubscribe?token=x',
    attachments: null,
    providerReference: null,
    sentAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  });

  it('should carry ids, state, attempts and error but no address or content when mapping a delivery', () => {
    const payload = toDeliveryStatusChanged(row(), new Date('2026-11-28T10:00:00Z'));
    expect(payload).toEqual({
      deliveryId: '0b9f3c4e-2a61-4d4e-9c55-7f3e8f0a1b2c',
      templateId: 'partnership.established',
      channel: 'email',
      recipientId: 'contact-1',
      status: 'retrying',
      attempts: 2,
      lastError: 'EMAIL_CONNECTION_FAILED: connect ECONNREFUSED',
      changedAt: '2026-11-28T10:00:00.000Z',
      causedByEventId: 'event-1',
    });
    expect(JSON.stringify(payload)).not.toContain('zhytomyr.test');
  });

  it('should cut the error to what the contract allows when it is long', () => {
    expect(toDeliveryStatusChanged(row({ lastError: 'x'.repeat(5000) })).lastError).toHaveLength(1000);
  });

  it('should refuse to publish the internal sending state', () => {
    expect(() => toDeliveryStatusChanged(row({ status: DeliveryState.Sending }))).toThrow('internal');
  });
});
