import { DataSource } from 'typeorm';
import { postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../src/database/registry.database';
import {
  IngestRejectionsService,
  REJECTION_RETENTION_DAYS,
  REJECTIONS_KEPT,
} from '../src/ingested-events/ingest-rejections.service';

describe(IngestRejectionsService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let rejections: IngestRejectionsService;

  beforeAll(async () => {
    db = await createTestDatabase('registry_rejections');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'registry-rejections-test',
        entities: REGISTRY_ENTITIES,
        migrations: REGISTRY_MIGRATIONS,
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource);
    rejections = new IngestRejectionsService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('record', () => {
    it('should store a sender-chosen text cut to its cap, without NUL, instead of failing', async () => {
      await rejections.record({
        path: 'http',
        reason: 'invalid-event',
        message: `a\u0000b${'x'.repeat(10_000)}`,
        keyId: `k${'y'.repeat(5_000)}`,
        eventId: 'cut-test',
        associationId: 'not-a-uuid',
      });
      const [item] = (await rejections.recent(1, 0)).items;
      expect(item).toMatchObject({ eventId: 'cut-test', path: 'http', reason: 'invalid-event' });
      expect(item.message).toHaveLength(500);
      expect(item.message.startsWith('a b')).toBe(true);
      expect(item.keyId).toHaveLength(200);
      expect(item.associationId).toBeUndefined();
    });

    it(`should keep only the newest ${REJECTIONS_KEPT} and none older than ${REJECTION_RETENTION_DAYS} days`, async () => {
      await dataSource.query(
        `INSERT INTO ingest_rejection (path, reason, message, event_id, received_at)
         SELECT 'http', 'unauthenticated', 'flood', 'flood-' || n, now() FROM generate_series(1, $1) n`,
        [REJECTIONS_KEPT - 1],
      );
      await dataSource.query(
        `INSERT INTO ingest_rejection (path, reason, message, event_id, received_at)
         VALUES ('kafka', 'invalid', 'old', 'too-old', now() - make_interval(days => $1 + 1))`,
        [REJECTION_RETENTION_DAYS],
      );

      await rejections.record({ path: 'kafka', reason: 'permanent', message: 'newest', eventId: 'newest' });

      // Ids 1 (cut-test) and 2 (flood-1) fall out by count; too-old, among the newest ids, by age.
      const page = await rejections.recent(2, 0);
      expect(page.total).toBe(REJECTIONS_KEPT - 1);
      expect(page.items.map((i) => i.eventId)).toEqual(['newest', `flood-${REJECTIONS_KEPT - 1}`]);
      const gone: { event_id: string }[] = await dataSource.query(
        `SELECT event_id FROM ingest_rejection WHERE event_id IN ('cut-test', 'flood-1', 'too-old')`,
      );
      expect(gone).toEqual([]);
    });
  });
});
