import { randomUUID } from 'node:crypto';
import { delegation, forumBody } from './support/event.factory';
import { bearer, startEventsCluster, tokens, type EventsTestCluster } from './support/events-test-app';

/**
 * Two coordinators editing the same event: a change names the version it was made on (If-Match), so the
 * second of two edits of the same version is refused with 412 instead of silently overwriting the first.
 */
describe('editing an event against the version read (real PostgreSQL, two instances)', () => {
  let cluster: EventsTestCluster;
  let coordinator: string;

  const draft = async (): Promise<string> => {
    const created = await cluster
      .http()
      .post('/events')
      .set('Authorization', coordinator)
      .send(forumBody())
      .expect(201);
    return (created.body as { id: string }).id;
  };
  const stored = async (id: string) => {
    const [row] = await cluster.dataSource.query<{ title_en: string; version: number }[]>(
      'SELECT title_en, version FROM event WHERE id = $1',
      [id],
    );
    return row;
  };
  const patch = (id: string, body: Record<string, unknown>, ifMatch?: string, instance = 0) => {
    const req = cluster.http(instance).patch(`/events/${id}`).set('Authorization', coordinator);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };

  beforeAll(async () => {
    cluster = await startEventsCluster(2);
    coordinator = await bearer(tokens.coordinator());
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it('should refuse a change without If-Match (428), changing nothing', async () => {
    const id = await draft();
    const read = await cluster.http().get(`/events/${id}`).set('Authorization', coordinator).expect(200);
    expect(read.body.version).toBe(1);

    const blind = await patch(id, { titleEn: 'Blind overwrite' });
    expect(blind.status).toBe(428);
    expect(blind.body.message).toMatch(/If-Match/);
    expect(await stored(id)).toEqual({ title_en: forumBody().titleEn, version: 1 });
  });

  it('should never answer 304 with stale seats: a registration changes the representation, not the version', async () => {
    const id = await draft();
    await cluster
      .http()
      .post(`/events/${id}/status`)
      .set('Authorization', coordinator)
      .send({ status: 'published' })
      .expect(200);
    const before = await cluster.http().get(`/events/${id}`).set('Authorization', coordinator).expect(200);
    const officer = await bearer(tokens.officer(randomUUID()));
    await cluster
      .http()
      .post(`/events/${id}/registrations`)
      .set('Authorization', officer)
      .send(delegation('UA', 1))
      .expect(201);

    // A browser revalidating its cached copy sends the ETag it got.
    const again = await cluster
      .http()
      .get(`/events/${id}`)
      .set('Authorization', coordinator)
      .set('If-None-Match', before.headers.etag);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(before.body.version);
    expect(again.body.seatsFree).toBe(before.body.seatsFree - 1);
  });

  it('should refuse the second edit of the same version with 412 and the current ETag, keeping the first', async () => {
    const id = await draft();
    const first = await patch(id, { titleEn: 'Solidarity Forum 2027' }, '"1"').expect(200);
    expect(first.body).toMatchObject({ version: 2, titleEn: 'Solidarity Forum 2027' });

    const second = await patch(id, { titleEn: 'Solidarity Forum (old copy)' }, '"1"', 1);
    expect(second.status).toBe(412);
    expect(second.headers.etag).toBe('"2"');
    expect(second.body).toMatchObject({ code: 'EVENT_VERSION_MISMATCH' });
    expect(second.body.message).toMatch(/you sent version 1, the current one is 2/);
    expect(await stored(id)).toEqual({ title_en: 'Solidarity Forum 2027', version: 2 });
  });

  it('should refuse a weak ETag (412) and a malformed one (400)', async () => {
    const id = await draft();
    expect((await patch(id, { titleEn: 'x' }, 'W/"1"')).status).toBe(412);
    expect((await patch(id, { titleEn: 'x' }, 'latest')).status).toBe(400);
    expect(await stored(id)).toEqual({ title_en: forumBody().titleEn, version: 1 });
  });

  it('should let exactly one of two simultaneous edits of the same version through, on two instances', async () => {
    const id = await draft();
    const [a, b] = await Promise.all([
      patch(id, { titleEn: 'Edit A' }, '"1"', 0),
      patch(id, { titleEn: 'Edit B' }, '"1"', 1),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'Edit A' : 'Edit B';
    expect(await stored(id)).toEqual({ title_en: winner, version: 2 });
  });
});
