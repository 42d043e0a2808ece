import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@bridges/platform';
import { assertInScope } from '../common/access';
import { EventEntity } from '../events/event.entity';
import { EventNotFoundError } from '../events/events.errors';
import { ParticipantEntity } from '../registrations/participant.entity';
import { csvLine } from './csv';

const PARTICIPANT_COLUMNS = [
  'registration_id',
  'participant_id',
  'status',
  'country',
  'municipality_id',
  'association_id',
  'full_name',
  'email',
  'phone',
  'role',
  'language',
  'dietary_needs',
  'accessibility_needs',
  'accommodation_nights',
  'interpretation_into',
  'minor',
  'guardian_name',
  'guardian_contact',
  'guardian_consent_at',
  'checked_in_at',
] as const;

/**
 * Exports for organisers. The participant list carries personal data, so only events coordinators get it
 * (officers see their own delegation through the API); counts for reports are in `/attendance`.
 */
@Injectable()
export class ExportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async participantsCsv(user: AuthenticatedUser, eventId: string): Promise<string> {
    assertInScope(user, [], () => new EventNotFoundError(eventId));
    if (!(await this.dataSource.manager.existsBy(EventEntity, { id: eventId })))
      throw new EventNotFoundError(eventId);
    const rows = await this.dataSource.manager.find(ParticipantEntity, {
      where: { eventId },
      order: { arrivalSeq: 'ASC' },
    });
    let csv = csvLine(PARTICIPANT_COLUMNS);
    for (const p of rows)
      csv += csvLine([
        p.registrationId,
        p.id,
        p.status,
        p.country,
        p.municipalityId,
        p.associationId,
        p.fullName,
        p.email,
        p.phone,
        p.roleTitle,
        p.language,
        p.dietaryNeeds,
        p.accessibilityNeeds,
        p.accommodationNights,
        p.interpretationInto,
        p.isMinor ? 'yes' : 'no',
        p.guardianName,
        p.guardianContact,
        p.guardianConsentAt,
        p.checkedInAt,
      ]);
    return csv;
  }
}
