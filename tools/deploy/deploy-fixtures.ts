import type { Manifest } from './manifest-schemas';

/** A minimal install that passes every check; tests break one thing at a time. */
export function goodInstall(): Manifest[] {
  const labels = { 'app.kubernetes.io/name': 'matching', 'app.kubernetes.io/part-of': 'bridges' };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'matching', namespace: 'bridges', labels },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'matching' } },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 1000,
              runAsGroup: 1000,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [
              {
                name: 'matching',
                image: 'ghcr.io/bridges/bridges:0.1.0',
                args: ['matching'],
                readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
                livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
                resources: { requests: { cpu: '250m', memory: '384Mi' }, limits: { memory: '1Gi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'matching', namespace: 'bridges' },
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'matching' } } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'bridges' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'bridges-egress', namespace: 'bridges' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'bridges' } },
        policyTypes: ['Egress'],
        egress: [{ ports: [{ protocol: 'TCP', port: 9093 }] }],
      },
    },
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'matching', namespace: 'bridges' },
      spec: {
        scaleTargetRef: { name: 'matching' },
        triggers: [
          {
            type: 'kafka',
            authenticationRef: { name: 'bridges-kafka' },
            metadata: {
              bootstrapServersFromEnv: 'KAFKA_BROKERS',
              consumerGroup: 'bridges-matching',
              topic: 'registry.municipality.v1',
              lagThreshold: '500',
            },
          },
        ],
      },
    },
  ];
}

/** The install's Deployment, to change in place. */
export const deploymentOf = (install: Manifest[]) =>
  install[0] as Manifest & {
    spec: {
      replicas?: number;
      template: {
        spec: {
          securityContext: Record<string, unknown>;
          containers: Record<string, unknown>[];
        };
      };
    };
  };
