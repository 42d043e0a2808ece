import { deploymentOf, goodInstall } from './deploy-fixtures';
import { lintManifests } from './lint-manifests';

describe(lintManifests.name, () => {
  it('should pass an install that follows every rule', () => {
    expect(lintManifests(goodInstall())).toEqual([]);
  });

  it('should refuse runAsNonRoot without a numeric runAsUser when the image user is a name (pods would not start)', () => {
    const install = goodInstall();
    delete deploymentOf(install).spec.template.spec.securityContext.runAsUser;

    expect(lintManifests(install)).toEqual([
      'Deployment/matching container matching: runAsUser must be a numeric, non-zero user id (runAsNonRoot needs one)',
    ]);
  });

  it('should refuse fixed replicas on a Deployment KEDA scales (every apply would reset the count)', () => {
    const install = goodInstall();
    deploymentOf(install).spec.replicas = 2;

    expect(lintManifests(install)).toEqual([
      'Deployment/matching: KEDA owns its replica count (ScaledObject/matching); remove spec.replicas',
    ]);
  });

  it('should refuse a broker address written into a KEDA trigger and a trigger without authentication', () => {
    const install = goodInstall();
    const trigger = (install[4].spec as { triggers: Record<string, unknown>[] }).triggers[0];
    trigger.metadata = { bootstrapServers: 'kafka-0.kafka:9092', consumerGroup: 'bridges-matching' };
    delete trigger.authenticationRef;

    expect(lintManifests(install)).toEqual([
      "ScaledObject/matching: read the brokers from the target's environment (bootstrapServersFromEnv)",
      'ScaledObject/matching: a kafka trigger needs an authenticationRef',
    ]);
  });

  it('should refuse a Secret in the rendered install (its values would be in the repository)', () => {
    const install = goodInstall();
    install.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'bridges-secrets', namespace: 'bridges' },
    });

    expect(lintManifests(install)).toEqual([
      'Secret/bridges-secrets: a Secret in the repository is readable by anyone; create it in the cluster',
    ]);
  });

  it('should ask for limits, probes, a pinned image and a hardened container when they are missing', () => {
    const install = goodInstall();
    deploymentOf(install).spec.template.spec.containers[0] = { name: 'matching', image: 'bridges:latest' };

    expect(lintManifests(install)).toEqual([
      'Deployment/matching container matching: allowPrivilegeEscalation must be false',
      'Deployment/matching container matching: readOnlyRootFilesystem must be true',
      'Deployment/matching container matching: capabilities must drop ALL',
      'Deployment/matching container matching: resources.requests.cpu is missing',
      'Deployment/matching container matching: resources.requests.memory is missing',
      'Deployment/matching container matching: resources.limits.memory is missing',
      'Deployment/matching container matching: image bridges:latest must carry a version tag or digest, not latest',
      'Deployment/matching container matching: readinessProbe is missing',
      'Deployment/matching container matching: livenessProbe is missing',
    ]);
  });

  it('should ask for a PodDisruptionBudget and NetworkPolicies when a Deployment has none', () => {
    const install = goodInstall().filter(
      (m) => m.kind !== 'PodDisruptionBudget' && m.kind !== 'NetworkPolicy',
    );

    expect(lintManifests(install)).toEqual([
      'namespace bridges: no default NetworkPolicy selects every pod',
      'Deployment/matching: no PodDisruptionBudget selects its pods',
      'Deployment/matching: no NetworkPolicy allows its traffic',
    ]);
  });

  it('should refuse a PUBLIC_BASE_URL that no Ingress serves (unsubscribe links would be dead)', () => {
    const config = (url: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bridges-notifications', namespace: 'bridges' },
      data: { PUBLIC_BASE_URL: url },
    });
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'bridges-public', namespace: 'bridges' },
      spec: { rules: [{ host: 'bridges.example.org', http: { paths: [{ path: '/unsubscribe' }] } }] },
    };

    expect(lintManifests([...goodInstall(), ingress, config('https://bridges.example.org/')])).toEqual([]);
    expect(lintManifests([...goodInstall(), ingress, config('https://notifications.example.org/')])).toEqual([
      'ConfigMap/bridges-notifications: PUBLIC_BASE_URL https://notifications.example.org/ has no Ingress route for /unsubscribe',
    ]);
  });
});
