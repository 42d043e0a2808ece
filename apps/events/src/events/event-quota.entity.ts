import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a quota counts seats by: the participant's country, municipality or association. */
export const QuotaDimension = {
  Country: 'country',
  Municipality: 'municipality',
  Association: 'association',
} as const;
export type QuotaDimension = (typeof QuotaDimension)[keyof typeof QuotaDimension];

/** `key` of a rule that limits every value of its dimension separately ("at most 3 per hromada"). */
export const EACH_KEY = '*';

/**
 * A limit of seats for one key of a dimension (e.g. country `PL`: 150), with the seats it holds. A rule
 * for each key (`key = '*'`) is copied into a row of its own for every key that registers; a row for the
 * key itself overrides it. The database refuses `held > seats`.
 */
@Entity({ name: 'event_quota' })
@Check('ck_event_quota_within_seats', `"held" >= 0 AND "held" <= "seats"`)
@Index('ux_event_quota_key', ['eventId', 'dimension', 'key'], { unique: true })
export class EventQuotaEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) dimension: QuotaDimension;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'integer' }) seats: number;
  @Column({ type: 'integer', default: 0 }) held: number;
  /** Copied from the `'*'` rule rather than set for this key. */
  @Column({ name: 'from_each_rule', type: 'boolean', default: false }) fromEachRule: boolean;
}
