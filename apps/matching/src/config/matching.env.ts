import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { hostname } from 'node:os';
import { BaseEnv } from '@bridges/platform';

/** Variables of the matching service, on top of those every service reads. */
export class MatchingEnv extends BaseEnv {
  override HTTP_PORT = 3002;
  override KAFKA_CLIENT_ID = 'bridges-matching';

  /**
   * Name of this instance in round claims (`claimed_by`). Defaults to `<hostname>-<pid>`, unique per
   * process, which is what the exactly-once claim needs.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, {
    message: 'may contain only letters, digits, ".", "_", ":" and "-" (max 100)',
  })
  MATCHING_INSTANCE_ID?: string;

  /** How often an idle instance looks for a requested (or abandoned) global round to claim. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  MATCHING_ROUND_POLL_INTERVAL_MS = 1_000;

  /**
   * A running round whose claimant has not renewed its lease for this long may be claimed by another
   * instance. The claimant renews between phases only (scoring and assignment are synchronous), so this must
   * exceed the longest phase: seconds for the demo pool, tens of seconds against all 60,000 EU municipalities.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  MATCHING_ROUND_LEASE_MS = 300_000;

  /** Partnership capacity assumed for an EU municipality whose profile does not state one. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  MATCHING_DEFAULT_EU_CAPACITY = 1;

  /**
   * How often to propose for hromadas that seek a partner but have no open proposal (e.g. they were
   * registered before the EU pool was). 0 switches the sweep off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MATCHING_BACKFILL_INTERVAL_MS = 15_000;

  /**
   * How old the cached EU pool may be when a hromada is scored. Building it costs a read of every EU
   * profile; during a bulk import the pool changes with nearly every event. 0 = always current.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MATCHING_POOL_MAX_STALENESS_MS = 2_000;

  /**
   * Where people reach the registry's API: each municipality summary in a proposal or partnership links to
   * its public profile there (`<this>/municipalities/<id>/public`).
   */
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  MATCHING_REGISTRY_PUBLIC_URL = 'http://127.0.0.1:3001';

  override applyDerivedDefaults(): void {
    super.applyDerivedDefaults();
    this.MATCHING_INSTANCE_ID ??= `${hostname()}-${process.pid}`;
  }
}
