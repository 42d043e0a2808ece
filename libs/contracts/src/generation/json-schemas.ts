import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EVENT_CATALOG } from '../events/event-catalog';

export type JsonSchema = Record<string, unknown>;

/**
 * JSON Schemas of every payload class, generated from the class-validator decorators so the
 * classes stay the single source of truth. Build-time only: not exported from the contracts index.
 */
export function buildPayloadSchemas(refPointerPrefix = '#/components/schemas/'): Record<string, JsonSchema> {
  // Touch the catalog so every contract class (and its decorators) is loaded before reading metadata.
  if (EVENT_CATALOG.length === 0) throw new Error('event catalog is empty');
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
    classValidatorMetadataStorage: getMetadataStorage(),
  }) as Record<string, JsonSchema>;
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}
