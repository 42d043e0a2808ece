import type * as Jose from 'jose';

let loaded: Promise<typeof Jose> | undefined;

/**
 * jose 6 ships only ES modules. Node >= 20.19 loads it from CommonJS, but Jest (Node 20) refuses ESM
 * from node_modules unless jest.config.js transforms it. Loading it on first use keeps
 * `@bridges/platform` importable everywhere (the messaging lib only needs CorrelationContext); only code
 * that signs or verifies a token needs jose to load.
 */
export function loadJose(): Promise<typeof Jose> {
  loaded ??= import('jose');
  return loaded;
}
