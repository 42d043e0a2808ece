/**
 * Something the app depends on (a database, a broker). Libs implement it and register it with
 * `ReadinessRegistry`, so platform never depends on their clients (kafkajs…).
 */
export interface ReadinessCheck {
  /** Key in the /health/ready report, e.g. `kafka`. */
  readonly name: string;
  /**
   * Whether the service can do its job without this dependency. `true` (the default): it cannot, so
   * /health/ready answers 503 while the check fails and Kubernetes stops routing traffic. `false`:
   * it still can, only degraded (e.g. the broker: the outbox keeps every event until Kafka is back),
   * so a failure is reported under `degraded` and in metrics, and the service stays ready.
   */
  readonly critical?: boolean;
  /**
   * Resolves when healthy, optionally with details for the report (e.g. `{ backlog: 12 }`); rejects
   * (or times out) when not. The error message is shown in the report.
   */
  check(): Promise<void | Record<string, unknown>>;
}
