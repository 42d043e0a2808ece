import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOY_DIR } from './deploy-paths';
import { runnableServices, serviceCoverageProblems, type DeployedServices } from './service-coverage';

const ENTRYPOINT = `case "$what" in
  registry | matching) exec node "dist/apps/$what/src/main.js" "$@" ;;
  dlq-redrive) exec node dist/tools/dlq/redrive.js "$@" ;;
esac`;

const service = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: {} });
const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {},
});

const deployed = (overrides: Partial<DeployedServices> = {}): DeployedServices => ({
  services: ['matching', 'registry'],
  entrypoint: ENTRYPOINT,
  composeServices: ['kafka', 'registry', 'matching'],
  objects: [deployment('registry'), service('registry'), deployment('matching'), service('matching')],
  ...overrides,
});

describe('serviceCoverageProblems', () => {
  it('should pass when every service runs in the image, compose and the cluster', () => {
    expect(serviceCoverageProblems(deployed())).toEqual([]);
  });

  it('should name each place a new service was forgotten', () => {
    expect(serviceCoverageProblems(deployed({ services: ['matching', 'registry', 'logistics'] }))).toEqual([
      'logistics: not in deploy/docker-entrypoint.sh (the image cannot run it)',
      'logistics: no service in docker-compose.yml',
      'logistics: no Deployment/logistics in the production install',
      'logistics: no Service/logistics in the production install',
    ]);
  });

  it('should not take a tool of the entry point, or a longer name containing the service, for the service', () => {
    const problems = serviceCoverageProblems(
      deployed({
        services: ['dlq', 'match'],
        composeServices: ['dlq', 'match'],
        objects: [deployment('dlq'), service('dlq'), deployment('match'), service('match')],
      }),
    );

    expect(problems).toEqual([
      'dlq: not in deploy/docker-entrypoint.sh (the image cannot run it)',
      'match: not in deploy/docker-entrypoint.sh (the image cannot run it)',
    ]);
  });

  it("should find every runnable service of this repository in the image's entry point and in compose", () => {
    const services = runnableServices(join(DEPLOY_DIR, '..', 'apps'));
    const compose = parse(readFileSync(join(DEPLOY_DIR, '..', 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as { services: Record<string, unknown> };

    expect(services).toEqual(expect.arrayContaining(['registry', 'matching', 'notifications']));
    expect(
      serviceCoverageProblems({
        services,
        entrypoint: readFileSync(join(DEPLOY_DIR, 'docker-entrypoint.sh'), 'utf8'),
        composeServices: Object.keys(compose.services),
        // The cluster side needs kustomize; npm run deploy:check renders and checks it.
        objects: services.flatMap((name) => [deployment(name), service(name)]),
      }),
    ).toEqual([]);
  });
});
