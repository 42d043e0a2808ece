export { readInfraSettings, type InfraSettings } from './infra-config';
export {
  ensureLocalInfra,
  localInfraStatus,
  stopLocalInfra,
  type InfraService,
  type LocalInfra,
} from './local-infra';
export { resolveKafkaJars } from './local-kafka';
export {
  provisionTopics,
  topicsToCreate,
  type ProvisionedTopic,
  type ProvisionOptions,
  type ProvisionResult,
} from './provision-topics';
