import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './manifest-schemas';

/** Where a service has to appear to be deployed, as read from the repository and the rendered install. */
export interface DeployedServices {
  /** Services with an entry point (apps/<name>/src/main.ts). */
  readonly services: readonly string[];
  /** The image's entry point script (deploy/docker-entrypoint.sh). */
  readonly entrypoint: string;
  readonly composeServices: readonly string[];
  /** The rendered production install. */
  readonly objects: readonly Manifest[];
}

/** The services of apps/ that can run: those with a src/main.ts. */
export function runnableServices(appsDir: string): string[] {
  return readdirSync(appsDir)
    .filter((name) => existsSync(join(appsDir, name, 'src', 'main.ts')))
    .sort();
}

/**
 * A service added to apps/ but forgotten in one of the places that run it: the image would refuse its
 * name, compose would not start it, or the cluster would have no pods, Service or disruption budget.
 */
export function serviceCoverageProblems(deployed: DeployedServices): string[] {
  const problems: string[] = [];
  const named = (kind: string) =>
    new Set(deployed.objects.filter((m) => m.kind === kind).map((m) => m.metadata.name));
  const inCluster = { Deployment: named('Deployment'), Service: named('Service') };
  // The entry point's case line lists the services it runs: `registry | matching | ...) exec node ...`.
  const entrypointCase = deployed.entrypoint.split('\n').find((line) => line.includes('dist/apps/'));
  for (const service of deployed.services) {
    if (!entrypointCase?.match(new RegExp(`(^|[\\s|])${service}([\\s|)])`)))
      problems.push(`${service}: not in deploy/docker-entrypoint.sh (the image cannot run it)`);
    if (!deployed.composeServices.includes(service))
      problems.push(`${service}: no service in docker-compose.yml`);
    for (const [kind, names] of Object.entries(inCluster))
      if (!names.has(service)) problems.push(`${service}: no ${kind}/${service} in the production install`);
  }
  return problems;
}
