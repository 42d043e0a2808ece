/**
 * Strimzi's KafkaTopic (kafka.strimzi.io/v1beta2) as an OpenAPI v3 schema, the fields of its CRD.
 * Written here because Strimzi, a Java project, publishes its CRDs through no registry this project
 * reaches (the Go modules supply the other CRDs); keep it in step with the Strimzi version in use.
 */
export const KAFKA_TOPIC_V1BETA2 = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        topicName: { type: 'string' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
} as const;
