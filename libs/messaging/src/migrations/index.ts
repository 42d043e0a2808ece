import { CreateMessagingTables1764331200000 } from './1764331200000-create-messaging-tables';
import { CreateParkedEventTable1764331200100 } from './1764331200100-create-parked-event-table';

/** Migrations of the messaging tables, listed before a service's own migrations. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764331200000, CreateParkedEventTable1764331200100];
