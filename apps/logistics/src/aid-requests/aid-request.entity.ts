import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AidRequestStatus, AidUrgency } from '@bridges/contracts';

/** A hromada's request for aid; its lines carry what is asked, pledged and received. */
@Entity({ name: 'aid_request' })
@Index('ix_aid_request_hromada', ['hromadaId', 'status'])
@Index('ix_aid_request_status', ['status', 'publishedAt'])
export class AidRequestEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'hromada_id', type: 'uuid' }) hromadaId: string;
  /** One partner only; null: every partner of the hromada. */
  @Column({ name: 'addressed_to', type: 'uuid', nullable: true }) addressedTo: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) status: AidRequestStatus;
  @Column({ type: 'text' }) urgency: AidUrgency;
  @Column({ name: 'needed_by', type: 'date', nullable: true }) neededBy: string | null;
  @Column({ name: 'delivery_address', type: 'text' }) deliveryAddress: string;
  @Column({ name: 'delivery_lat', type: 'double precision', nullable: true }) deliveryLat: number | null;
  @Column({ name: 'delivery_lon', type: 'double precision', nullable: true }) deliveryLon: number | null;
  /** A registry contact of the hromada who receives the goods (resolved from the projection). */
  @Column({ name: 'delivery_contact_id', type: 'uuid', nullable: true }) deliveryContactId: string | null;
  /** Optimistic concurrency: the ETag; bumped by every change. */
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** When partners were last reminded that it is still open (see StaleRequestReminder). */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt: Date | null;
}
