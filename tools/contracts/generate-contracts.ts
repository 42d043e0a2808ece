/**
 * Regenerates libs/contracts/generated (JSON Schemas and the AsyncAPI document) from the contract
 * classes. Run after changing an event: `npm run contracts:generate`.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  GENERATED_DIR,
  renderGeneratedArtifacts,
} from '../../libs/contracts/src/generation/generated-artifacts';

rmSync(GENERATED_DIR, { recursive: true, force: true });
const files = renderGeneratedArtifacts();
for (const [name, content] of files) {
  const path = join(GENERATED_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
console.log(`wrote ${files.size} files to ${GENERATED_DIR}`);
