import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { EventInvitationEntity } from '../events/event-invitation.entity';
import { EventQuotaEntity } from '../events/event-quota.entity';
import { EventEntity } from '../events/event.entity';
import { CreateEventsTables1795997227017 } from '../migrations/1795997227017-create-events-tables';
import { ParticipantEntity } from '../registrations/participant.entity';
import { RegistrationEntity } from '../registrations/registration.entity';

/** Every table of the events database: messaging's outbox/inbox and the service's own. */
export const EVENTS_ENTITIES = [
  ...MESSAGING_ENTITIES,
  EventEntity,
  EventQuotaEntity,
  EventInvitationEntity,
  RegistrationEntity,
  ParticipantEntity,
];

/** Migrations in order: messaging first, then the service's. */
export const EVENTS_MIGRATIONS = [...MESSAGING_MIGRATIONS, CreateEventsTables1795997227017];
