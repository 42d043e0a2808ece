import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A notification shown in the console. Owned by a user (`user:<sub>`) or by a municipality
 * (`municipality:<id>`, seen by its officers); one per source event, owner and template.
 */
@Entity({ name: 'inbox_item' })
@Index('ux_inbox_item_source_owner', ['sourceEventId', 'ownerKey', 'templateId'], { unique: true })
@Index('ix_inbox_item_owner', ['ownerKey', 'createdAt'])
export class InboxItemEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'owner_key', type: 'text' }) ownerKey: string;
  @Column({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  @Column({ name: 'template_id', type: 'text' }) templateId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) summary: string;
  /** Related ids (partnership, proposal, municipality) for the console to link to. */
  @Column({ type: 'jsonb' }) refs: Record<string, string>;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
