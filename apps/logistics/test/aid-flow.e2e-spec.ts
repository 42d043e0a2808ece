import { randomUUID } from 'node:crypto';
import {
  AidRequestPublishedV1Event,
  AidRequestReminderDueV1Event,
  AidRequestSharedV1Event,
  AidRequestStatusChangedV1Event,
  PledgeFlaggedV1Event,
  PledgeMadeV1Event,
  ShipmentReceivedV1Event,
  ShipmentStatusChangedV1Event,
  Topics,
  type ShipmentReceivedV1,
  type ShipmentStatusChangedV1,
} from '@bridges/contracts';
import { Role } from '@bridges/platform';
import { waitUntil } from '@bridges/testing';
import type { ProbedRecord } from '@bridges/testing/kafka/topic-probe';
import { StaleRequestReminder } from '../src/aid-requests/stale-request.reminder';
import { MunicipalityProjectionEntity } from '../src/projection/municipality-projection.entity';
import { formatShipmentReference, isValidShipmentReference } from '../src/shipments/shipment-reference';
import { aidRequestBody, LogisticsWorld, type Partners } from './support/logistics-world';
import {
  contactErased,
  established,
  euProfile,
  hromadaProfile,
  registered,
  statusChanged,
} from './support/upstream-events';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const ofType = (type: string, key?: string) => (r: ProbedRecord) =>
  r.headers.ce_type === type && (key === undefined || r.key === key);

