import { join } from 'node:path';

/** The repository's deploy/ folder and what the tools read and write in it. */
export const DEPLOY_DIR = join(__dirname, '..', '..', 'deploy');
export const K8S_DIR = join(DEPLOY_DIR, 'k8s');
export const KAFKA_TOPICS_FILE = join(K8S_DIR, 'topics', 'kafka-topics.yaml');
export const SCHEMA_DIR = join(K8S_DIR, 'schemas');
/** Every kustomization that is applied to a cluster, rendered and checked in CI. */
export const KUSTOMIZATIONS = ['overlays/production', 'topics'] as const;
