import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What notifications knows of an event, from `events.event.v1`: enough to name it, place it and put it
 * in a calendar. `sourceTime` (the event's `ce_time`) keeps an older record from overwriting a newer one.
 */
@Entity({ name: 'event_projection' })
export class EventProjectionEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'title_uk', type: 'text' }) titleUk: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn: string;
  /** `online` or `in-person` (or hybrid): the online link itself is never projected. */
  @Column({ type: 'text' }) format: string;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  /** IANA zone the event is held in; emails show times in it. */
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'invited_municipality_ids', type: 'uuid', array: true, default: () => "'{}'" })
  invitedMunicipalityIds: string[];
  @Column({ name: 'source_time', type: 'timestamptz' }) sourceTime: Date;
  /** The start the participants were last reminded of; a moved event differs from it and is reminded again. */
  @Column({ name: 'reminded_starts_at', type: 'timestamptz', nullable: true }) remindedStartsAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
