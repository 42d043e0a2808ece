/**
 * Something the app needs before it should receive traffic (a database, a broker). Libs implement it
 * and register it with `ReadinessRegistry`, so platform never depends on their clients (kafkajs…).
 */
export interface ReadinessCheck {
  /** Key in the /health/ready report, e.g. `kafka`. */
  readonly name: string;
  /** Resolves when healthy; rejects (or times out) when not. The error message is shown in the report. */
  check(): Promise<void>;
}