describe('aid logistics end to end (HTTP + Kafka, real PostgreSQL)', () => {
  let world: LogisticsWorld;

  beforeAll(async () => {
    world = await LogisticsWorld.start('logistics_flow');
  });

  afterAll(async () => {
    await world?.stop();
  });

  describe('partnership established → request → pledge → shipment → receipt → totals', () => {
    let partners: Partners;

    beforeAll(async () => {
      partners = await world.partners();
    });

    it('should carry aid from request to totals, with every step an event', async () => {
      const { hromada, eu, partnershipId } = partners;
      const hromadaToken = await world.officer(hromada.municipalityId);
      const euToken = await world.officer(eu.municipalityId);

      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(hromadaToken))
        .send(aidRequestBody(hromada.municipalityId, [20, 500]))
        .expect(201);
      const requestId = posted.body.id as string;
      expect(posted.headers.location).toBe(`/aid-requests/${requestId}`);
      expect(posted.headers.etag).toBe('"1"');
      expect(posted.body).toMatchObject({ status: 'open', hromadaName: hromada.nameNative });
      const published = await world.probe.waitFor(ofType(AidRequestPublishedV1Event.type, requestId));
      expect(published.value).toMatchObject({
        partnerIds: [eu.municipalityId],
        hromadaId: hromada.municipalityId,
      });

      const listed = await world.http().get('/aid-requests').set(auth(euToken)).expect(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(requestId);
      const [generators, medicine] = posted.body.lines as { id: string }[];

      const pledge = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(euToken))
        .send({
          lines: [
            { lineId: generators.id, quantity: 20 },
            { lineId: medicine.id, quantity: 500 },
          ],
          declaredValue: { amountMinor: 10_000_000, currency: 'EUR' },
        })
        .expect(201);
      expect(pledge.body).toMatchObject({ partnershipId, status: 'active', brokeredBy: null });
      await world.probe.waitFor(ofType(PledgeMadeV1Event.type, requestId));
      const toFull = await world.probe.waitFor(ofType(AidRequestStatusChangedV1Event.type, requestId));
      expect(toFull.value).toMatchObject({ from: 'open', to: 'fully-pledged' });

      const shipment = await world
        .http()
        .post('/shipments')
        .set(auth(euToken))
        .send({
          pledgeIds: [pledge.body.id],
          waybillNumber: 'LT-CMR-0457781',
          carrier: 'UAB Siauliu transportas',
          vehiclePlate: 'KLM 123',
          driver: { name: 'Jonas Jonaitis', phone: '+370 600 00000' },
          plannedBorderCrossing: 'Kalvarija',
          packages: 22,
          grossWeightKg: 11_000,
          documents: [{ document: 'CMR consignment note', ready: true }],
        })
        .expect(201);
      const shipmentId = shipment.body.id as string;
      expect(isValidShipmentReference(shipment.body.reference)).toBe(true);
      expect(shipment.body).toMatchObject({
        status: 'prepared',
        declaredValue: { amountMinor: 10_000_000, currency: 'EUR' },
        lines: [
          expect.objectContaining({ lineNo: 1, quantity: 20, unit: 'H87' }),
          expect.objectContaining({ lineNo: 2, quantity: 500, unit: 'KGM' }),
        ],
      });

      const found = await world
        .http()
        .get(`/shipments/by-reference/${shipment.body.reference}`)
        .set(auth(hromadaToken))
        .expect(200);
      expect(found.body.id).toBe(shipmentId);

      const step = (status: string, ifMatch?: string) => {
        const call = world.http().post(`/shipments/${shipmentId}/status`).set(auth(euToken));
        return (ifMatch ? call.set('If-Match', ifMatch) : call).send({ status, place: 'Kalvarija' });
      };
      await step('dispatched').expect(428);
      await step('dispatched', '"1"').expect(200);
      const stale = await step('at-border', '"1"').expect(412);
      expect(stale.headers.etag).toBe('"2"');
      await step('at-border', '"2"').expect(200);
      const backwards = await step('dispatched', '"3"').expect(409);
      expect(backwards.body).toMatchObject({
        code: 'SHIPMENT_INVALID_TRANSITION',
        from: 'at-border',
        to: 'dispatched',
        allowedTransitions: ['cleared', 'delivered', 'returned'],
      });

      const receipt = await world
        .http()
        .post(`/shipments/${shipmentId}/receipt`)
        .set(auth(hromadaToken))
        .send({
          lines: [
            { lineNo: 1, receivedQuantity: 20 },
            { lineNo: 2, receivedQuantity: 495, damagedQuantity: 3, note: 'Five boxes missing, three wet' },
          ],
        })
        .expect(201);
      expect(receipt.body).toMatchObject({
        hasDiscrepancies: true,
        lines: [
          expect.objectContaining({ lineNo: 1, discrepancy: 'none' }),
          expect.objectContaining({ lineNo: 2, discrepancy: 'short', damagedQuantity: 3 }),
        ],
      });
      const received = await world.probe.waitFor(ofType(ShipmentReceivedV1Event.type, shipmentId));
      expect((received.value as ShipmentReceivedV1).hasDiscrepancies).toBe(true);
      const steps = await world.probe.waitForCount(ofType(ShipmentStatusChangedV1Event.type, shipmentId), 5);
      expect(steps.map((r) => (r.value as ShipmentStatusChangedV1).to)).toEqual([
        'prepared',
        'dispatched',
        'at-border',
        'delivered',
        'received',
      ]);
      expect(steps.some((r) => JSON.stringify(r.value).includes('Jonas'))).toBe(false);

      const request = await world
        .http()
        .get(`/aid-requests/${requestId}`)
        .set(auth(hromadaToken))
        .expect(200);
      expect(request.body.lines.map((l: { received: number }) => l.received)).toEqual([20, 492]);
      expect(request.body.status).toBe('fully-pledged');

      const totals = await world
        .http()
        .get(`/totals?dimension=partnership&key=${partnershipId}`)
        .set(auth(euToken))
        .expect(200);
      expect(totals.body).toEqual([
        expect.objectContaining({
          shipments: 1,
          weightKg: 11_000,
          value: [{ currency: 'EUR', amountMinor: 10_000_000, amount: '100000.00' }],
          medianDaysToDelivery: 0,
        }),
      ]);
      const byCategory = await world
        .http()
        .get('/totals?dimension=category&key=energy')
        .set(auth(await world.coordinator()))
        .expect(200);
      expect(byCategory.body[0]).toMatchObject({
        shipments: 1,
        quantities: [{ unit: 'H87', quantity: 20 }],
        value: [{ currency: 'EUR', amountMinor: 10_000_000, amount: '100000.00' }],
      });
      const byCountry = await world
        .http()
        .get('/totals?dimension=country')
        .set(auth(await world.coordinator()));
      expect(byCountry.body).toEqual([
        expect.objectContaining({ key: 'LT', shipments: 1, weightKg: 11_000 }),
      ]);

      const csv = await world
        .http()
        .get('/exports/aid-flows.csv')
        .set(auth(await world.coordinator()))
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [, hashtags, flow] = csv.text.split('\r\n');
      expect(hashtags).toMatch(/^#date\+delivered,#activity\+code,#org\+donor,/);
      expect(flow).toContain(
        `${shipment.body.reference},${eu.nameLatin},LT,${hromada.nameNative},Івано-Франківська`,
      );
      expect(flow).toContain('11000,100000.00,EUR,received');
      expect(csv.text).not.toMatch(/Jonas|\+370/);
      await world.http().get('/exports/aid-flows.csv').set(auth(euToken)).expect(403);
    });

    it('should answer a second receipt of a received shipment with 409 RECEIPT_ALREADY_RECORDED', async () => {
      const [shipment] = (
        await world
          .http()
          .get(`/shipments?municipalityId=${partners.hromada.municipalityId}&status=received`)
          .set(auth(await world.coordinator()))
          .expect(200)
      ).body.items as { id: string }[];
      const again = await world
        .http()
        .post(`/shipments/${shipment.id}/receipt`)
        .set(auth(await world.officer(partners.hromada.municipalityId)))
        .send({
          lines: [
            { lineNo: 1, receivedQuantity: 1 },
            { lineNo: 2, receivedQuantity: 1 },
          ],
        })
        .expect(409);
      expect(again.body.code).toBe('RECEIPT_ALREADY_RECORDED');
    });

    it('should stop showing a delivery contact once the registry erased it', async () => {
      const { hromada } = partners;
      const contactId = hromada.contacts[0].contactId;
      const token = await world.officer(hromada.municipalityId);
      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(token))
        .send(
          aidRequestBody(hromada.municipalityId, [5], { deliveryPoint: { address: 'Долина', contactId } }),
        )
        .expect(201);
      expect(posted.body.deliveryPoint.contact).toMatchObject({ contactId, name: 'Олена Петренко' });

      await world.send(Topics.registry.municipality, contactErased(hromada.municipalityId, contactId, 2));
      await waitUntil(
        async () =>
          (
            await world.dataSource.getRepository(MunicipalityProjectionEntity).findOneByOrFail({
              municipalityId: hromada.municipalityId,
            })
          ).contacts.length === 0,
        30_000,
        'contact erased',
      );
      const after = await world.http().get(`/aid-requests/${posted.body.id}`).set(auth(token)).expect(200);
      expect(after.body.deliveryPoint.contact).toBeNull();
    });
  });

  describe('access (the platform rule: not yours is 404, no role is 403)', () => {
    let partners: Partners;
    let requestId: string;
    let lineId: string;

    beforeAll(async () => {
      partners = await world.partners();
      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.officer(partners.hromada.municipalityId)))
        .send(aidRequestBody(partners.hromada.municipalityId, [100]))
        .expect(201);
      requestId = posted.body.id;
      lineId = posted.body.lines[0].id;
    });

    it('should answer a non-partner EU officer 404 on read and pledge, and write nothing', async () => {
      const stranger = await world.municipality(euProfile());
      const token = await world.officer(stranger.municipalityId);
      const before = await world.writtenRows();
      const read = await world.http().get(`/aid-requests/${requestId}`).set(auth(token)).expect(404);
      expect(read.body.code).toBe('AID_REQUEST_NOT_FOUND');
      const pledge = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(token))
        .send({ lines: [{ lineId, quantity: 1 }] })
        .expect(404);
      expect(pledge.body.code).toBe('AID_REQUEST_NOT_FOUND');
      const listed = await world.http().get('/aid-requests').set(auth(token)).expect(200);
      expect(listed.body.items).toEqual([]);
      expect(await world.writtenRows()).toEqual(before);
    });

    it('should let the partners of a partnership recorded by a coordinator (formed before Bridges) pledge', async () => {
      const recordedPair = await world.partners({ recordedByCoordinator: true });
      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.officer(recordedPair.hromada.municipalityId)))
        .send(aidRequestBody(recordedPair.hromada.municipalityId, [10]))
        .expect(201);
      const pledge = await world
        .http()
        .post(`/aid-requests/${posted.body.id}/pledges`)
        .set(auth(await world.officer(recordedPair.eu.municipalityId)))
        .send({ lines: [{ lineId: posted.body.lines[0].id, quantity: 10 }] })
        .expect(201);
      expect(pledge.body).toMatchObject({ partnershipId: recordedPair.partnershipId });
    });

    it('should answer the partner of another hromada 404 for this hromada’s request', async () => {
      const other = await world.partners();
      const res = await world
        .http()
        .get(`/aid-requests/${requestId}`)
        .set(auth(await world.officer(other.eu.municipalityId)))
        .expect(404);
      expect(res.body.code).toBe('AID_REQUEST_NOT_FOUND');
    });

    it('should answer an officer acting for another municipality 404 and another console’s coordinator 403', async () => {
      const other = await world.municipality(hromadaProfile());
      const body = aidRequestBody(partners.hromada.municipalityId);
      const foreign = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.officer(other.municipalityId)))
        .send(body)
        .expect(404);
      expect(foreign.body.code).toBe('MUNICIPALITY_NOT_FOUND');
      await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.token([Role.MatchingCoordinator])))
        .send(body)
        .expect(403);
      await world
        .http()
        .get(`/aid-requests/${requestId}`)
        .set(auth(await world.token([Role.RegistryCoordinator])))
        .expect(403);
      await world.http().get(`/aid-requests/${requestId}`).expect(401);
    });

    it('should let a coordinator record association-brokered aid for a non-partner, marked as such', async () => {
      const donor = await world.municipality(euProfile({ country: 'PL' }));
      const res = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(await world.coordinator()))
        .send({
          euMunicipalityId: donor.municipalityId,
          brokeredBy: 'Związek Miast Polskich',
          lines: [{ lineId, quantity: 10 }],
        })
        .expect(201);
      expect(res.body).toMatchObject({ brokeredBy: 'Związek Miast Polskich', partnershipId: null });
      const officerTry = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(await world.officer(partners.eu.municipalityId)))
        .send({ brokeredBy: 'Anyone', lines: [{ lineId, quantity: 1 }] })
        .expect(403);
      expect(officerTry.body.code).toBe('PLEDGE_BROKERED_BY_COORDINATORS_ONLY');
    });

    it('should flag open pledges when the partnership goes dormant and refuse new ones (409)', async () => {
      const { hromada, eu, partnershipId } = partners;
      const euToken = await world.officer(eu.municipalityId);
      const pledge = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(euToken))
        .send({ lines: [{ lineId, quantity: 5 }] })
        .expect(201);

      await world.send(
        Topics.matching.partnership,
        statusChanged(partnershipId, hromada.municipalityId, eu.municipalityId, 'established', 'dormant'),
      );
      const flagged = await world.probe.waitFor(
        (r) =>
          r.headers.ce_type === PledgeFlaggedV1Event.type &&
          (r.value as { pledgeId: string }).pledgeId === pledge.body.id,
        30_000,
      );
      expect(flagged.value).toMatchObject({ partnershipId, partnershipStatus: 'dormant' });
      const kept = await world.http().get(`/pledges/${pledge.body.id}`).set(auth(euToken)).expect(200);
      expect(kept.body).toMatchObject({ status: 'active', flaggedPartnershipStatus: 'dormant' });

      const refused = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(euToken))
        .send({ lines: [{ lineId, quantity: 1 }] })
        .expect(409);
      expect(refused.body.code).toBe('LOGISTICS_PARTNERSHIP_NOT_ACTIVE');
    });
  });

  describe('requests published before a partner could see them', () => {
    it('should share the open requests with a partner once aid starts flowing, once per start', async () => {
      const { hromada } = await world.partners();
      const hromadaToken = await world.officer(hromada.municipalityId);
      const open = await world
        .http()
        .post('/aid-requests')
        .set(auth(hromadaToken))
        .send(aidRequestBody(hromada.municipalityId, [20, 500]))
        .expect(201);
      const draft = await world
        .http()
        .post('/aid-requests')
        .set(auth(hromadaToken))
        .send({ ...aidRequestBody(hromada.municipalityId, [3]), publish: false })
        .expect(201);
      const newcomer = await world.municipality(euProfile());
      const partnershipId = randomUUID();
      const establishedRecord = established(hromada.municipalityId, newcomer.municipalityId, partnershipId);
      await world.send(Topics.matching.partnership, establishedRecord);
      await world.waitForPartnership(partnershipId);

      const sharedWith = (partnerId: string) => (r: ProbedRecord) =>
        r.headers.ce_type === AidRequestSharedV1Event.type &&
        (r.value as { partnerId: string }).partnerId === partnerId;
      const shared = await world.probe.waitFor(sharedWith(newcomer.municipalityId), 30_000);
      expect(shared.key).toBe(open.body.id);
      expect(shared.value).toMatchObject({
        requestId: open.body.id,
        hromadaId: hromada.municipalityId,
        partnershipId,
        lines: [expect.objectContaining({ quantity: 20 }), expect.objectContaining({ quantity: 500 })],
      });
      const listed = await world
        .http()
        .get('/aid-requests')
        .set(auth(await world.officer(newcomer.municipalityId)))
        .expect(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(open.body.id);

      // A second announcement of the same partnership is no news; the draft was never shared.
      await world.send(
        Topics.matching.partnership,
        established(hromada.municipalityId, newcomer.municipalityId, partnershipId),
      );
      // Dormant → active: aid flows again, so what is still open is shared again.
      await world.send(
        Topics.matching.partnership,
        statusChanged(
          partnershipId,
          hromada.municipalityId,
          newcomer.municipalityId,
          'established',
          'dormant',
        ),
      );
      await world.waitForPartnership(partnershipId, 'dormant');
      const reactivatedAt = Date.now();
      await world.send(
        Topics.matching.partnership,
        statusChanged(partnershipId, hromada.municipalityId, newcomer.municipalityId, 'dormant', 'active'),
      );
      const sharedAgain = (r: ProbedRecord) =>
        sharedWith(newcomer.municipalityId)(r) &&
        Date.parse((r.value as { sharedAt: string }).sharedAt) >= reactivatedAt;
      await world.probe.waitFor(sharedAgain, 30_000);
      // Same key, one partition: a share caused by the replay would have arrived before this one.
      const all = world.probe.all().filter(sharedWith(newcomer.municipalityId));
      expect(all.map((r) => r.key)).toEqual([open.body.id, open.body.id]);
      expect(all.map((r) => r.key)).not.toContain(draft.body.id);
    });
  });

  describe('reminders of stale requests', () => {
    it('should remind the partners once per period of a request open too long, on any number of runs', async () => {
      const { hromada, eu } = await world.partners();
      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.officer(hromada.municipalityId)))
        .send(aidRequestBody(hromada.municipalityId, [10, 4]))
        .expect(201);
      await world
        .http()
        .post(`/aid-requests/${posted.body.id}/pledges`)
        .set(auth(await world.officer(eu.municipalityId)))
        .send({ lines: [{ lineId: posted.body.lines[0].id, quantity: 10 }] })
        .expect(201);
      const reminder = world.app.get(StaleRequestReminder);
      expect(await reminder.remindDue()).not.toContain(posted.body.id);

      await world.dataSource.query(
        `UPDATE aid_request SET published_at = now() - interval '15 days' WHERE id = $1`,
        [posted.body.id],
      );
      const [first, second] = await Promise.all([reminder.remindDue(), reminder.remindDue()]);
      expect([...first, ...second].filter((id) => id === posted.body.id)).toHaveLength(1);
      expect(await reminder.remindDue()).not.toContain(posted.body.id);
      const event = await world.probe.waitFor(ofType(AidRequestReminderDueV1Event.type, posted.body.id));
      expect(event.value).toMatchObject({
        partnerIds: [eu.municipalityId],
        lines: [expect.objectContaining({ lineId: posted.body.lines[1].id, quantity: 4 })],
      });

      await world.dataSource.query(
        `UPDATE aid_request SET reminded_at = now() - interval '15 days' WHERE id = $1`,
        [posted.body.id],
      );
      expect(await reminder.remindDue()).toContain(posted.body.id);
    });
  });

  describe('Idempotency-Key', () => {
    it('should return the first result for a retry, create nothing twice, and refuse another body with 422', async () => {
      const { hromada } = await world.partners();
      const token = await world.officer(hromada.municipalityId);
      const key = randomUUID();
      const body = aidRequestBody(hromada.municipalityId, [7]);
      const first = await world
        .http()
        .post('/aid-requests')
        .set(auth(token))
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      const retries = await Promise.all(
        Array.from({ length: 5 }, () =>
          world.http().post('/aid-requests').set(auth(token)).set('Idempotency-Key', key).send(body),
        ),
      );
      for (const retry of retries) {
        expect(retry.status).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.body).toEqual(first.body);
      }
      const [{ n }] = await world.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM aid_request WHERE hromada_id = $1`,
        [hromada.municipalityId],
      );
      expect(n).toBe(1);
      const other = await world
        .http()
        .post('/aid-requests')
        .set(auth(token))
        .set('Idempotency-Key', key)
        .send({ ...body, title: 'Something else' })
        .expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('hostile input', () => {
    let partners: Partners;
    let requestId: string;
    let lineId: string;

    beforeAll(async () => {
      partners = await world.partners();
      const posted = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.officer(partners.hromada.municipalityId)))
        .send(aidRequestBody(partners.hromada.municipalityId, [10]))
        .expect(201);
      requestId = posted.body.id;
      lineId = posted.body.lines[0].id;
    });

    const badLine = (line: object) => ({
      ...aidRequestBody(randomUUID()),
      lines: [{ ...aidRequestBody(randomUUID()).lines[0], ...line }],
    });

    it.each([
      ['a negative quantity', () => badLine({ quantity: -5 }), 'lines[0].quantity'],
      ['a huge quantity', () => badLine({ quantity: 1e15 }), 'lines[0].quantity'],
      ['a fractional quantity', () => badLine({ quantity: 1.5 }), 'lines[0].quantity'],
      ['an unknown unit', () => badLine({ unit: 'BUCKETS' }), 'lines[0].unit'],
      ['an unknown category', () => badLine({ category: 'weapons' }), 'lines[0].category'],
      ['an unknown field', () => ({ ...aidRequestBody(randomUUID()), sneaky: true }), 'sneaky'],
      ['no lines', () => ({ ...aidRequestBody(randomUUID()), lines: [] }), 'lines'],
      [
        'no delivery point',
        () => ({ ...aidRequestBody(randomUUID()), deliveryPoint: undefined }),
        'deliveryPoint',
      ],
    ])(
      'should refuse a request with %s (400 naming the field) and write nothing',
      async (_what, body, field) => {
        const before = await world.writtenRows();
        const res = await world
          .http()
          .post('/aid-requests')
          .set(auth(await world.coordinator()))
          .set('Idempotency-Key', randomUUID())
          .send(body())
          .expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await world.writtenRows()).toEqual(before);
      },
    );

    it.each([
      [
        'an unknown currency',
        { declaredValue: { amountMinor: 100, currency: 'XBT' } },
        'declaredValue.currency',
      ],
      [
        'a decimal amount',
        { declaredValue: { amountMinor: 10.5, currency: 'EUR' } },
        'declaredValue.amountMinor',
      ],
      [
        'a negative amount',
        { declaredValue: { amountMinor: -1, currency: 'EUR' } },
        'declaredValue.amountMinor',
      ],
    ])('should refuse a pledge with %s (400) and write nothing', async (_what, extra, field) => {
      const before = await world.writtenRows();
      const res = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(await world.officer(partners.eu.municipalityId)))
        .send({ lines: [{ lineId, quantity: 1 }], ...extra })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await world.writtenRows()).toEqual(before);
    });

    it('should refuse more than is unpledged with 409 naming what is left, and write nothing', async () => {
      const before = await world.writtenRows();
      const res = await world
        .http()
        .post(`/aid-requests/${requestId}/pledges`)
        .set(auth(await world.officer(partners.eu.municipalityId)))
        .send({ lines: [{ lineId, quantity: 11 }] })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'PLEDGE_EXCEEDS_UNPLEDGED' });
      expect(await world.writtenRows()).toEqual(before);
    });

    it.each([
      ['a wrong check digit', wrongCheckDigit(formatShipmentReference(2026, 123)), /check digit/],
      ['a bad shape', 'BR-26-1-1', /must look like/],
    ])('should refuse a reference with %s (400 naming it)', async (_what, reference, message) => {
      const res = await world
        .http()
        .get(`/shipments/by-reference/${reference}`)
        .set(auth(await world.coordinator()))
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'reference', messages: [expect.stringMatching(message)] }]);
    });

    it('should refuse an oversized body before it reaches the service, writing nothing', async () => {
      const before = await world.writtenRows();
      const res = await world
        .http()
        .post('/aid-requests')
        .set(auth(await world.coordinator()))
        .send({ ...aidRequestBody(partners.hromada.municipalityId), description: 'x'.repeat(2_000_000) });
      expect([400, 413]).toContain(res.status);
      expect(await world.writtenRows()).toEqual(before);
    });
  });

  describe('events out of order and poison events', () => {
    it('should park a partnership whose municipalities have not arrived yet and resume it when they do', async () => {
      const hromada = hromadaProfile();
      const eu = euProfile();
      const partnershipId = randomUUID();
      await world.send(
        Topics.matching.partnership,
        established(hromada.municipalityId, eu.municipalityId, partnershipId),
      );
      await waitUntil(
        async () =>
          (
            await world.dataSource.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM parked_event WHERE aggregate_key = $1`,
              [partnershipId],
            )
          )[0].n === 1,
        30_000,
        'partnership parked',
      );
      await world.send(Topics.registry.municipality, registered(hromada), registered(eu));
      await world.waitForPartnership(partnershipId, 'established');
      const [{ n }] = await world.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM parked_event WHERE aggregate_key = $1`,
        [partnershipId],
      );
      expect(n).toBe(0);
    });

    it('should dead-letter malformed and contract-breaking partnership events with the reason', async () => {
      const broken = established('not-a-uuid', randomUUID());
      await world.send(Topics.matching.partnership, {
        key: 'poison-1',
        value: '{not json',
        headers: broken.headers,
      });
      await world.send(Topics.matching.partnership, { ...broken, key: 'poison-2' });
      const dlq = world.topic(`${Topics.matching.partnership}.dlq`);
      const [notJson, invalid] = await Promise.all([
        world.probe.waitFor((r) => r.topic === dlq && r.key === 'poison-1', 30_000),
        world.probe.waitFor((r) => r.topic === dlq && r.key === 'poison-2', 30_000),
      ]);
      expect(notJson.headers.dlq_error_kind).toBe('invalid');
      expect(invalid.headers.dlq_error_kind).toBe('invalid');
      expect(invalid.headers.dlq_reason).toMatch(/hromadaId/);
    });
  });
});

/** The same reference with another check digit: one mistyped character. */
function wrongCheckDigit(reference: string): string {
  return `${reference.slice(0, -1)}${(Number(reference.slice(-1)) + 1) % 10}`;
}
