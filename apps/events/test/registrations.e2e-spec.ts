import { randomUUID } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import { delegation, forumBody, person } from './support/event.factory';
import { bearer, startEventsCluster, tokens, type EventsTestCluster } from './support/events-test-app';

/**
 * Registrations over HTTP: who may see and register what, the online link only for confirmed people,
 * hostile input refused with nothing written, minors, substitution, approval, check-in and exports.
 */
describe('registrations over HTTP (real Kafka and PostgreSQL)', () => {
  let cluster: EventsTestCluster;
  let coordinator: string;
  const hromadaA = randomUUID();
  const hromadaB = randomUUID();
  let officerA: string;
  let officerB: string;

  const createPublished = async (overrides: Record<string, unknown>): Promise<string> => {
    const created = await cluster
      .http()
      .post('/events')
      .set('Authorization', coordinator)
      .send(forumBody(overrides))
      .expect(201);
    const id = (created.body as { id: string }).id;
    await cluster
      .http()
      .post(`/events/${id}/status`)
      .set('Authorization', coordinator)
      .send({ status: 'published' })
      .expect(200);
    return id;
  };
  const register = (token: string, eventId: string, body: Record<string, unknown>) =>
    cluster.http().post(`/events/${eventId}/registrations`).set('Authorization', token).send(body);
  const rowCounts = async () => {
    const [row] = await cluster.dataSource.query<{ r: number; p: number; held: number }[]>(
      `SELECT (SELECT count(*) FROM registration)::int AS r, (SELECT count(*) FROM participant)::int AS p,
              (SELECT coalesce(sum(seats_held), 0) FROM event)::int AS held`,
    );
    return row;
  };

  beforeAll(async () => {
    cluster = await startEventsCluster(1);
    coordinator = await bearer(tokens.coordinator());
    officerA = await bearer(tokens.officer(hromadaA));
    officerB = await bearer(tokens.officer(hromadaB));
  }, 240_000);

  afterAll(async () => {
    await cluster?.close();
  });

  describe('access', () => {
    it('should keep a delegation from officers of other municipalities: 404 to read, to act on and to register for', async () => {
      const eventId = await createPublished({});
      const mine = await register(officerA, eventId, delegation('UA', 2)).expect(201);
      const id = (mine.body as { id: string }).id;

      const read = await cluster.http().get(`/registrations/${id}`).set('Authorization', officerB);
      const cancel = await cluster
        .http()
        .post(`/registrations/${id}/cancel`)
        .set('Authorization', officerB)
        .send({});
      const forOther = await register(officerB, eventId, delegation('UA', 1, { municipalityId: hromadaA }));
      const listed = await cluster
        .http()
        .get(`/events/${eventId}/registrations`)
        .set('Authorization', officerB)
        .expect(200);
      const own = await cluster.http().get(`/registrations/${id}`).set('Authorization', officerA);
      const otherConsole = await cluster
        .http()
        .get(`/registrations/${id}`)
        .set('Authorization', await bearer(tokens.registryCoordinator()));

      expect([read.status, read.body.code]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
      expect([cancel.status, cancel.body.code]).toEqual([404, 'REGISTRATION_NOT_FOUND']);
      expect([forOther.status, forOther.body.code]).toEqual([404, 'MUNICIPALITY_NOT_FOUND']);
      expect(listed.body.items).toEqual([]);
      expect(own.status).toBe(200);
      expect(own.body.municipalityId).toBe(hromadaA);
      expect(otherConsole.status).toBe(403);
      expect(
        await cluster.dataSource.query(`SELECT status FROM participant WHERE registration_id = $1`, [id]),
      ).toEqual([{ status: 'confirmed' }, { status: 'confirmed' }]);
    });

    it('should hide the online link from an officer whose people are waitlisted and show it once one is confirmed', async () => {
      const eventId = await createPublished({
        kind: 'webinar',
        format: 'online',
        venue: undefined,
        address: undefined,
        location: undefined,
        onlineLink: 'https://meet.example.org/webinar-7',
        capacity: 1,
      });
      const first = await register(officerB, eventId, delegation('UA', 1)).expect(201);
      const waiting = await register(officerA, eventId, delegation('UA', 1)).expect(201);
      const waitingParticipant = (waiting.body as { participants: { id: string; status: string }[] })
        .participants[0];
      expect(waitingParticipant.status).toBe('waitlisted');

      const hidden = await cluster
        .http()
        .get(`/events/${eventId}`)
        .set('Authorization', officerA)
        .expect(200);
      const ticket = await cluster
        .http()
        .get(`/registrations/${waiting.body.id}/participants/${waitingParticipant.id}/ticket`)
        .set('Authorization', officerA)
        .expect(200);
      expect(hidden.body).not.toHaveProperty('onlineLink');
      expect(ticket.body).toMatchObject({ status: 'waitlisted', onlineLink: null, checkInCode: null });
      const noQr = await cluster
        .http()
        .get(`/registrations/${waiting.body.id}/participants/${waitingParticipant.id}/ticket.svg`)
        .set('Authorization', officerA);
      expect([noQr.status, noQr.body.code]).toEqual([409, 'PARTICIPANT_INVALID_STEP']);
      expect(JSON.stringify(waiting.body)).not.toContain('meet.example.org');

      // B cancels: the seat is offered to A, who takes it; now A sees the link.
      await cluster
        .http()
        .post(`/registrations/${first.body.id}/cancel`)
        .set('Authorization', officerB)
        .send({})
        .expect(200);
      await cluster
        .http()
        .post(`/registrations/${waiting.body.id}/participants/${waitingParticipant.id}/accept-offer`)
        .set('Authorization', officerA)
        .send({})
        .expect(200);
      const shown = await cluster.http().get(`/events/${eventId}`).set('Authorization', officerA).expect(200);
      const hiddenFromB = await cluster
        .http()
        .get(`/events/${eventId}`)
        .set('Authorization', officerB)
        .expect(200);
      expect(shown.body.onlineLink).toBe('https://meet.example.org/webinar-7');
      expect(hiddenFromB.body).not.toHaveProperty('onlineLink');
    });

    it('should show officers no draft and answer a draft as if it did not exist', async () => {
      const created = await cluster
        .http()
        .post('/events')
        .set('Authorization', coordinator)
        .send(forumBody())
        .expect(201);
      const res = await cluster.http().get(`/events/${created.body.id}`).set('Authorization', officerA);
      const reg = await register(officerA, created.body.id, delegation('UA'));
      expect([res.status, res.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
      expect(reg.status).toBe(404);
    });
  });

  describe('hostile input', () => {
    it.each([
      ['an unknown field', delegation('UA', 1, { isAdmin: true }), 'isAdmin'],
      ['a country that is not a code', delegation('Ukraine'), 'country'],
      ['no participants', delegation('UA', 1, { participants: [] }), 'participants'],
      [
        'a minor without guardian',
        delegation('UA', 1, { participants: [person({ isMinor: true })] }),
        'participants[0].guardian',
      ],
      [
        'a guardian who did not consent',
        delegation('UA', 1, {
          participants: [
            person({
              isMinor: true,
              guardian: { name: 'Mother', contact: '+380 67 000 0000', consentGiven: false },
            }),
          ],
        }),
        'participants[0].guardian.consentGiven',
      ],
      ['two people as an individual', delegation('UA', 2, { type: 'individual' }), 'participants'],
      [
        'a name of 10,000 characters',
        delegation('UA', 1, { participants: [person({ fullName: 'x'.repeat(10_000) })] }),
        'participants[0].fullName',
      ],
      [
        'a NUL character',
        delegation('UA', 1, { participants: [person({ fullName: 'a\u0000b' })] }),
        'participants[0].fullName',
      ],
      [
        'a night far from the event',
        delegation('UA', 1, { participants: [person({ accommodationNights: ['2020-01-01'] })] }),
        'participants[0].accommodationNights',
      ],
      [
        'a language outside the vocabulary',
        delegation('UA', 1, { participants: [person({ language: 'xx' })] }),
        'participants[0].language',
      ],
    ])('should answer 400 naming the field and write nothing for %s', async (_what, body, field) => {
      const eventId = await createPublished({});
      const before = await rowCounts();

      const res = await register(officerA, eventId, body);

      expect(res.status).toBe(400);
      const fields = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      expect(fields).toContain(field);
      expect(await rowCounts()).toEqual(before);
    });

    it('should refuse a body with a __proto__ key and an event that ends before it starts, writing nothing', async () => {
      const eventId = await createPublished({});
      const before = await rowCounts();

      const proto = await cluster
        .http()
        .post(`/events/${eventId}/registrations`)
        .set('Authorization', officerA)
        .set('Content-Type', 'application/json')
        .send(
          '{"type":"individual","country":"UA","participants":[{"fullName":"a","language":"uk","__proto__":{"x":1}}]}',
        );
      const inverted = await cluster
        .http()
        .post('/events')
        .set('Authorization', coordinator)
        .send(
          forumBody({
            endsAt: '2020-01-01T00:00:00Z',
            quotas: [{ dimension: 'country', key: 'PL', seats: 9999 }],
          }),
        );

      expect(proto.status).toBe(400);
      expect(inverted.status).toBe(400);
      expect((inverted.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
        'endsAt',
        'quotas[0].seats',
      ]);
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('delegations', () => {
    it('should seat at most the per-municipality quota of a delegation and waitlist the rest', async () => {
      const eventId = await createPublished({
        kind: 'study-visit',
        capacity: 10,
        quotas: [{ dimension: 'municipality', key: '*', seats: 3 }],
      });

      const res = await register(officerA, eventId, delegation('UA', 5)).expect(201);
      const other = await register(officerB, eventId, delegation('UA', 2)).expect(201);

      expect((res.body.participants as { status: string }[]).map((p) => p.status)).toEqual([
        'confirmed',
        'confirmed',
        'confirmed',
        'waitlisted',
        'waitlisted',
      ]);
      expect(
        (res.body.participants as { waitlistPosition: number | null }[]).map((p) => p.waitlistPosition),
      ).toEqual([null, null, null, 1, 2]);
      expect((other.body.participants as { status: string }[]).map((p) => p.status)).toEqual([
        'confirmed',
        'confirmed',
      ]);
    });

    it('should record a minor’s guardian with the time of consent and keep the seat when a delegate is substituted', async () => {
      const eventId = await createPublished({ kind: 'summer-school', capacity: 36 });
      const child = person({
        fullName: 'Софія Мельник',
        isMinor: true,
        guardian: { name: 'Оксана Мельник', contact: '+380 67 123 4567', consentGiven: true },
        accommodationNights: [],
      });
      const res = await register(
        officerA,
        eventId,
        delegation('UA', 2, { participants: [child, person()] }),
      ).expect(201);
      const [minor, adult] = res.body.participants as {
        id: string;
        guardianName: string;
        guardianConsentAt: string;
        checkInCode: string;
        status: string;
      }[];
      expect(minor.guardianName).toBe('Оксана Мельник');
      expect(Date.parse(minor.guardianConsentAt)).not.toBeNaN();

      const sub = await cluster
        .http()
        .put(`/registrations/${res.body.id}/participants/${adult.id}`)
        .set('Authorization', officerA)
        .send(person({ fullName: 'Тарас Шевчук', language: 'en' }))
        .expect(200);

      const replaced = (
        sub.body.participants as { id: string; fullName: string; status: string; checkInCode: string }[]
      )[1];
      expect(replaced).toMatchObject({ id: adult.id, fullName: 'Тарас Шевчук', status: 'confirmed' });
      expect(replaced.checkInCode).not.toBe(adult.checkInCode);
      const [{ held }] = await cluster.dataSource.query<{ held: number }[]>(
        `SELECT seats_held AS held FROM event WHERE id = $1`,
        [eventId],
      );
      expect(held).toBe(2);
      await cluster.probe.waitFor(
        (r) =>
          r.headers.ce_type === 'events.registration.participant-substituted.v1' &&
          (r.value as { participantId: string }).participantId === adult.id,
        30_000,
      );
    });

    it('should hold a seat while approval is pending, confirm it on approval and offer it on when rejected', async () => {
      const eventId = await createPublished({ capacity: 1, approvalRequired: true });
      const first = await register(officerA, eventId, delegation('UA')).expect(201);
      const second = await register(officerB, eventId, delegation('PL')).expect(201);
      expect(first.body.participants[0].status).toBe('pending');
      expect(second.body.participants[0].status).toBe('waitlisted');
      const officerTries = await cluster
        .http()
        .post(`/registrations/${first.body.id}/participants/${first.body.participants[0].id}/approve`)
        .set('Authorization', officerA)
        .send({});
      expect(officerTries.status).toBe(403);

      await cluster
        .http()
        .post(`/registrations/${first.body.id}/participants/${first.body.participants[0].id}/reject`)
        .set('Authorization', coordinator)
        .send({})
        .expect(200);

      const after = await cluster
        .http()
        .get(`/registrations/${second.body.id}`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(after.body.participants[0].status).toBe('offered');
      expect(Date.parse(after.body.participants[0].offerExpiresAt)).toBeGreaterThan(Date.now());
    });
  });

  describe('check-in', () => {
    it('should check a confirmed ticket in once, report the second scan, refuse a forged code, and count attendance', async () => {
      const eventId = await createPublished({});
      const res = await register(officerA, eventId, delegation('UA', 2)).expect(201);
      const code = (res.body.participants as { checkInCode: string }[])[0].checkInCode;
      const scan = (c: string) =>
        cluster
          .http()
          .post(`/events/${eventId}/check-ins`)
          .set('Authorization', coordinator)
          .send({ code: c });

      const [a, b] = await Promise.all([scan(code.toLowerCase()), scan(code.replace(/-/g, ' '))]);
      const forged = await scan('0000-0000-0000-0000');
      const participant = (res.body.participants as { id: string }[])[0];
      const qr = await cluster
        .http()
        .get(`/registrations/${res.body.id}/participants/${participant.id}/ticket.svg`)
        .set('Authorization', officerA)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (chunk: Buffer) => (text += chunk.toString()));
          r.on('end', () => done(null, text));
        })
        .expect(200);

      expect([a.body.outcome, b.body.outcome].sort()).toEqual(['already-checked-in', 'checked-in']);
      expect(a.body.checkedInAt).toBe(b.body.checkedInAt);
      expect([forged.status, forged.body.code]).toEqual([404, 'CHECK_IN_INVALID_CODE']);
      expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
      // The image encodes exactly the ticket's code (the same rendering of the same text).
      expect(qr.body).toBe(await qrSvg(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      const attendance = await cluster
        .http()
        .get(`/events/${eventId}/attendance`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(attendance.body).toEqual([
        { country: 'UA', municipalityId: hromadaA, associationId: null, confirmed: 2, checkedIn: 1 },
      ]);
      const checkedIn = await cluster.probe.waitForCount(
        (r) =>
          r.headers.ce_type === 'events.registration.participant-checked-in.v1' &&
          (r.value as { eventId: string }).eventId === eventId,
        1,
        30_000,
      );
      expect(checkedIn).toHaveLength(1);
    });

    it('should export the participant list as CSV for coordinators only, defusing formulas', async () => {
      const eventId = await createPublished({});
      await register(
        officerA,
        eventId,
        delegation('UA', 1, { participants: [person({ fullName: '=HYPERLINK("x")' })] }),
      ).expect(201);

      const csv = await cluster
        .http()
        .get(`/events/${eventId}/participants.csv`)
        .set('Authorization', coordinator)
        .expect(200);
      const denied = await cluster
        .http()
        .get(`/events/${eventId}/participants.csv`)
        .set('Authorization', officerA);

      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text.split('\r\n')[0]).toMatch(/^registration_id,participant_id,status,country/);
      expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
      expect(denied.status).toBe(403);
      const missing = await cluster
        .http()
        .get(`/events/${randomUUID()}/participants.csv`)
        .set('Authorization', coordinator);
      expect([missing.status, missing.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="participants.csv"/);
    });
  });
});
