import { Logger } from '@nestjs/common';
import type { KafkaConnection } from '../kafka/kafka-connection';
import { TopicNamer } from '../kafka/topic-namer';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventFailureKind } from './event-handling.errors';
import type { IncomingRecord } from './incoming-record';

const record: IncomingRecord = {
  topic: 't1-associations.inbound.v1',
  partition: 2,
  offset: '41',
  key: 'UA:1',
  value: Buffer.from('{}'),
  headers: { ce_id: 'e-1' },
};
const failure = { kind: EventFailureKind.Invalid, reason: 'data.x: bad', attempts: 0, consumerGroup: 'g' };

function publisherWith(send: jest.Mock) {
  const kafka = { getProducer: () => Promise.resolve({ send }) } as unknown as KafkaConnection;
  return new DeadLetterPublisher(kafka, new TopicNamer('t1-'));
}

describe(DeadLetterPublisher.name, () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  describe('onDeadLettered', () => {
    it('should tell a listener of the record and why, after the DLQ write', async () => {
      const order: string[] = [];
      const send = jest.fn(() => {
        order.push('sent');
        return Promise.resolve();
      });
      const publisher = publisherWith(send);
      const listener = jest.fn(() => {
        order.push('listened');
      });
      publisher.onDeadLettered(listener);

      await publisher.publish(record, failure);

      expect(order).toEqual(['sent', 'listened']);
      expect(listener).toHaveBeenCalledWith(record, { ...failure, wireTopic: 'associations.inbound.v1' });
    });

    it('should not call a listener when the DLQ write fails, and throw so the record is redelivered', async () => {
      const publisher = publisherWith(jest.fn(() => Promise.reject(new Error('broker down'))));
      const listener = jest.fn();
      publisher.onDeadLettered(listener);

      await expect(publisher.publish(record, failure)).rejects.toThrow('broker down');
      expect(listener).not.toHaveBeenCalled();
      expect(publisher.deadLettered).toBe(0);
    });

    it('should still succeed, and tell the next listener, when a listener fails', async () => {
      const send = jest.fn(() => Promise.resolve());
      const publisher = publisherWith(send);
      const next = jest.fn();
      publisher.onDeadLettered(() => Promise.reject(new Error('database down')));
      publisher.onDeadLettered(next);

      await expect(publisher.publish(record, failure)).resolves.toBeUndefined();
      expect(send).toHaveBeenCalledTimes(1);
      expect(next).toHaveBeenCalledTimes(1);
      expect(publisher.deadLettered).toBe(1);
    });
  });
});
