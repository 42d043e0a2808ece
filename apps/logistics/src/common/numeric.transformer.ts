import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `numeric` and `bigint` come back from the driver as strings (they can exceed a double);
 * the values this service keeps in them (kilograms to the gram, minor units up to 10^13) fit a
 * JavaScript number exactly, so they are read as numbers.
 */
export const numberFromDecimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
