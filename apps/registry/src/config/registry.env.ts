import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@bridges/platform';

/** Environment of the registry service; validated once at boot (see `.env.example`). */
export class RegistryEnv extends BaseEnv {
  override HTTP_PORT = 3001;

  override KAFKA_CLIENT_ID = 'bridges-registry';

  /** How far (seconds) a signed ingest request's timestamp may be from the server clock. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  INGEST_TOLERANCE_SECONDS = 300;

  /** Largest accepted `POST /ingest` body, in body-parser notation. */
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb)$/i, { message: 'must be a size like 64kb or 1mb' })
  INGEST_BODY_LIMIT = '256kb';

  /**
   * Rows per multi-row insert during a bulk import. At most 2,000: a profile row binds 31 parameters
   * and PostgreSQL accepts 65,535 per statement.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  IMPORT_BATCH_SIZE = 1000;
}
