import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A national or European association of local government that publishes events to Bridges. */
@Entity({ name: 'association' })
@Index('uq_association_name', ['name'], { unique: true })
export class AssociationEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) name: string;
  /** ISO country code of a national association; null for a European one. */
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
