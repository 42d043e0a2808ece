import { registerDecorator } from 'class-validator';

/**
 * The value may not be below the sibling property `other` (when both are numbers): a population range whose
 * maximum is below its minimum admits nobody, which is a mistake to point at, not a campaign to store.
 */
export function NotBelow(other: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'notBelow',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const bound = (args?.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
        defaultMessage: () => `must not be below ${other}`,
      },
    });
}
