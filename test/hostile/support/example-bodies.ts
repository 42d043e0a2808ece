import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

interface ApiPropertyMeta {
  required?: boolean;
  type?: unknown;
  isArray?: boolean;
  example?: unknown;
  enum?: unknown[] | Record<string, unknown>;
  default?: unknown;
  minimum?: number;
  /** Arrays of enums: `{ type: 'array', isArray: true, items: { type, enum } }`. */
  items?: ApiPropertyMeta;
}

/** The properties class-validator checks on `dto`, and which of them may be left out. */
export function validatedProperties(dto: Type<object>): { name: string; required: boolean }[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadatas.map((m) => m.propertyName))];
  return names.map((name) => ({
    name,
    // @IsOptional / @ValidateIf make a property conditional; everything else must be sent.
    required: !metadatas.some(
      (m) => m.propertyName === name && m.type === ValidationTypes.CONDITIONAL_VALIDATION,
    ),
  }));
}

function apiProperty(dto: Type<object>, name: string): ApiPropertyMeta | undefined {
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype as object, name) as
    ApiPropertyMeta | undefined;
}

function isClass(value: unknown): value is Type<object> {
  return typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
}

/** A value that a class-validator format rule on the property asks for, when Swagger gives no example. */
function formatValue(dto: Type<object>, name: string): unknown {
  const rules = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .filter((m) => m.propertyName === name)
      .map((m) => m.name),
  );
  if (rules.has('isUuid')) return randomUUID();
  if (rules.has('isEmail')) return 'someone@example.org';
  if (rules.has('isDateString') || rules.has('isIso8601'))
    return new Date(Date.now() + 86_400_000).toISOString();
  if (rules.has('isBoolean')) return true;
  if (rules.has('isPhoneNumber')) return '+380441234567';
  return undefined;
}

/**
 * Whether class-validator validates `name` at all for `body`: @IsOptional and @ValidateIf make a
 * property conditional; a property whose condition is false (e.g. `sub` of an association recipient,
 * validated only for coordinators) is not validated, so a hostile value there proves nothing.
 */
export function isValidated(dto: Type<object>, name: string, body: Record<string, unknown>): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((m) => m.propertyName === name && m.type === ValidationTypes.CONDITIONAL_VALIDATION)
    .every((m) => (m.constraints[0] as (o: object, v: unknown) => boolean)(body, body[name]));
}

/** The JSON kind a property holds, from its declared TypeScript type (emitted design metadata). */
export function declaredKind(
  dto: Type<object>,
  name: string,
): 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown' {
  const type = Reflect.getMetadata('design:type', dto.prototype as object, name) as unknown;
  if (type === String) return 'string';
  if (type === Number) return 'number';
  if (type === Boolean) return 'boolean';
  if (type === Array) return 'array';
  if (isClass(type) && type !== Object) return 'object';
  return 'unknown';
}

/** A value for one property from its Swagger description: example, else first enum value, else by type. */
function exampleValue(meta: ApiPropertyMeta, depth: number): unknown {
  if (meta.example !== undefined) return meta.example;
  if (meta.items) return [exampleValue(meta.items, depth)];
  let single: unknown;
  if (meta.enum) single = Array.isArray(meta.enum) ? meta.enum[0] : Object.values(meta.enum)[0];
  else {
    const native = [String, Number, Boolean, Date, Array, Object] as unknown[];
    // `type` is a class, a native constructor, a name ('string'), or a lazy `() => Class`.
    const type =
      isClass(meta.type) || native.includes(meta.type) || typeof meta.type !== 'function'
        ? meta.type
        : (meta.type as () => unknown)();
    const t = Array.isArray(type) ? (type[0] as unknown) : type;
    if (t === String || t === 'string') single = meta.default ?? 'Example';
    else if (t === Number || t === 'number' || t === 'integer') single = meta.default ?? meta.minimum ?? 1;
    else if (t === Boolean || t === 'boolean') single = meta.default ?? true;
    else if (t === Date) single = new Date().toISOString();
    else if (isClass(t) && depth < 4) single = exampleBody(t, depth + 1);
    else return undefined;
    if (Array.isArray(type)) return [single];
  }
  return meta.isArray && !Array.isArray(single) ? [single] : single;
}

/**
 * A body for `dto` built from its Swagger metadata (`example`, `enum`, `type`): with `required`, the
 * properties that must be sent; with `all`, every property. Properties without Swagger metadata are
 * left out, so a DTO whose example is not valid shows up as such in the tests (see VALID_BODY_FIXES).
 */
export function exampleBody(
  dto: Type<object>,
  depth = 0,
  which: 'required' | 'all' = 'required',
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name, required } of validatedProperties(dto)) {
    if (which === 'required' && !required) continue;
    const meta = apiProperty(dto, name);
    const format = formatValue(dto, name);
    // A format rule's value is valid by construction; Swagger examples are prose and sometimes are not.
    const value =
      format === undefined
        ? meta
          ? exampleValue(meta, depth)
          : undefined
        : meta?.isArray
          ? [format]
          : format;
    if (value !== undefined) body[name] = value;
  }
  return body;
}
