/**
 * `npm run deploy:check` (and CI): renders every applied kustomization of deploy/k8s, validates each
 * object against the committed Kubernetes and CRD schemas (deploy/k8s/schemas), lints the install
 * (lint-manifests.ts), validates docker-compose.yml against the Compose specification, and checks that
 * every service of apps/ is in the image's entry point, compose and the production install. Prints
 * every problem, then `N passed, N failed` (one per check); exits 1 when any failed.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEPLOY_DIR, K8S_DIR, KUSTOMIZATIONS, SCHEMA_DIR } from './deploy-paths';
import { ensureKustomize, kustomizeBuild } from './kustomize';
import { lintManifests } from './lint-manifests';
import { ManifestSchemas, type Manifest } from './manifest-schemas';
import { runnableServices, serviceCoverageProblems } from './service-coverage';

/** docker-compose.yml's problems against the Compose specification's JSON Schema. */
export function composeProblems(composeFile = join(DEPLOY_DIR, '..', 'docker-compose.yml')): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(SCHEMA_DIR, 'compose-spec.json'), 'utf8')) as object,
  );
  const document = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as ComposeFile;
  if (!validate(document))
    return (validate.errors ?? []).map(
      (e) =>
        `docker-compose.yml: ${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
    );
  return publicUrlProblems(document);
}

interface ComposeFile {
  services: Record<string, { ports?: string[]; environment?: Record<string, string> }>;
}

/**
 * A service's PUBLIC_BASE_URL is what a browser on the host opens (unsubscribe links): it must name
 * the port compose publishes the service's HTTP port on, not the container's own.
 */
function publicUrlProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const url = service.environment?.PUBLIC_BASE_URL;
    if (!url) continue;
    const containerPort = service.environment?.HTTP_PORT ?? '3000';
    const published = (service.ports ?? [])
      .map((p) => /^(?:[\d.]+:)?(\d+):(\d+)$/.exec(p))
      .find((m) => m?.[2] === containerPort)?.[1];
    const port = new URL(url).port || (url.startsWith('https:') ? '443' : '80');
    if (port !== published)
      problems.push(
        `docker-compose.yml: ${name} PUBLIC_BASE_URL ${url} must use the published port ${published ?? '(none)'}`,
      );
  }
  return problems;
}

function main(): void {
  const kustomize = ensureKustomize();
  const schemas = new ManifestSchemas();
  const results: { name: string; problems: string[] }[] = [];
  let production: Manifest[] = [];
  for (const kustomization of KUSTOMIZATIONS) {
    const objects = parseAllDocuments(kustomizeBuild(kustomize, join(K8S_DIR, kustomization)))
      .map((d) => d.toJS() as Manifest | null)
      .filter((m): m is Manifest => m !== null);
    if (kustomization === 'overlays/production') production = objects;
    results.push({
      name: `${kustomization}: schemas`,
      problems: objects.flatMap((o) => schemas.validate(o)),
    });
    results.push({ name: `${kustomization}: lint`, problems: lintManifests(objects) });
  }
  results.push({ name: 'docker-compose.yml: compose specification', problems: composeProblems() });
  results.push({
    name: 'every service of apps/: image, compose, cluster',
    problems: serviceCoverageProblems({
      services: runnableServices(join(DEPLOY_DIR, '..', 'apps')),
      entrypoint: readFileSync(join(DEPLOY_DIR, 'docker-entrypoint.sh'), 'utf8'),
      composeServices: Object.keys(
        (
          parse(readFileSync(join(DEPLOY_DIR, '..', 'docker-compose.yml'), 'utf8'), {
            merge: true,
          }) as ComposeFile
        ).services,
      ),
      objects: production,
    }),
  });

  for (const { name, problems } of results) {
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
    for (const p of problems) console.log(`       ${p}`);
  }
  const failed = results.filter((r) => r.problems.length > 0).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (require.main === module) main();
