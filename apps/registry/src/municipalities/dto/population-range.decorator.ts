import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * The upper end of a range is not below its lower end (`minProperty`); either end may be absent.
 * Stated on the upper end, so the 400 names the field the reader most likely mistyped.
 */
export function IsNotBelow(minProperty: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotBelow',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: [minProperty],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const min = (args.object as Record<string, unknown>)[minProperty];
          return typeof value !== 'number' || typeof min !== 'number' || value >= min;
        },
        defaultMessage: () => `must not be less than ${minProperty}`,
      },
    });
}
