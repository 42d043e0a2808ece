import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * The upper end of a range is not below its lower end, the sibling property `lowerEnd` (when both are
 * numbers; either may be absent). Stated on the upper end, so the 400 names the field most likely mistyped:
 * a range whose maximum is below its minimum admits nothing, a mistake to point at rather than to store.
 */
export function NotBelow(lowerEnd: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'notBelow',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: [lowerEnd],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const bound = (args.object as Record<string, unknown>)[lowerEnd];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
        defaultMessage: () => `must not be less than ${lowerEnd}`,
      },
    });
}
