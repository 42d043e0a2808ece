import {
  DEMO_FORUM_TITLE,
  DEMO_SUMMER_SCHOOL_TITLE,
  seedDemoEvents,
} from '../../../tools/dev/seed-demo-events';
import { startEventsCluster, type EventsTestCluster } from './support/events-test-app';

/** `npm start`'s demo events, seeded over HTTP into a real events service. */
describe(seedDemoEvents.name, () => {
  let cluster: EventsTestCluster;
  let url: string;

  const statusCounts = (title: string) =>
    cluster.dataSource.query<{ country: string; status: string; minors: number; n: number }[]>(
      `SELECT p.country, p.status, count(*) FILTER (WHERE p.is_minor AND p.guardian_consent_at IS NOT NULL)::int AS minors,
              count(*)::int AS n
         FROM participant p JOIN event e ON e.id = p.event_id WHERE e.title_en = $1
        GROUP BY p.country, p.status ORDER BY p.country, p.status`,
      [title],
    );

  beforeAll(async () => {
    cluster = await startEventsCluster(1);
    await cluster.instances[0].listen(0, '127.0.0.1');
    url = await cluster.instances[0].getUrl();
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it('should create the partly filled forum with a Polish waiting list and the summer school for 36 children, and nothing twice', async () => {
    expect(await seedDemoEvents(url)).toEqual({ forum: 'created', summerSchool: 'created' });
    expect(await seedDemoEvents(url)).toEqual({ forum: 'existing', summerSchool: 'existing' });

    expect(await statusCounts(DEMO_FORUM_TITLE)).toEqual([
      { country: 'PL', status: 'confirmed', minors: 0, n: 150 },
      { country: 'PL', status: 'waitlisted', minors: 0, n: 10 },
      { country: 'UA', status: 'confirmed', minors: 0, n: 140 },
    ]);
    expect(await statusCounts(DEMO_SUMMER_SCHOOL_TITLE)).toEqual([
      { country: 'UA', status: 'confirmed', minors: 36, n: 40 },
    ]);
    const [{ n }] = await cluster.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM event WHERE status = 'published'`,
    );
    expect(n).toBe(2);
  });
});
