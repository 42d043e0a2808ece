/**
 * Rules a rendered Bridges install must follow, beyond schema validity: the checks a Kubernetes linter
 * (kube-linter, kube-score) makes for security context, resources and probes, plus this project's own
 * (no Secret in the repository, KEDA owns replica counts and reads the broker address from the
 * environment, every workload has a PodDisruptionBudget and is covered by NetworkPolicies).
 * kube-linter itself is not served by the Go module proxy this project's machines reach.
 */
import type { Manifest } from './manifest-schemas';

interface Container {
  name: string;
  image?: string;
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
  };
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
}

interface PodSpec {
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type?: string } };
  containers: Container[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

type Labels = Record<string, string>;

const podTemplate = (m: Manifest) =>
  (m.spec as { template: { metadata?: { labels?: Labels }; spec: PodSpec } }).template;

const selects = (selector: Labels | undefined, labels: Labels | undefined): boolean =>
  !!selector && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Problems of a rendered install, each as `Kind/name: what is wrong`; empty when it passes. */
export function lintManifests(objects: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const id = (m: Manifest) => `${m.kind}/${m.metadata.name}`;
  const workloads = objects.filter((m) => WORKLOAD_KINDS.has(m.kind));

  for (const m of objects) {
    if (m.kind === 'Secret')
      problems.push(`${id(m)}: a Secret in the repository is readable by anyone; create it in the cluster`);
  }

  for (const w of workloads) {
    const pod = podTemplate(w).spec;
    const podSc = pod.securityContext ?? {};
    if (pod.automountServiceAccountToken !== false)
      problems.push(
        `${id(w)}: set automountServiceAccountToken: false (no service calls the Kubernetes API)`,
      );
    if (pod.hostNetwork) problems.push(`${id(w)}: hostNetwork is not allowed`);
    if (podSc.seccompProfile?.type !== 'RuntimeDefault')
      problems.push(`${id(w)}: securityContext.seccompProfile.type must be RuntimeDefault`);
    for (const c of pod.containers) {
      const where = `${id(w)} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const user = sc.runAsUser ?? podSc.runAsUser;
      if (nonRoot !== true) problems.push(`${where}: runAsNonRoot must be true`);
      // The kubelet verifies runAsNonRoot only against a numeric user; a named USER fails to start.
      if (typeof user !== 'number' || user === 0)
        problems.push(`${where}: runAsUser must be a numeric, non-zero user id (runAsNonRoot needs one)`);
      if (sc.allowPrivilegeEscalation !== false)
        problems.push(`${where}: allowPrivilegeEscalation must be false`);
      if (sc.privileged) problems.push(`${where}: privileged is not allowed`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${where}: readOnlyRootFilesystem must be true`);
      if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${where}: capabilities must drop ALL`);
      if (sc.capabilities?.add?.length) problems.push(`${where}: no capabilities may be added`);
      for (const r of ['cpu', 'memory'])
        if (c.resources?.requests?.[r] === undefined)
          problems.push(`${where}: resources.requests.${r} is missing`);
      if (c.resources?.limits?.memory === undefined)
        problems.push(`${where}: resources.limits.memory is missing`);
      if (!c.image || !/:[\w.-]+$|@sha256:[0-9a-f]{64}$/.test(c.image) || c.image.endsWith(':latest'))
        problems.push(
          `${where}: image ${c.image ?? '(none)'} must carry a version tag or digest, not latest`,
        );
      if (w.kind !== 'Job') {
        if (!c.readinessProbe) problems.push(`${where}: readinessProbe is missing`);
        if (!c.livenessProbe) problems.push(`${where}: livenessProbe is missing`);
      }
    }
  }

  const deployments = workloads.filter((w) => w.kind === 'Deployment');
  const scaledObjects = objects.filter((m) => m.kind === 'ScaledObject');
  for (const so of scaledObjects) {
    const spec = so.spec as {
      scaleTargetRef: { name: string };
      triggers: { type: string; metadata: Record<string, string>; authenticationRef?: unknown }[];
    };
    const target = deployments.find((d) => d.metadata.name === spec.scaleTargetRef.name);
    if (!target) problems.push(`${id(so)}: scales ${spec.scaleTargetRef.name}, which is not rendered`);
    else if ((target.spec as { replicas?: number }).replicas !== undefined)
      problems.push(`${id(target)}: KEDA owns its replica count (${id(so)}); remove spec.replicas`);
    for (const t of spec.triggers.filter((t) => t.type === 'kafka')) {
      if (t.metadata.bootstrapServers !== undefined)
        problems.push(`${id(so)}: read the brokers from the target's environment (bootstrapServersFromEnv)`);
      if (!t.authenticationRef) problems.push(`${id(so)}: a kafka trigger needs an authenticationRef`);
    }
  }

  const budgets = objects.filter((m) => m.kind === 'PodDisruptionBudget');
  const policies = objects.filter((m) => m.kind === 'NetworkPolicy');
  const namespaces = new Set(workloads.map((w) => w.metadata.namespace));
  for (const ns of namespaces) {
    const denyAll = policies.some(
      (p) =>
        p.metadata.namespace === ns &&
        Object.keys((p.spec as { podSelector: { matchLabels?: Labels } }).podSelector.matchLabels ?? {})
          .length === 0,
    );
    if (!denyAll) problems.push(`namespace ${ns ?? '(none)'}: no default NetworkPolicy selects every pod`);
  }
  for (const d of deployments) {
    const labels = podTemplate(d).metadata?.labels;
    const covered = (m: Manifest, path: (spec: never) => Labels | undefined) =>
      m.metadata.namespace === d.metadata.namespace && selects(path(m.spec as never), labels);
    if (
      !budgets.some((b) =>
        covered(b, (s: { selector?: { matchLabels?: Labels } }) => s.selector?.matchLabels),
      )
    )
      problems.push(`${id(d)}: no PodDisruptionBudget selects its pods`);
    const egress = policies.filter(
      (p) =>
        covered(p, (s: { podSelector: { matchLabels?: Labels } }) => s.podSelector.matchLabels) &&
        Object.keys((p.spec as { podSelector: { matchLabels?: Labels } }).podSelector.matchLabels ?? {})
          .length > 0,
    );
    if (egress.length === 0) problems.push(`${id(d)}: no NetworkPolicy allows its traffic`);
  }
  problems.push(...publicUrlProblems(objects));
  return problems;
}

/**
 * notifications' PUBLIC_BASE_URL is where recipients' mail clients open unsubscribe links: some
 * Ingress must serve that host and `/unsubscribe`, or every link in every email is dead.
 */
function publicUrlProblems(objects: readonly Manifest[]): string[] {
  const routes = objects
    .filter((m) => m.kind === 'Ingress')
    .flatMap((m) =>
      (
        (m.spec as { rules?: { host?: string; http?: { paths: { path?: string }[] } }[] }).rules ?? []
      ).flatMap((rule) => (rule.http?.paths ?? []).map((p) => ({ host: rule.host, path: p.path ?? '/' }))),
    );
  return objects
    .filter((m) => m.kind === 'ConfigMap')
    .flatMap((m) => {
      const url = (m.data as Record<string, string> | undefined)?.PUBLIC_BASE_URL;
      if (!url) return [];
      const { hostname, pathname } = new URL(url);
      const unsubscribe = `${pathname.replace(/\/$/, '')}/unsubscribe`;
      const served = routes.some((r) => r.host === hostname && unsubscribe.startsWith(r.path));
      return served
        ? []
        : [`ConfigMap/${m.metadata.name}: PUBLIC_BASE_URL ${url} has no Ingress route for ${unsubscribe}`];
    });
}
