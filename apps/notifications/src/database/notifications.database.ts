import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { DeliveryEntity } from '../deliveries/delivery.entity';
import { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import { RecipientEntity } from '../directory/recipient.entity';
import { EventParticipantEntity } from '../event-notifications/event-participant.entity';
import { EventProjectionEntity } from '../event-notifications/event-projection.entity';
import { InboxItemEntity } from '../inbox/inbox-item.entity';
import { CreateNotificationsTables1795868825726 } from '../migrations/1795868825726-create-notifications-tables';
import { EventNotifications1796000000000 } from '../migrations/1796000000000-event-notifications';
import { EventReminders1796000000001 } from '../migrations/1796000000001-event-reminders';
import { ProposalOutcomes1796000000002 } from '../migrations/1796000000002-proposal-outcomes';
import { PendingProposalEntity } from '../proposal-notifications/pending-proposal.entity';
import { ProposalOutcomeEntity } from '../proposal-notifications/proposal-outcome.entity';
import { RecipientPreferenceEntity } from '../recipient-preferences/recipient-preference.entity';
import { WebhookSubscriptionEntity } from '../webhook-subscriptions/webhook-subscription.entity';

/** Every table of the notifications database: messaging's outbox/inbox and notifications' own. */
export const NOTIFICATIONS_ENTITIES = [
  ...MESSAGING_ENTITIES,
  MunicipalityDirectoryEntity,
  RecipientEntity,
  RecipientPreferenceEntity,
  DeliveryEntity,
  WebhookSubscriptionEntity,
  InboxItemEntity,
  PendingProposalEntity,
  ProposalOutcomeEntity,
  EventProjectionEntity,
  EventParticipantEntity,
];

/** Migrations in order: messaging first, then notifications'. */
export const NOTIFICATIONS_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateNotificationsTables1795868825726,
  EventNotifications1796000000000,
  EventReminders1796000000001,
  ProposalOutcomes1796000000002,
];
