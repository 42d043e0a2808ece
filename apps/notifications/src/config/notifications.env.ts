import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { BaseEnv, IsNotPlaceholderInProduction } from '@bridges/platform';
import { parseAddressRange } from '../webhooks/webhook-target.policy';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/** Public on purpose: links signed with it prove nothing, so production refuses to start without its own. */
export const DEV_UNSUBSCRIBE_SECRET = 'bridges-development-only-unsubscribe-secret';

/** Rejects `true` when NODE_ENV=production (development conveniences that must never reach users). */
function IsFalseInProduction(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isFalseInProduction',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          (args.object as NotificationsEnv).NODE_ENV !== 'production' || value !== true,
        defaultMessage: () => 'must be false when NODE_ENV=production',
      },
    });
}

const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : value;

/** Each entry is a CIDR (`10.20.0.0/16`, `fd00::/8`) or a single IP address. */
function IsAddressRangeList(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isAddressRangeList',
      target: target.constructor,
      propertyName: propertyKey as string,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((entry) => {
            try {
              parseAddressRange(String(entry));
              return true;
            } catch {
              return false;
            }
          }),
        defaultMessage: () =>
          'must be a comma-separated list of CIDRs (10.20.0.0/16, fd00::/8) or IP addresses',
      },
    });
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Variables of the notifications service, on top of those every service reads. */
export class NotificationsEnv extends BaseEnv {
  override HTTP_PORT = 3003;
  override KAFKA_CLIENT_ID = 'bridges-notifications';

  /** SMTP relay (the local sink in development). */
  @IsString()
  @IsNotEmpty()
  SMTP_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_SECURE = false;

  /** Never try STARTTLS. Defaults to true for a loopback SMTP_HOST (local sink), false otherwise. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_IGNORE_TLS?: boolean;

  /** Refuse to send unless STARTTLS succeeds (production relays). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @ValidateIf((o: NotificationsEnv) => o.SMTP_USER !== undefined)
  @IsString({ message: 'is required when SMTP_USER is set' })
  @IsNotPlaceholderInProduction()
  SMTP_PASSWORD?: string;

  /** Sender of every email. */
  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Bridges <notifications@bridges.localhost>';

