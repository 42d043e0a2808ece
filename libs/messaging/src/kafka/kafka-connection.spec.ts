import { Kafka, type KafkaConfig } from 'kafkajs';
import { KafkaConnection } from './kafka-connection';

jest.mock('kafkajs', () => ({
  ...jest.requireActual<object>('kafkajs'),
  Kafka: jest.fn(),
}));

const configOf = (): KafkaConfig => jest.mocked(Kafka).mock.calls.at(-1)![0];

describe(KafkaConnection.name, () => {
  describe('constructor', () => {
    it('should use TLS and SASL when the service is configured for a secured cluster', () => {
      new KafkaConnection(['b-1.kafka.example.org:9096'], 'bridges-matching', {
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'bridges-matching', password: 'Zr8qN2vLw5pT' },
      });

      expect(configOf()).toMatchObject({
        brokers: ['b-1.kafka.example.org:9096'],
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'bridges-matching', password: 'Zr8qN2vLw5pT' },
      });
    });

    it('should connect in plaintext without SASL when no security is given', () => {
      new KafkaConnection(['127.0.0.1:19092'], 'bridges-test');

      expect(configOf()).toMatchObject({ ssl: false, sasl: undefined });
    });
  });
});
