import { isValidShipmentReference } from '../src/shipments/shipment-reference';
import { aidRequestBody, LogisticsWorld } from './support/logistics-world';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The reference grammar `BR-YYYY-NNNNNN-C` has room for 999,999 numbers: the last one is used, and past
 * it preparing a shipment is a 409 with a code that says so — never a 500 — and writes nothing.
 */
describe('shipment reference numbers at the end of the grammar (HTTP, real PostgreSQL)', () => {
  let world: LogisticsWorld;

  beforeAll(async () => {
    world = await LogisticsWorld.start('logistics_references');
  });

  afterAll(async () => {
    await world?.stop();
  });

  /** A pledge of a fresh request, ready to ship, and the EU officer's token. */
  const pledged = async () => {
    const { hromada, eu } = await world.partners();
    const posted = await world
      .http()
      .post('/aid-requests')
      .set(auth(await world.officer(hromada.municipalityId)))
      .send(aidRequestBody(hromada.municipalityId, [10]))
      .expect(201);
    const token = await world.officer(eu.municipalityId);
    const pledge = await world
      .http()
      .post(`/aid-requests/${posted.body.id}/pledges`)
      .set(auth(token))
      .send({ lines: [{ lineId: posted.body.lines[0].id, quantity: 10 }] })
      .expect(201);
    return { pledgeId: pledge.body.id as string, token };
  };
  const ship = (pledgeId: string, token: string) =>
    world
      .http()
      .post('/shipments')
      .set(auth(token))
      .send({ pledgeIds: [pledgeId], packages: 1, grossWeightKg: 100 });

  it('should give the last number, 999999, a valid reference', async () => {
    const { pledgeId, token } = await pledged();
    await world.dataSource.query(`SELECT setval('shipment_reference_seq', 999998)`);

    const res = await ship(pledgeId, token);

    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^BR-\d{4}-999999-\d$/);
    expect(isValidShipmentReference(res.body.reference)).toBe(true);
  });

  it('should answer 409 SHIPMENT_REFERENCES_EXHAUSTED past 999999 and write nothing', async () => {
    const { pledgeId, token } = await pledged();
    await world.dataSource.query(`SELECT setval('shipment_reference_seq', 999999)`);
    const before = await world.writtenRows();

    const res = await ship(pledgeId, token);

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SHIPMENT_REFERENCES_EXHAUSTED');
    expect(await world.writtenRows()).toEqual(before);
    const pledge = await world.http().get(`/pledges/${pledgeId}`).set(auth(token)).expect(200);
    expect(pledge.body.status).toBe('active');
  });
});
