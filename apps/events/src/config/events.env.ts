import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseEnv, IsNotPlaceholderInProduction } from '@bridges/platform';

/** Public development key for check-in codes; production refuses it (like the other placeholder secrets). */
export const DEV_CHECK_IN_SECRET = 'dev-only-events-check-in-secret-change-me';

/** Variables of the events service, on top of those every service reads. */
export class EventsEnv extends BaseEnv {
  override HTTP_PORT = 3005;
  override KAFKA_CLIENT_ID = 'bridges-events';

  /**
   * HMAC key that signs check-in codes, so a code cannot be guessed or forged. At least 32 characters;
   * required in production (development and tests use a public key, which production refuses).
   */
  @IsString()
  @MinLength(32)
  @IsNotPlaceholderInProduction()
  EVENTS_CHECK_IN_SECRET?: string;

  /** How long a freed seat is held for the waitlisted person it is offered to, unless the event says otherwise. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  EVENTS_OFFER_HOLD_HOURS = 48;

  /** How often each instance looks for offers whose deadline passed (any instance may expire any offer). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  EVENTS_OFFER_SWEEP_INTERVAL_MS = 30_000;

  /** Participants' personal data is erased this many days after their event ended. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  EVENTS_PERSONAL_DATA_RETENTION_DAYS = 90;

  /** How often each instance looks for ended events whose retention passed. 0 = off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EVENTS_PURGE_INTERVAL_MS = 3_600_000;

  override applyDerivedDefaults(): void {
    super.applyDerivedDefaults();
    if (this.NODE_ENV !== 'production') this.EVENTS_CHECK_IN_SECRET ??= DEV_CHECK_IN_SECRET;
  }
}
