import { RequestMethod, type Type } from '@nestjs/common';
import {
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';

/** A route whose whole body is one DTO class: what the hostile-input tests attack. */
export interface BodyRoute {
  readonly service: string;
  readonly controller: string;
  readonly handler: string;
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express path, e.g. `/municipalities/:id`. */
  readonly path: string;
  readonly dto: Type<object>;
}

type ModuleRef =
  Type<unknown> | { module: Type<unknown>; imports?: unknown[]; controllers?: Type<unknown>[] };

/** Every controller reachable from `root` through `imports`, including dynamic modules and forwardRef. */
function controllersOf(root: Type<unknown>): Type<unknown>[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (entry: unknown): void => {
    const ref = (entry as { forwardRef?: () => unknown })?.forwardRef?.() ?? entry;
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    const dynamic = typeof ref === 'object' ? (ref as Exclude<ModuleRef, Type<unknown>>) : undefined;
    const moduleClass = dynamic ? dynamic.module : (ref as Type<unknown>);
    if (typeof moduleClass !== 'function') return;
    const staticControllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) ??
      []) as Type<unknown>[];
    for (const c of [...staticControllers, ...(dynamic?.controllers ?? [])]) controllers.add(c);
    const imports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? []) as unknown[];
    for (const i of [...imports, ...(dynamic?.imports ?? [])]) visit(i);
    if (dynamic && !seen.has(moduleClass)) visit(moduleClass);
  };
  visit(root);
  return [...controllers];
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segments = parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .flatMap((p) => p.split('/'))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

/** True when `type` is a class that class-validator knows rules for: a DTO. */
function isDto(type: unknown): type is Type<object> {
  return (
    typeof type === 'function' &&
    getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0
  );
}

/**
 * The create/update routes of a service, read from Nest's route metadata: every handler with an
 * `@Body()` parameter whose declared type is a DTO class. A new controller or DTO is found without
 * touching this file.
 */
export function bodyRoutesOf(service: string, root: Type<unknown>): BodyRoute[] {
  const routes: BodyRoute[] = [];
  for (const controller of controllersOf(root)) {
    const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const proto = controller.prototype as Record<string, unknown>;
    for (const handler of Object.getOwnPropertyNames(proto)) {
      const fn = proto[handler];
      if (handler === 'constructor' || typeof fn !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
      if (method === undefined) continue;
      const verb = RequestMethod[method] as BodyRoute['method'];
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(verb)) continue;
      const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, handler) ?? []) as unknown[];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      for (const [key, arg] of Object.entries(args)) {
        if (key.split(':')[0] !== String(RouteParamtypes.BODY) || arg.data !== undefined) continue;
        const dto = paramTypes[arg.index];
        if (!isDto(dto)) continue;
        routes.push({
          service,
          controller: controller.name,
          handler,
          method: verb,
          path: joinPath(prefix, Reflect.getMetadata(PATH_METADATA, fn) as string | undefined),
          dto,
        });
      }
    }
  }
  return routes.sort((a, b) =>
    `${a.service}${a.path}${a.method}`.localeCompare(`${b.service}${b.path}${b.method}`),
  );
}