  /** Where this service is reachable from a recipient's mail client; unsubscribe links point here. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  PUBLIC_BASE_URL?: string;

  /**
   * The logistics console (e.g. `https://logistics.bridges.example.org/console/`): aid emails link the
   * request (`requests/<id>`) or shipment (`shipments/<id>`) there; left out when unset.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  LOGISTICS_CONSOLE_URL?: string;

  /**
   * The matching console (e.g. `https://matching.bridges.example.org/console/`): digests link each
   * proposal to its page there (`proposals/<id>`), where it is accepted or declined, and partnership
   * emails the partnership's (`partnerships/<id>`); left out when unset.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  MATCHING_CONSOLE_URL?: string;

  /**
   * The registry console (e.g. `https://registry.bridges.example.org/console/`): digests link each proposed
   * partner to its profile there (`municipalities/<id>`, readable by any signed-in officer without
   * contacts); left out when unset.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  REGISTRY_CONSOLE_URL?: string;

  /** HMAC key of unsubscribe links (at least 32 characters). Development and test get a public default. */
  @ValidateIf((o: NotificationsEnv) => o.NODE_ENV === 'production' || o.UNSUBSCRIBE_SECRET !== undefined)
  @IsString({ message: 'is required when NODE_ENV=production (signs unsubscribe links)' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  @IsNotPlaceholderInProduction()
  UNSUBSCRIBE_SECRET?: string;

  /**
   * Quick start only: give a profile without contacts a stand-in contact at `*@demo.bridges.localhost`,
   * so demo partnerships visibly send email to the local SMTP sink. Refused in production.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @IsFalseInProduction()
  NOTIFICATIONS_DEMO_CONTACTS = false;

  /** Run the delivery dispatcher in this instance (every instance may; they share work with SKIP LOCKED). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  NOTIFICATIONS_DISPATCH_ENABLED = true;

  /** How often an idle dispatcher looks for due deliveries. */
  @Type(() => Number)
  @IsInt()
  @Min(20)
  NOTIFICATIONS_DISPATCH_INTERVAL_MS = 1_000;

  /** Deliveries claimed per round. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  NOTIFICATIONS_DISPATCH_BATCH = 50;

  /** Deliveries of one round sent in parallel. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATIONS_DISPATCH_CONCURRENCY = 8;

  /**
   * Outcomes recorded per transaction (a group commit). Larger is faster; it is also how many emails a
   * crash at the wrong moment can send a second time (see the dispatcher).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  NOTIFICATIONS_FINISH_BATCH = 20;

  /**
   * A claimed delivery whose instance has not recorded its outcome after this long is claimed again.
   * Must exceed a whole round (batch / concurrency sends, each bounded by the SMTP and webhook
   * timeouts, plus the group commits): a shorter lease lets another instance send in-flight rows again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  NOTIFICATIONS_SEND_LEASE_MS = 600_000;

  /** Delay before the 2nd attempt; doubles per attempt (with jitter) up to NOTIFICATIONS_RETRY_MAX_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  NOTIFICATIONS_RETRY_BASE_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  NOTIFICATIONS_RETRY_MAX_MS = 6 * 60 * 60 * 1000;

  /** Attempts per delivery (the first one included) before it is dead. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATIONS_MAX_ATTEMPTS = 12;

  /** A webhook receiver that has not answered after this long counts as a failed attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  NOTIFICATIONS_WEBHOOK_TIMEOUT_MS = 10_000;

  /** Failed attempts in a row that disable a webhook subscription until an admin re-enables it. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATIONS_WEBHOOK_MAX_FAILURES = 15;

  /**
   * Intranet webhook receivers: host names (exact, comma-separated) production may send to although
   * they resolve to private or other non-public addresses. https is still required.
   */
  @Transform(splitList)
  @IsArray({ message: 'must be a comma-separated list of host names' })
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, {
    each: true,
    message: 'must be a comma-separated list of host names (hooks.intranet.example)',
  })
  NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS: string[] = [];

  /** Address ranges production may send webhooks to besides public addresses (CIDRs or addresses). */
  @Transform(splitList)
  @IsAddressRangeList()
  NOTIFICATIONS_WEBHOOK_ALLOWED_CIDRS: string[] = [];

  /** How often proposal digests are planned. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  NOTIFICATIONS_DIGEST_INTERVAL_MS = 30_000;

  /** Wait after the first proposal before an `immediate` digest, so one matching run lands in one email. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  NOTIFICATIONS_DIGEST_IMMEDIATE_DELAY_MS = 60_000;

  /** How often the event reminder round looks for events starting soon. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  NOTIFICATIONS_EVENT_REMINDER_INTERVAL_MS = 60_000;

  /** Confirmed participants are reminded this many hours before an event starts. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  NOTIFICATIONS_EVENT_REMINDER_LEAD_HOURS = 24;

  /** UTC hour of daily digests. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFICATIONS_DIGEST_DAILY_HOUR_UTC = 6;

  /**
   * An event parked this long waiting for another topic's event (a proposal or partnership naming a
   * municipality whose profile has not arrived) is overdue: a warning in the log; alert on
   * `bridges_parked_event_oldest_age_seconds` above the same value.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  NOTIFICATIONS_PARKED_EVENT_ALERT_AFTER_MS = 900_000;

  override applyDerivedDefaults(): void {
    super.applyDerivedDefaults();
    this.SMTP_IGNORE_TLS ??= LOOPBACK_HOSTS.has(this.SMTP_HOST);
    this.PUBLIC_BASE_URL ??= `http://127.0.0.1:${this.HTTP_PORT || 3003}/`;
    const devLike = this.NODE_ENV === 'development' || this.NODE_ENV === 'test';
    if (devLike && this.UNSUBSCRIBE_SECRET === undefined) this.UNSUBSCRIBE_SECRET = DEV_UNSUBSCRIBE_SECRET;
  }
}
