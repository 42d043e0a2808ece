/** A Kafka record as the consumer sees it, independent of the client library. */
export interface IncomingRecord {
  /** Physical topic name (with any test prefix). */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string | undefined>>;
}
