import { DataSource } from 'typeorm';
import { findSchemaDrift, postgresDataSourceOptions, runMigrationsUnderLock } from '@bridges/persistence';
import { createTestDatabase, type TestDatabase } from '@bridges/testing';
import { EVENTS_ENTITIES, EVENTS_MIGRATIONS } from '../src/database/events.database';

const EVENT_ID = '0b7e5b7a-51f8-4d9e-9a3f-1f2e3d4c5b6a';

describe('events database schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('events_schema');
    dataSource = await new DataSource(
      postgresDataSourceOptions({
        url: db.url,
        applicationName: 'events-schema',
        entities: EVENTS_ENTITIES,
        migrations: EVENTS_MIGRATIONS,
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource);
    await dataSource.query(
      `INSERT INTO event (id, kind, status, title_uk, title_en, organiser_type, format, starts_at, ends_at, time_zone,
         working_languages, interpretation_languages, capacity, seats_held, approval_required, access, offer_hold_minutes)
       VALUES ($1, 'webinar', 'published', 'т', 't', 'coordinators', 'online', now(), now() + interval '1 hour', 'UTC',
         '{uk}', '{}', 2, 2, false, 'open', 60)`,
      [EVENT_ID],
    );
    await dataSource.query(
      `INSERT INTO event_quota (event_id, dimension, key, seats, held) VALUES ($1, 'country', 'PL', 1, 1)`,
      [EVENT_ID],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('findSchemaDrift', () => {
    it('should find no difference between entities and migrations when all migrations ran', async () => {
      expect(await findSchemaDrift(dataSource)).toEqual([]);
    });
  });

  describe('ck_event_seats_within_capacity', () => {
    it('should refuse more seats held than capacity whatever the code does', async () => {
      await expect(
        dataSource.query(`UPDATE event SET seats_held = 3 WHERE id = $1`, [EVENT_ID]),
      ).rejects.toThrow(/ck_event_seats_within_capacity/);
    });
  });

  describe('ck_event_quota_within_seats', () => {
    it('should refuse more seats held in a quota than its seats', async () => {
      await expect(
        dataSource.query(`UPDATE event_quota SET held = 2 WHERE event_id = $1`, [EVENT_ID]),
      ).rejects.toThrow(/ck_event_quota_within_seats/);
    });
  });

  describe('ux_event_partnership', () => {
    it('should refuse a second event for one partnership', async () => {
      const insert = (id: string) =>
        dataSource.query(
          `INSERT INTO event (id, kind, status, title_uk, title_en, organiser_type, format, starts_at, ends_at, time_zone,
             working_languages, interpretation_languages, capacity, approval_required, access, offer_hold_minutes, partnership_id)
           VALUES ($1, 'bilateral-kick-off-meeting', 'draft', 'т', 't', 'coordinators', 'online', now(), now(), 'UTC',
             '{uk}', '{}', 20, false, 'invitation-only', 60, '9d1f0c2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f')`,
          [id],
        );
      await insert('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
      await expect(insert('2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a')).rejects.toThrow(/ux_event_partnership/);
    });
  });
});
