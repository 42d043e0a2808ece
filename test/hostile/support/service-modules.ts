import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';

/** A service of `apps/` and its root Nest module. */
export interface ServiceModule {
  readonly service: string;
  readonly module: Type<unknown>;
}

const APPS = join(__dirname, '..', '..', '..', 'apps');

function isNestModule(value: unknown): value is Type<unknown> {
  return (
    typeof value === 'function' &&
    (Reflect.getMetadata(MODULE_METADATA.IMPORTS, value) !== undefined ||
      Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, value) !== undefined)
  );
}

/**
 * Every service under `apps/` with its root module: the module class exported by a `*.module.ts`
 * directly in `apps/<service>/src/`. A new service is found without touching this file.
 */
export function serviceModules(): ServiceModule[] {
  return readdirSync(APPS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const src = join(APPS, d.name, 'src');
      const files = readdirSync(src).filter((f) => f.endsWith('.module.ts'));
      return files.flatMap((file) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules are found at run time
        const exports = require(join(src, file)) as Record<string, unknown>;
        return Object.values(exports)
          .filter(isNestModule)
          .map((module) => ({ service: d.name, module }));
      });
    });
}
