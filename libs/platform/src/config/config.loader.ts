import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { BaseEnv } from './base.env';
import { ConfigValidationError, type ConfigProblem } from './config-validation.error';

/** A class whose instances hold validated configuration. */
export type EnvClass<T extends object = object> = new () => T;

/** Where variables come from: `process.env` in apps, a literal object in tests. */
export type EnvSource = Record<string, string | undefined>;

/**
 * Reads, converts and validates the variables declared by `envClass` from `source`, once.
 *
 * Empty strings count as unset (so `FOO=` in a .env file falls back to the default). Only the
 * variables the class declares are kept: the result is the typed config, not a copy of the environment.
 *
 * @throws ConfigValidationError naming every bad variable at once.
 */
export function loadConfig<T extends object>(envClass: EnvClass<T>, source: EnvSource = process.env): T {
  const declared = declaredVariables(envClass);
  const plain: Record<string, string> = {};
  for (const name of declared) {
    const value = source[name];
    if (value !== undefined && value.trim() !== '') plain[name] = value;
  }

  const config = plainToInstance(envClass, plain, { exposeDefaultValues: true });
  if (config instanceof BaseEnv) config.applyDerivedDefaults();

  const errors = validateSync(config, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    const order = new Map(declared.map((name, i) => [name, i]));
    const problems = errors
      .map((e) => toProblem(e, config))
      .sort((a, b) => (order.get(a.variable) ?? 0) - (order.get(b.variable) ?? 0));
    throw new ConfigValidationError(envClass.name, problems);
  }
  return config;
}

function toProblem(error: ValidationError, config: object): ConfigProblem {
  // class-validator lists constraints bottom-up and prefixes the property name, which the report
  // already shows: restore declaration order, strip the name, drop repeats.
  const messages = [
    ...new Set(
      Object.values(error.constraints ?? {})
        .reverse()
        .map((m) => m.replace(new RegExp(`^${error.property} `), '')),
    ),
  ];
  const unset = (config as Record<string, unknown>)[error.property] === undefined;
  // For a missing variable the first (type) message says what to set; the rest would only repeat it.
  return { variable: error.property, messages: unset ? ['is not set', ...messages.slice(0, 1)] : messages };
}

/** Every property that carries a class-validator decorator, including inherited ones. */
function declaredVariables(envClass: EnvClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(envClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}
