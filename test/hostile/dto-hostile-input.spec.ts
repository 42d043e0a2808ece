import { BadRequestException, type Type } from '@nestjs/common';
import fc from 'fast-check';
import { createValidationPipe } from '@bridges/platform';
import { bodyRoutesOf, type BodyRoute } from './support/body-routes';
import { declaredKind, exampleBody, isValidated, validatedProperties } from './support/example-bodies';
import { HOSTILE_KINDS, hostile, jsonKind } from './support/hostile-values';
import { serviceModules } from './support/service-modules';
import { VALID_BODY_FIXES } from './support/valid-body-fixes';

/**
 * Every create/update DTO of every service (found from the controllers' route metadata), through
 * the same global validation pipe the services use: a valid body passes; leaving out any required
 * field, or putting a hostile value (NUL, lone surrogate, huge number, deep nesting, wrong type) in
 * any field, is a 400. Nothing reaches a handler, so nothing can be written; the e2e part proves that
 * against the databases.
 */
const routes: BodyRoute[] = serviceModules().flatMap(({ service, module }) => bodyRoutesOf(service, module));
const dtos = [...new Map(routes.map((r) => [`${r.service}.${r.dto.name}`, r])).values()];
const pipe = createValidationPipe();

function validBody(route: BodyRoute): Record<string, unknown> {
  return { ...exampleBody(route.dto), ...(VALID_BODY_FIXES[`${route.service}.${route.dto.name}`] ?? {}) };
}

async function outcome(dto: Type<object>, body: unknown): Promise<'accepted' | 'rejected'> {
  try {
    await pipe.transform(body, { type: 'body', metatype: dto });
    return 'accepted';
  } catch (error) {
    if (error instanceof BadRequestException) return 'rejected';
    throw error; // anything else would be a 500
  }
}

async function errorsOf(dto: Type<object>, body: unknown): Promise<unknown> {
  try {
    await pipe.transform(body, { type: 'body', metatype: dto });
    return [];
  } catch (error) {
    return (error as BadRequestException).getResponse();
  }
}

describe('hostile input on every create/update DTO', () => {
  it('should find the DTOs of every service', () => {
    expect(new Set(routes.map((r) => r.service))).toEqual(new Set(serviceModules().map((s) => s.service)));
    expect(dtos.length).toBeGreaterThan(10);
  });

  describe.each(dtos.map((r) => [`${r.service} ${r.dto.name} (${r.method} ${r.path})`, r] as const))(
    '%s',
    (_name, route) => {
      const properties = validatedProperties(route.dto);

      it('should accept its valid example body', async () => {
        const body = validBody(route);
        expect({ body, errors: await errorsOf(route.dto, body) }).toEqual({ body, errors: [] });
      });

      it('should answer 400 when any required field is left out', async () => {
        const accepted: string[] = [];
        for (const { name } of properties.filter((p) => p.required)) {
          const { [name]: _left, ...body } = validBody(route);
          if ((await outcome(route.dto, body)) === 'accepted') accepted.push(name);
        }
        expect(accepted).toEqual([]);
      });

      it('should answer 400 when any field holds a hostile value', async () => {
        const full = { ...exampleBody(route.dto, 0, 'all'), ...validBody(route) };
        const kindOf = (field: string) =>
          field in full ? jsonKind(full[field]) : declaredKind(route.dto, field);
        const attack = fc
          .tuple(fc.constantFrom(...properties.map((p) => p.name)), fc.constantFrom(...HOSTILE_KINDS))
          .chain(([field, kind]) => hostile(kind, kindOf(field)).map((value) => ({ field, kind, value })));
        await fc.assert(
          fc.asyncProperty(attack, async ({ field, value }) => {
            const body = { ...validBody(route), [field]: value };
            // A field its DTO does not validate for this body (an unmet @ValidateIf) is not under test.
            fc.pre(isValidated(route.dto, field, body));
            expect(await outcome(route.dto, body)).toBe('rejected');
          }),
          { numRuns: 150 },
        );
      });
    },
  );
});
