import { registerDecorator } from 'class-validator';

/** True for a time zone this runtime's ICU knows (IANA names such as `Europe/Kyiv`, or `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Validates an IANA time zone name. */
export function IsTimeZone(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: isTimeZone,
        defaultMessage: () => 'must be an IANA time zone such as Europe/Kyiv',
      },
    });
}
