/**
 * `npm run deploy:schemas`: writes deploy/k8s/schemas/ (JSON Schemas the manifest check validates
 * against, committed so CI needs no network) from the pinned sources of schema-sources.ts. Needs Go
 * (for `go mod download`) and the Go module proxy; run it when a source version changes.
 *
 * Schemas are strict like `kubectl apply --validate=strict`: an object that declares its properties
 * admits no others (a misspelt or misplaced field fails), and `kind`/`apiVersion` must be the schema's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_DIR } from './deploy-paths';
import { KAFKA_TOPIC_V1BETA2 } from './kafka-topic.schema';
import { schemaFileName } from './manifest-schemas';
import { COMPOSE, CORE_KINDS, CRD_SOURCES, KUBERNETES } from './schema-sources';

type Json = Record<string, unknown>;

function moduleDir(module: string, version: string): string {
  const out = execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], { encoding: 'utf8' });
  return (JSON.parse(out) as { Dir: string }).Dir;
}

const INT_OR_STRING = { anyOf: [{ type: 'integer' }, { type: 'string' }] };
const QUANTITY = { anyOf: [{ type: 'string' }, { type: 'number' }] };
const DROPPED = new Set(['description', 'format', 'example']);

/** Strips what validation does not use and closes every object that lists its properties. */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const source = node as Json;
  if (source['x-kubernetes-int-or-string'] === true) return INT_OR_STRING;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith('x-kubernetes-')) continue;
    // CRDs are written for Go's RE2: a pattern JavaScript cannot compile (inline flags) is left out.
    if (key === 'pattern' && !compiles(value as string)) continue;
    out[key] = key === 'properties' ? mapValues(value as Json, strict) : strict(value);
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !source['x-kubernetes-preserve-unknown-fields']
  )
    out.additionalProperties = false;
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const mapValues = (o: Json, f: (v: unknown) => unknown): Json =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** The definitions reachable from `root`, with refs kept as `#/definitions/<name>`. */
function reachable(definitions: Record<string, Json>, root: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (name: string): void => {
    if (name in out) return;
    out[name] = null;
    const def = definitions[name];
    out[name] =
      name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'
        ? INT_OR_STRING
        : name === 'io.k8s.apimachinery.pkg.api.resource.Quantity'
          ? QUANTITY
          : strict(def);
    JSON.stringify(def).replace(/"#\/definitions\/([^"]+)"/g, (_, ref: string) => (visit(ref), ''));
  };
  visit(root);
  return out;
}

function withKind(schema: Json, apiVersion: string, kind: string): Json {
  const properties = { ...(schema.properties as Json) };
  properties.apiVersion = { const: apiVersion };
  properties.kind = { const: kind };
  return {
    ...schema,
    properties,
    required: [...new Set([...((schema.required as string[]) ?? []), 'apiVersion', 'kind'])],
  };
}

function main(): void {
  rmSync(SCHEMA_DIR, { recursive: true, force: true });
  mkdirSync(SCHEMA_DIR, { recursive: true });
  const write = (name: string, schema: unknown) =>
    writeFileSync(join(SCHEMA_DIR, name), `${JSON.stringify(schema)}\n`);

  const swagger = JSON.parse(
    readFileSync(join(moduleDir(KUBERNETES.module, KUBERNETES.version), KUBERNETES.file), 'utf8'),
  ) as { definitions: Record<string, Json> };
  const byKind = new Map<string, string>();
  for (const [name, def] of Object.entries(swagger.definitions)) {
    for (const gvk of (def['x-kubernetes-group-version-kind'] as {
      group: string;
      version: string;
      kind: string;
    }[]) ?? []) {
      byKind.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
    }
  }
  const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
  for (const [apiVersion, kind] of CORE_KINDS) {
    const root = byKind.get(`${apiVersion}/${kind}`);
    if (!root)
      throw new Error(
        `no definition for ${apiVersion} ${kind} in ${KUBERNETES.module}@${KUBERNETES.version}`,
      );
    const definitions = reachable(swagger.definitions, root);
    definitions[root] = withKind(definitions[root] as Json, apiVersion, kind);
    write(schemaFileName(apiVersion, kind), { $ref: `#/definitions/${root}`, definitions });
  }

  // Custom resources: their CRD's schema, with the Kubernetes ObjectMeta as metadata.
  const objectMeta = reachable(swagger.definitions, OBJECT_META);
  const customResource = (apiVersion: string, kind: string, schema: Json) => {
    const properties = {
      ...((strict(schema) as Json).properties as Json),
      metadata: { $ref: `#/definitions/${OBJECT_META}` },
    };
    const closed = withKind(
      { ...(strict(schema) as Json), properties, additionalProperties: false },
      apiVersion,
      kind,
    );
    write(schemaFileName(apiVersion, kind), { ...closed, definitions: objectMeta });
  };
  for (const source of CRD_SOURCES) {
    const dir = moduleDir(source.module, source.version);
    for (const file of source.files) {
      const crd = parse(readFileSync(join(dir, file), 'utf8')) as {
        spec: {
          group: string;
          names: { kind: string };
          versions: { name: string; schema: { openAPIV3Schema: Json } }[];
        };
      };
      for (const version of crd.spec.versions)
        customResource(
          `${crd.spec.group}/${version.name}`,
          crd.spec.names.kind,
          version.schema.openAPIV3Schema,
        );
    }
  }
  customResource('kafka.strimzi.io/v1beta2', 'KafkaTopic', KAFKA_TOPIC_V1BETA2);

  const compose = readFileSync(join(moduleDir(COMPOSE.module, COMPOSE.version), COMPOSE.file), 'utf8');
  writeFileSync(join(SCHEMA_DIR, 'compose-spec.json'), compose);
  console.log(`wrote ${readdirSync(SCHEMA_DIR).length} schemas to ${SCHEMA_DIR}`);
}

main();
