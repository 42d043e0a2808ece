import { join } from 'node:path';
import { buildAsyncApiDocument } from './asyncapi-document';
import { buildPayloadSchemas, type JsonSchema } from './json-schemas';

/** Where generated contract artifacts live, committed so that reviewers see every wire change. */
export const GENERATED_DIR = join(__dirname, '..', '..', 'generated');

const DEFINITION_PREFIX = '#/definitions/';

function referencedNames(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFINITION_PREFIX)) {
        found.add(value.slice(DEFINITION_PREFIX.length));
      } else referencedNames(value, found);
    }
  }
  return found;
}

/** A draft-07 schema for one class, carrying the definitions of every class it nests. */
function selfContained(name: string, all: Record<string, JsonSchema>): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const pending = [...referencedNames(all[name])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (definitions[next] || next === name) continue;
    definitions[next] = all[next];
    pending.push(...referencedNames(all[next]));
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://bridges.example/contracts/${name}.schema.json`,
    title: name,
    ...all[name],
    ...(Object.keys(sorted).length > 0 ? { definitions: sorted } : {}),
  };
}

/** File name → content of every generated artifact. */
export function renderGeneratedArtifacts(): Map<string, string> {
  const files = new Map<string, string>();
  const all = buildPayloadSchemas(DEFINITION_PREFIX);
  for (const name of Object.keys(all)) {
    files.set(
      join('schemas', `${name}.schema.json`),
      JSON.stringify(selfContained(name, all), null, 2) + '\n',
    );
  }
  files.set('asyncapi.json', JSON.stringify(buildAsyncApiDocument(), null, 2) + '\n');
  return files;
}
