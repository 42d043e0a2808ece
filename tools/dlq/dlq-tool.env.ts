import 'reflect-metadata';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
} from 'class-validator';
import type { KafkaSecurity } from '@bridges/messaging';

type SaslMechanism = NonNullable<KafkaSecurity['sasl']>['mechanism'];
const SASL_MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];

/**
 * The Kafka variables of a service's env (same names and meaning), and nothing else: the DLQ tool
 * needs no database, auth or HTTP settings.
 */
export class DlqToolEnv {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray({ message: 'must be a comma-separated list of host:port' })
  @ArrayNotEmpty({ message: 'must list at least one host:port' })
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[];

  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may contain only letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() === 'true' : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  KAFKA_SSL = false;

  @IsOptional()
  @IsIn(SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: SaslMechanism;

  @ValidateIf((o: DlqToolEnv) => o.KAFKA_SASL_MECHANISM !== undefined)
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty()
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((o: DlqToolEnv) => o.KAFKA_SASL_MECHANISM !== undefined)
  @IsString({ message: 'is required when KAFKA_SASL_MECHANISM is set' })
  @IsNotEmpty()
  KAFKA_SASL_PASSWORD?: string;

  kafkaSecurity(): KafkaSecurity {
    const {
      KAFKA_SASL_MECHANISM: mechanism,
      KAFKA_SASL_USERNAME: username,
      KAFKA_SASL_PASSWORD: password,
    } = this;
    return {
      ssl: this.KAFKA_SSL,
      sasl: mechanism && username && password ? { mechanism, username, password } : undefined,
    };
  }
}
