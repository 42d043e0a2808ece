/**
 * The services `npm start` runs locally, in start order: one place for ports, databases and
 * entry points. Production runs the same entry points (see deploy/).
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

export const SMTP_SINK = { smtpPort: 1025, httpPort: 8025 } as const;

export const DEV_SERVICES: readonly DevService[] = [
  { name: 'registry', port: 3001, database: 'bridges_registry', main: 'apps/registry/src/main.ts' },
  { name: 'matching', port: 3002, database: 'bridges_matching', main: 'apps/matching/src/main.ts' },
  {
    name: 'notifications',
    port: 3003,
    database: 'bridges_notifications',
    main: 'apps/notifications/src/main.ts',
    // Demo profiles come from public data without contacts: give them stand-in addresses so the
    // partnership emails of the demo are visible in the mail sink (refused in production).
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(SMTP_SINK.smtpPort),
      NOTIFICATIONS_DEMO_CONTACTS: 'true',
    },
  },
  { name: 'events', port: 3005, database: 'bridges_events', main: 'apps/events/src/main.ts' },
  { name: 'logistics', port: 3004, database: 'bridges_logistics', main: 'apps/logistics/src/main.ts' },
];
