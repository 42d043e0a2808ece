import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from './deploy-paths';

/** A Kubernetes object as rendered: what every check reads of it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `apps/v1` + `Deployment` → `apps-v1-deployment.json`. */
export function schemaFileName(apiVersion: string, kind: string): string {
  return `${apiVersion.replace(/\//g, '-')}-${kind}.json`.toLowerCase();
}

/**
 * Validates rendered objects against the committed schemas (deploy/k8s/schemas): the Kubernetes API's
 * for core kinds, the CRDs' for custom resources. An object whose kind has no schema is an error too.
 */
export class ManifestSchemas {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly dir: string = SCHEMA_DIR) {}

  /** Problems of one object, each as `Kind/name: path message`; empty when valid. */
  validate(object: Manifest): string[] {
    const id = `${object.kind}/${object.metadata?.name ?? '?'}`;
    const validator = this.validatorFor(object.apiVersion, object.kind);
    if (!validator)
      return [
        `${id}: no schema for ${object.apiVersion} ${object.kind} (add it to tools/deploy/schema-sources.ts)`,
      ];
    if (validator(object)) return [];
    return (validator.errors ?? []).map(
      (e) =>
        `${id}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${
          e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''
        }`,
    );
  }

  private validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
    const file = join(this.dir, schemaFileName(apiVersion, kind));
    if (!this.compiled.has(file)) {
      if (!existsSync(file)) return undefined;
      this.compiled.set(file, this.ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object));
    }
    return this.compiled.get(file);
  }
}
