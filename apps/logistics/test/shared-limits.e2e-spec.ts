import { randomUUID } from 'node:crypto';
import { aidRequestBody, LogisticsWorld, type Partners } from './support/logistics-world';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The shared limits of aid logistics hold under concurrency, enforced by the database: pledges never take
 * more than a line asks for, and a shipment gets one goods received note, whatever arrives at once.
 */
describe('aid logistics shared limits under concurrency (HTTP, real PostgreSQL)', () => {
  let world: LogisticsWorld;

  beforeAll(async () => {
    world = await LogisticsWorld.start('logistics_limits');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('should never pledge more than a line asks for when 50 pledges from 5 partners arrive at once', async () => {
    const first = await world.partners();
    const hromadaId = first.hromada.municipalityId;
    const more: Partners[] = [];
    for (let i = 0; i < 4; i++) more.push(await world.partners({ hromada: { municipalityId: hromadaId } }));
    const partners = [first, ...more];
    const posted = await world
      .http()
      .post('/aid-requests')
      .set(auth(await world.officer(hromadaId)))
      .send(aidRequestBody(hromadaId, [100]))
      .expect(201);
    const lineId = posted.body.lines[0].id as string;
    const tokens = await Promise.all(partners.map((p) => world.officer(p.eu.municipalityId)));

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        world
          .http()
          .post(`/aid-requests/${posted.body.id}/pledges`)
          .set(auth(tokens[i % tokens.length]))
          .send({ lines: [{ lineId, quantity: 7 }] }),
      ),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(14); // 14 × 7 = 98 ≤ 100 < 105
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.code).toBe('PLEDGE_EXCEEDS_UNPLEDGED');
    const [line] = await world.dataSource.query<{ pledged: number; promised: number }[]>(
      `SELECT l.pledged, (SELECT sum(quantity)::int FROM pledge_line WHERE line_id = l.id) AS promised
         FROM aid_request_line l WHERE l.id = $1`,
      [lineId],
    );
    expect(line).toEqual({ pledged: 98, promised: 98 });
  });

  it('should record one receipt when 20 receipts of one shipment arrive at once', async () => {
    const { hromada, eu } = await world.partners();
    const hromadaToken = await world.officer(hromada.municipalityId);
    const euToken = await world.officer(eu.municipalityId);
    const posted = await world
      .http()
      .post('/aid-requests')
      .set(auth(hromadaToken))
      .send(aidRequestBody(hromada.municipalityId, [10]))
      .expect(201);
    const pledge = await world
      .http()
      .post(`/aid-requests/${posted.body.id}/pledges`)
      .set(auth(euToken))
      .send({ lines: [{ lineId: posted.body.lines[0].id, quantity: 10 }] })
      .expect(201);
    const shipment = await world
      .http()
      .post('/shipments')
      .set(auth(euToken))
      .send({ pledgeIds: [pledge.body.id], packages: 1, grossWeightKg: 120.5 })
      .expect(201);
    await world
      .http()
      .post(`/shipments/${shipment.body.id}/status`)
      .set(auth(euToken))
      .set('If-Match', '"1"')
      .send({ status: 'dispatched' })
      .expect(200);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        world
          .http()
          .post(`/shipments/${shipment.body.id}/receipt`)
          .set(auth(hromadaToken))
          .set('Idempotency-Key', randomUUID())
          .send({ lines: [{ lineNo: 1, receivedQuantity: 10 }] }),
      ),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.code).toBe('RECEIPT_ALREADY_RECORDED');
    const [{ receipts, received, delivered }] = await world.dataSource.query<
      { receipts: number; received: number; delivered: number }[]
    >(
      `SELECT (SELECT count(*)::int FROM receipt WHERE shipment_id = $1) AS receipts,
              (SELECT received FROM aid_request_line WHERE request_id = $2) AS received,
              (SELECT amount::int FROM aid_total WHERE dimension = 'hromada' AND dimension_key = $3
                 AND period = 'all' AND measure = 'shipments') AS delivered`,
      [shipment.body.id, posted.body.id, hromada.municipalityId],
    );
    expect({ receipts, received, delivered }).toEqual({ receipts: 1, received: 10, delivered: 1 });
  });
});
