import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@bridges/platform';

/** Variables of the aid logistics service, on top of those every service reads. */
export class LogisticsEnv extends BaseEnv {
  override HTTP_PORT = 3004;
  override KAFKA_CLIENT_ID = 'bridges-logistics';

  /** An open request older than this (days since publication) is listed as stale for coordinators. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  LOGISTICS_STALE_REQUEST_DAYS = 14;

  /**
   * How often each instance looks for stale requests to remind partners of (each is reminded once per
   * LOGISTICS_STALE_REQUEST_DAYS, whichever instance finds it). 0 switches reminders off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  LOGISTICS_REMINDER_INTERVAL_MS = 3_600_000;
}
