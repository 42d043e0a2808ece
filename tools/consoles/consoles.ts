/**
 * The consoles: one per service, served by that service at /console/ (libs/platform consoleRouter).
 * Each lives in apps/<service>/console and is built on libs/console-kit.
 */
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export const CONSOLE_SERVICES = ['registry', 'matching', 'notifications', 'logistics', 'events'] as const;
export type ConsoleService = (typeof CONSOLE_SERVICES)[number];

/** The console's source folder. */
export const consoleSource = (service: string): string => join(ROOT, 'apps', service, 'console');

/** Its OpenAPI document and the types generated from it, committed and checked for drift. */
export const generatedDir = (service: string): string => join(consoleSource(service), 'generated');

/** Largest initial JavaScript a console may load, gzipped (the budget). */
export const INITIAL_JS_BUDGET_BYTES = 250 * 1024;
