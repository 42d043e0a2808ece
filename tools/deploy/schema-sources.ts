/**
 * Where the committed JSON Schemas of deploy/k8s/schemas come from: the Kubernetes API's OpenAPI
 * document, the CRDs of the operators the manifests use, and the Compose specification. Each is read
 * from a Go module, fetched with `go mod download` (the Go module proxy), at a pinned version.
 * `npm run deploy:schemas` regenerates them; CI only reads the committed files.
 */
export const KUBERNETES = {
  module: 'k8s.io/kubernetes',
  version: 'v1.32.4',
  file: 'api/openapi-spec/swagger.json',
};

/** Core kinds the manifests may use (a kind without a schema fails the check). */
export const CORE_KINDS = [
  ['v1', 'Namespace'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['apps/v1', 'Deployment'],
  ['batch/v1', 'Job'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
] as const;

/** CustomResourceDefinitions, from the operators' own Go modules. */
export const CRD_SOURCES = [
  {
    module: 'github.com/kedacore/keda/v2',
    version: 'v2.16.1',
    files: [
      'config/crd/bases/keda.sh_scaledobjects.yaml',
      'config/crd/bases/keda.sh_triggerauthentications.yaml',
    ],
  },
  {
    module: 'github.com/prometheus-operator/prometheus-operator',
    version: 'v0.85.0',
    files: [
      'example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml',
      'example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml',
    ],
  },
] as const;

export const COMPOSE = {
  module: 'github.com/compose-spec/compose-go/v2',
  version: 'v2.16.2',
  file: 'schema/compose-spec.json',
};
