import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@bridges/messaging';
import { AssociationApiKeyEntity } from '../associations/association-api-key.entity';
import { AssociationEntity } from '../associations/association.entity';
import { IngestReceiptEntity } from '../ingest/ingest-receipt.entity';
import { ImportRunEntity } from '../import-runs/import-run.entity';
import { IngestRequestEntity } from '../ingest/ingest-request.entity';
import { CreateRegistryTables1764400000000 } from '../migrations/1764400000000-create-registry-tables';
import { IngestReplayByRequestDigest1795995965299 } from '../migrations/1795995965299-ingest-replay-by-request-digest';
import { MunicipalityIndicators1796000000000 } from '../migrations/1796000000000-municipality-indicators';
import { ImportRuns1796100000000 } from '../migrations/1796100000000-import-runs';
import { IngestRejections1796200000000 } from '../migrations/1796200000000-ingest-rejections';
import { IngestRejectionEntity } from '../ingested-events/ingest-rejection.entity';
import { MunicipalityEntity } from '../municipalities/municipality.entity';

/** Every table of the registry database: the messaging tables plus its own. */
export const REGISTRY_ENTITIES = [
  ...MESSAGING_ENTITIES,
  MunicipalityEntity,
  AssociationEntity,
  AssociationApiKeyEntity,
  IngestReceiptEntity,
  IngestRequestEntity,
  ImportRunEntity,
  IngestRejectionEntity,
];

/** Messaging migrations first, then the registry's own, in order. */
export const REGISTRY_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateRegistryTables1764400000000,
  IngestReplayByRequestDigest1795995965299,
  MunicipalityIndicators1796000000000,
  ImportRuns1796100000000,
  IngestRejections1796200000000,
];
