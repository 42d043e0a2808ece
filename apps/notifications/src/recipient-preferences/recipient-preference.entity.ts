import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DigestFrequency } from '../digest';

/** A recipient's choices; a recipient without a row gets every channel and `immediate` digests. */
@Entity({ name: 'recipient_preference' })
export class RecipientPreferenceEntity {
  @PrimaryColumn({ name: 'recipient_id', type: 'text' }) recipientId: string;
  /** Channels switched off entirely (`email`, `webhook`, `inbox`). */
  @Column({ name: 'disabled_channels', type: 'text', array: true, default: () => "'{}'" })
  disabledChannels: string[];
  /** `<channel>:<templateId>` pairs switched off, e.g. `email:matching.proposals-digest`. */
  @Column({ name: 'disabled_templates', type: 'text', array: true, default: () => "'{}'" })
  disabledTemplates: string[];
  @Column({ name: 'digest_frequency', type: 'text', default: 'immediate' }) digestFrequency: DigestFrequency;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
