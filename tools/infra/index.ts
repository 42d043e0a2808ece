export { readInfraSettings, type InfraSettings } from './infra-config';
export {
  ensureLocalInfra,
  localInfraStatus,
  stopLocalInfra,
  type InfraService,
  type LocalInfra,
} from './local-infra';
export { kafkaJarsResolved, resolveKafkaJars, startKafka, stopKafka } from './local-kafka';
export type { KafkaState } from './infra-state';
export {
  provisionTopics,
  topicsToCreate,
  type ProvisionedTopic,
  type ProvisionOptions,
  type ProvisionResult,
} from './provision-topics';
