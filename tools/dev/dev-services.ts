/**
 * The services `npm start` runs locally, in start order: one place for ports, databases and
 * entry points. Production runs the same entry points (see deploy/).
 *
 * Every port can be moved with an environment variable (START_REGISTRY_PORT, ..., START_SMTP_PORT,
 * START_MAIL_PORT), e.g. to run a second `npm start` beside yours; the defaults are the README's.
 */
export interface DevService {
  readonly name: string;
  readonly port: number;
  /** The service's own database on the local PostgreSQL. */
  readonly database: string;
  readonly main: string;
  /** Variables beyond the common ones (brokers, database, port, development auth). */
  readonly env?: Readonly<Record<string, string>>;
}

/** `START_<NAME>_PORT` if set, else the default. */
export function portFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const variable = `START_${name.toUpperCase()}_PORT`;
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${variable} must be a TCP port (1-65535), got "${raw}"`);
  return port;
}

export const SMTP_SINK = {
  smtpPort: portFromEnv('smtp', 1025),
  httpPort: portFromEnv('mail', 8025),
} as const;

const service = (name: string, port: number, env?: Record<string, string>): DevService => ({
  name,
  port: portFromEnv(name, port),
  database: `bridges_${name}`,
  main: `apps/${name}/src/main.ts`,
  env,
});

const REGISTRY_PORT = portFromEnv('registry', 3001);
const MATCHING_PORT = portFromEnv('matching', 3002);
const LOGISTICS_PORT = portFromEnv('logistics', 3004);

const ALL_DEV_SERVICES: readonly DevService[] = [
  service('registry', REGISTRY_PORT),
  // Proposals link each side to its public profile in the registry.
  service('matching', MATCHING_PORT, { MATCHING_REGISTRY_PUBLIC_URL: `http://127.0.0.1:${REGISTRY_PORT}` }),
  // Demo profiles come from public data without contacts: give them stand-in addresses so the
  // partnership emails of the demo are visible in the mail sink (refused in production). Digests link
  // each proposal to its page in the matching console and each partner to its profile in the registry
  // console; aid emails link the logistics console.
  service('notifications', 3003, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_SINK.smtpPort),
    NOTIFICATIONS_DEMO_CONTACTS: 'true',
    MATCHING_CONSOLE_URL: `http://127.0.0.1:${MATCHING_PORT}/console/`,
    REGISTRY_CONSOLE_URL: `http://127.0.0.1:${REGISTRY_PORT}/console/`,
    LOGISTICS_CONSOLE_URL: `http://127.0.0.1:${LOGISTICS_PORT}/console/`,
  }),
  service('events', 3005),
  service('logistics', LOGISTICS_PORT),
];

/**
 * The services to start: all, or those START_SERVICES names (comma-separated; `none` for just the
 * mail sink). The demo seeds need registry, matching, events and logistics; a seed whose service is
 * not started is skipped.
 */
export function selectDevServices(env: NodeJS.ProcessEnv = process.env): readonly DevService[] {
  const raw = env.START_SERVICES?.trim();
  if (raw === undefined || raw === '') return ALL_DEV_SERVICES;
  const names = raw === 'none' ? [] : raw.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !ALL_DEV_SERVICES.some((s) => s.name === n));
  if (unknown.length > 0)
    throw new Error(
      `START_SERVICES names unknown services: ${unknown.join(', ')} (known: ${ALL_DEV_SERVICES.map((s) => s.name).join(', ')}, or none)`,
    );
  return ALL_DEV_SERVICES.filter((s) => names.includes(s.name));
}

export const DEV_SERVICES: readonly DevService[] = selectDevServices();
