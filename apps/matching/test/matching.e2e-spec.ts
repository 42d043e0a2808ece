import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  MatchProposedV1Event,
  PartnershipEstablishedV1Event,
  PartnershipStatusChangedV1Event,
  ProposalDecidedV1Event,
  ProposalWithdrawnV1Event,
  Topics,
  type MatchProposedV1,
  type MunicipalityProfileV1,
} from '@bridges/contracts';
import { OutboxMessageEntity } from '@bridges/messaging';
import { BaseEnv, Role, signDevToken } from '@bridges/platform';
import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { rawProducer, TopicProbe, type ProbedRecord } from '@bridges/testing/kafka/topic-probe';
import { DEMO_CAMPAIGN_ID } from '../src/campaigns/demo-campaign';
import { FACTOR_WIRE_IDS } from '../src/proposals/proposal.mapper';
import { FACTOR_KEYS } from '../src/scoring/campaign';
import { MunicipalityProjectionEntity } from '../src/projection/municipality-projection.entity';
import { ProposalEntity } from '../src/proposals/proposal.entity';
import { insertDemoCampaign } from './support/demo-campaign';
import { provisionMatchingTopics } from './support/matching-topics';
import { waitUntil } from '@bridges/testing';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import {
  deactivated,
  euProfile,
  hromadaProfile,
  profileUpdated,
  registered,
} from './support/registry-events';

const EU_POOL = 30;
const TOP_K = 20;
/**
 * Every proposal explains itself with every factor of the scorer, in its order, by wire id: derived from
 * the scorer and checked against the contracts vocabulary, so a new factor does not need a new count here.
 */
const EXPLAINED_FACTORS = FACTOR_KEYS.map((k) => FACTOR_WIRE_IDS[k]);

describe('matching service end to end (HTTP + Kafka, real PostgreSQL)', () => {
  const prefix = uniqueTopicPrefix();
  const topic = (wire: string) => `${prefix}${wire}`;
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let probe: TopicProbe;
  let producer: Awaited<ReturnType<typeof rawProducer>>;
  let secret: string;
  const euPool: MunicipalityProfileV1[] = Array.from({ length: EU_POOL }, () => euProfile());

  const send = (...records: { key: string; value: string; headers: Record<string, string> }[]) =>
    producer.send({ topic: topic(Topics.registry.municipality), messages: records });
  const token = (roles: Role[], municipalityId?: string) =>
    signDevToken({ secret, roles, municipalityId, sub: `user-${roles[0]}` });
  const coordinator = () => token([Role.MatchingCoordinator]);
  const proposalsOf = (hromadaId: string) => (r: ProbedRecord) =>
    r.headers.ce_type === MatchProposedV1Event.type && (r.value as MatchProposedV1).hromadaId === hromadaId;

  /**
   * Every record on `wire` under `key` that the service will ever have published for what happened so far,
   * without waiting and hoping: HTTP and consumer effects put their events in the outbox in the same
   * transaction, so once the outbox is empty every such event is on the topic; a marker produced after that
   * on the same key (same partition) and seen by the probe proves the probe has read all of them.
   */
  const settledRecordsOf = async (wire: string, key: string): Promise<ProbedRecord[]> => {
    await waitUntil(
      async () => (await dataSource.getRepository(OutboxMessageEntity).count()) === 0,
      20_000,
      'outbox drained',
    );
    const markerId = randomUUID();
    await producer.send({
      topic: topic(wire),
      messages: [{ key, value: '{}', headers: { ce_type: 'test.marker', ce_id: markerId } }],
    });
    await probe.waitFor((r) => r.headers.ce_id === markerId);
    return probe
      .all()
      .filter((r) => r.topic === topic(wire) && r.key === key && r.headers.ce_type !== 'test.marker');
  };

  beforeAll(async () => {
    db = await createTestDatabase('matching_e2e');
    await provisionMatchingTopics(prefix);
    app = await startMatchingApp(matchingTestEnv(db.url, prefix));
    dataSource = app.get(DataSource);
    await insertDemoCampaign(dataSource);
    secret = app.get(BaseEnv).AUTH_JWT_SECRET!;
    probe = await TopicProbe.start(testKafkaBrokers(), [
      topic(Topics.matching.proposal),
      topic(Topics.matching.partnership),
    ]);
    producer = await rawProducer(testKafkaBrokers());
    await send(...euPool.map(registered));
    await waitUntil(
      async () =>
        (await dataSource
          .getRepository(MunicipalityProjectionEntity)
          .countBy({ kind: 'eu-municipality' })) === EU_POOL,
    );
  });

  afterAll(async () => {
    await producer?.close();
    await probe?.stop();
    await app?.close();
    await db?.drop();
  });

  describe('on MunicipalityRegisteredV1 of a hromada', () => {
    it('should publish its top-k explained proposals on matching.proposal.v1 when a hromada is registered', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));

      const records = await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);
      const proposals = records.map((r) => r.value as MatchProposedV1);
      expect(proposals.map((p) => p.rank).sort((a, b) => a - b)).toEqual(
        Array.from({ length: TOP_K }, (_, i) => i + 1),
      );
      expect(new Set(proposals.map((p) => p.euMunicipalityId)).size).toBe(TOP_K);
      for (const p of proposals) {
        expect(p).toMatchObject({ campaignId: DEMO_CAMPAIGN_ID, mode: 'incremental' });
        expect(p.factors.map((f) => f.factor)).toEqual(EXPLAINED_FACTORS);
        for (const f of p.factors) expect(f.explanation.length).toBeGreaterThan(0);
      }
      const best = proposals.find((p) => p.rank === 1)!;
      expect(Math.max(...proposals.map((p) => p.score))).toBe(best.score);
      expect(
        await dataSource
          .getRepository(ProposalEntity)
          .countBy({ hromadaId: hromada.municipalityId, status: 'open' }),
      ).toBe(TOP_K);
    });

    it('should show the proposals with their explanation in the console API when listed by campaign and status', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);

      const res = await request(app.getHttpServer())
        .get('/proposals')
        .query({ campaignId: DEMO_CAMPAIGN_ID, status: 'open', municipalityId: hromada.municipalityId })
        .set('Authorization', `Bearer ${await coordinator()}`)
        .expect(200);
      expect(res.body.total).toBe(TOP_K);
      expect(res.body.items[0].factors.map((f: { factor: string }) => f.factor)).toEqual(EXPLAINED_FACTORS);

      // Another municipality's list answers as one that does not exist (the one rule for "not yours").
      const officer = await token([Role.MunicipalityOfficer], hromada.municipalityId);
      const foreign = await request(app.getHttpServer())
        .get('/proposals')
        .query({ municipalityId: euPool[0].municipalityId })
        .set('Authorization', `Bearer ${officer}`)
        .expect(404);
      expect(foreign.body.code).toBe('MUNICIPALITY_NOT_FOUND');
    });

    it("should explain each candidate's popularity with the open proposals that already name it for other hromadas", async () => {
      const first = hromadaProfile();
      await send(registered(first));
      await probe.waitForCount(proposalsOf(first.municipalityId), TOP_K, 30_000);
      const second = hromadaProfile();
      await send(registered(second));
      const records = await probe.waitForCount(proposalsOf(second.municipalityId), TOP_K, 30_000);

      // The pool has 30 municipalities and each list 20: the second list shares candidates with the first.
      const counted: number[] = [];
      for (const p of records.map((r) => r.value as MatchProposedV1)) {
        const [{ n }] = await dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM proposal WHERE campaign_id = $1 AND eu_municipality_id = $2 AND status = 'open' AND hromada_id <> $3`,
          [DEMO_CAMPAIGN_ID, p.euMunicipalityId, second.municipalityId],
        );
        const popularity = p.factors.find((f) => f.factor === 'popularity')!;
        expect(popularity.score).toBeCloseTo(1 / (1 + n / 10), 12);
        expect(popularity.explanation).toEqual(
          n === 0
            ? 'not yet proposed to another hromada'
            : expect.stringContaining(`already proposed to ${n} other hromada(s)`),
        );
        counted.push(n);
      }
      expect(Math.max(...counted)).toBeGreaterThanOrEqual(1);
    });

    it('should answer 400 naming the field, not 500, when the offset is beyond any list', async () => {
      const res = await request(app.getHttpServer())
        .get('/proposals')
        .query({ offset: '99999999999999999999' })
        .set('Authorization', `Bearer ${await coordinator()}`)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain('offset');
    });
  });

  describe('on MunicipalityRegisteredV1 of an EU municipality that volunteers', () => {
    it('should propose it to the best hromadas still seeking a partner, a few per free slot', async () => {
      const seekers = Array.from({ length: 4 }, () => hromadaProfile());
      await send(...seekers.map(registered));
      for (const h of seekers) await probe.waitForCount(proposalsOf(h.municipalityId), TOP_K, 30_000);
      const volunteer = euProfile({ seekingPartner: true, partnershipCapacity: 1 });
      await send(registered(volunteer));

      const records = await probe.waitForCount(
        (r) =>
          r.headers.ce_type === MatchProposedV1Event.type &&
          (r.value as MatchProposedV1).euMunicipalityId === volunteer.municipalityId,
        3,
      );
      const hromadaIds = records.map((r) => (r.value as MatchProposedV1).hromadaId);
      expect(new Set(hromadaIds).size).toBe(3);
      const seeking = await dataSource
        .getRepository(MunicipalityProjectionEntity)
        .findBy({ kind: 'hromada', active: true, seekingPartner: true });
      expect(hromadaIds.every((id) => seeking.some((h) => h.municipalityId === id))).toBe(true);
      // Capacity 1: three proposals, not the campaign's top-k of 20. A non-material update of the volunteer
      // is a marker on the same partition: once it is applied, the registration (and any redelivery of it)
      // was handled before, and the proposals it made are all in the database.
      await send(profileUpdated({ ...volunteer, version: 2, nameLatin: 'Marker' }, ['nameLatin']));
      await waitUntil(
        async () =>
          (
            await dataSource
              .getRepository(MunicipalityProjectionEntity)
              .findOneBy({ municipalityId: volunteer.municipalityId })
          )?.version === 2,
      );
      expect(
        await dataSource
          .getRepository(ProposalEntity)
          .countBy({ euMunicipalityId: volunteer.municipalityId }),
      ).toBe(3);
    });
  });

  describe('on MunicipalityProfileUpdatedV1', () => {
    it('should ignore a stale snapshot when an older version arrives after a newer one', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);
      const v3 = { ...hromada, version: 3, population: 20_000 };
      const v2 = { ...hromada, version: 2, population: 1_000 };
      await send(profileUpdated(v3, ['population']), profileUpdated(v2, ['population']));
      // A later marker on the same partition proves both were consumed.
      await send(profileUpdated({ ...v3, version: 4, nameLatin: 'Marker' }, ['nameLatin']));
      await waitUntil(
        async () =>
          (
            await dataSource
              .getRepository(MunicipalityProjectionEntity)
              .findOneBy({ municipalityId: hromada.municipalityId })
          )?.version === 4,
      );
      const row = await dataSource
        .getRepository(MunicipalityProjectionEntity)
        .findOneByOrFail({ municipalityId: hromada.municipalityId });
      expect(row.population).toBe(20_000);
    });
  });

  describe('on a material MunicipalityProfileUpdatedV1', () => {
    it('should withdraw with the reason when the hromada stops seeking, and propose again when it seeks again', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const first = await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);
      const firstIds = new Set(first.map((r) => (r.value as MatchProposedV1).proposalId));

      await send(profileUpdated({ ...hromada, version: 2, seekingPartner: false }, ['seekingPartner']));
      const withdrawn = await probe.waitForCount(
        (r) =>
          r.headers.ce_type === ProposalWithdrawnV1Event.type &&
          firstIds.has((r.value as { proposalId: string }).proposalId),
        TOP_K,
      );
      expect((withdrawn[0].value as { reason: string }).reason).toBe('The hromada no longer seeks a partner');

      await send(profileUpdated({ ...hromada, version: 3, seekingPartner: true }, ['seekingPartner']));
      await probe.waitForCount(proposalsOf(hromada.municipalityId), 2 * TOP_K, 30_000);
      const open = await dataSource
        .getRepository(ProposalEntity)
        .findBy({ hromadaId: hromada.municipalityId, status: 'open' });
      expect(open).toHaveLength(TOP_K);
      expect(open.some((p) => firstIds.has(p.id))).toBe(false);
    });
  });

  describe('on MunicipalityDeactivatedV1', () => {
    it('should withdraw the open proposals with a reason when a hromada is deactivated', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const proposed = await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);
      const ids = new Set(proposed.map((r) => (r.value as MatchProposedV1).proposalId));
      await send(deactivated(hromada.municipalityId, 2));

      const withdrawn = await probe.waitForCount(
        (r) =>
          r.headers.ce_type === ProposalWithdrawnV1Event.type &&
          ids.has((r.value as { proposalId: string }).proposalId),
        TOP_K,
      );
      expect((withdrawn[0].value as { reason: string }).reason).toMatch(/deactivated/);
      expect(
        await dataSource
          .getRepository(ProposalEntity)
          .countBy({ hromadaId: hromada.municipalityId, status: 'open' }),
      ).toBe(0);
    });
  });

  describe('POST /proposals/:id/accept', () => {
    it('should publish PartnershipEstablishedV1 on matching.partnership.v1 when both sides accept over HTTP', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const [first] = await probe.waitForCount(proposalsOf(hromada.municipalityId), TOP_K, 30_000);
      const proposal = first.value as MatchProposedV1;
      const server = app.getHttpServer();

      const officer = await token([Role.MunicipalityOfficer], hromada.municipalityId);
      const half = await request(server)
        .post(`/proposals/${proposal.proposalId}/accept`)
        .set('Authorization', `Bearer ${officer}`)
        .send({})
        .expect(200);
      expect(half.body.partnership).toBeNull();
      expect(half.body.proposal).toMatchObject({ status: 'open', hromadaDecision: 'accepted' });

      const euOfficer = await token([Role.MunicipalityOfficer], proposal.euMunicipalityId);
      const done = await request(server)
        .post(`/proposals/${proposal.proposalId}/accept`)
        .set('Authorization', `Bearer ${euOfficer}`)
        .send({ track: 'solidarity' })
        .expect(200);
      expect(done.body.proposal.status).toBe('accepted');

      const established = await probe.waitFor(
        (r) =>
          r.headers.ce_type === PartnershipEstablishedV1Event.type &&
          (r.value as { proposalId: string }).proposalId === proposal.proposalId,
      );
      expect(established.value).toMatchObject({
        partnershipId: done.body.partnership.id,
        hromadaId: hromada.municipalityId,
        euMunicipalityId: proposal.euMunicipalityId,
        campaignId: DEMO_CAMPAIGN_ID,
        track: 'solidarity',
      });
      // Exactly one event per decision and one establishment, proven from the settled topics, not a timer.
      const onProposal = await settledRecordsOf(Topics.matching.proposal, proposal.proposalId);
      expect(onProposal.map((r) => [r.headers.ce_type, (r.value as { side?: string }).side])).toEqual([
        [MatchProposedV1Event.type, undefined],
        [ProposalDecidedV1Event.type, 'hromada'],
        [ProposalDecidedV1Event.type, 'eu-municipality'],
      ]);
      const onPartnership = await settledRecordsOf(Topics.matching.partnership, done.body.partnership.id);
      expect(onPartnership.map((r) => r.headers.ce_type)).toEqual([PartnershipEstablishedV1Event.type]);
    });

    it('should answer an officer of another municipality 404, as for a missing proposal, both to read and to accept', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const [first] = await probe.waitForCount(proposalsOf(hromada.municipalityId), 1, 30_000);
      const id = (first.value as MatchProposedV1).proposalId;
      const stranger = `Bearer ${await token([Role.MunicipalityOfficer], hromadaProfile().municipalityId)}`;
      const server = app.getHttpServer();
      const read = await request(server).get(`/proposals/${id}`).set('Authorization', stranger).expect(404);
      const accepted = await request(server)
        .post(`/proposals/${id}/accept`)
        .set('Authorization', stranger)
        .send({})
        .expect(404);
      const missing = await request(server)
        .post(`/proposals/${randomUUID()}/accept`)
        .set('Authorization', stranger)
        .send({})
        .expect(404);
      expect([read.body.code, accepted.body.code, missing.body.code]).toEqual([
        'PROPOSAL_NOT_FOUND',
        'PROPOSAL_NOT_FOUND',
        'PROPOSAL_NOT_FOUND',
      ]);
      expect(await dataSource.getRepository(ProposalEntity).findOneByOrFail({ id })).toMatchObject({
        status: 'open',
        hromadaDecision: null,
        euDecision: null,
      });
    });
  });

  describe('who the two sides of a proposal are', () => {
    it("should name both sides of each proposal — names, country, region name, population and public profile link — for the hromada's officer", async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      // A proposal with a partner of this file's pool, whose profile the test knows (earlier tests register
      // other EU municipalities that may be proposed too).
      const first = await probe.waitFor(
        (r) =>
          proposalsOf(hromada.municipalityId)(r) &&
          euPool.some((m) => m.municipalityId === (r.value as MatchProposedV1).euMunicipalityId),
        30_000,
      );
      const proposal = first.value as MatchProposedV1;
      const partner = euPool.find((m) => m.municipalityId === proposal.euMunicipalityId)!;
      const officer = `Bearer ${await token([Role.MunicipalityOfficer], hromada.municipalityId)}`;

      const one = await request(app.getHttpServer())
        .get(`/proposals/${proposal.proposalId}`)
        .set('Authorization', officer)
        .expect(200);
      const page = await request(app.getHttpServer())
        .get('/proposals')
        .query({ municipalityId: hromada.municipalityId })
        .set('Authorization', officer)
        .expect(200);

      expect(one.body.euMunicipality).toEqual({
        municipalityId: partner.municipalityId,
        kind: 'eu-municipality',
        country: 'PL',
        nameNative: partner.nameNative,
        nameLatin: partner.nameLatin,
        regionName: 'Miasto Kraków',
        population: partner.population,
        lat: partner.location!.lat,
        lon: partner.location!.lon,
        publicProfileUrl: `http://127.0.0.1:3001/municipalities/${partner.municipalityId}/public`,
      });
      expect(one.body.hromada).toMatchObject({
        municipalityId: hromada.municipalityId,
        nameNative: hromada.nameNative,
        nameLatin: hromada.nameLatin,
        regionName: 'Львівська область',
        population: hromada.population,
      });
      const listed = (page.body.items as { id: string }[]).find((p) => p.id === proposal.proposalId);
      expect(listed).toEqual(one.body);
    });
  });

  describe('internal bookkeeping', () => {
    it('should never show poolSeq in a proposal, decision or partnership response, wherever the partnership is read', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const [first] = await probe.waitForCount(proposalsOf(hromada.municipalityId), 1, 30_000);
      const id = (first.value as MatchProposedV1).proposalId;
      const server = app.getHttpServer();
      const auth = `Bearer ${await coordinator()}`;
      const responses: { body: unknown }[] = [];
      const keep = <T extends { body: unknown }>(res: T) => (responses.push(res), res);

      keep(
        await request(server)
          .post(`/proposals/${id}/accept`)
          .set('Authorization', auth)
          .send({ side: 'hromada' })
          .expect(200),
      );
      const done = keep(
        await request(server)
          .post(`/proposals/${id}/accept`)
          .set('Authorization', auth)
          .send({ side: 'eu-municipality' })
          .expect(200),
      );
      const partnershipId = (done.body as { partnership: { id: string } }).partnership.id;
      keep(await request(server).get(`/proposals/${id}`).set('Authorization', auth).expect(200));
      keep(
        await request(server)
          .get('/partnerships')
          .query({ municipalityId: hromada.municipalityId })
          .set('Authorization', auth)
          .expect(200),
      );
      keep(
        await request(server).get(`/partnerships/${partnershipId}`).set('Authorization', auth).expect(200),
      );
      keep(
        await request(server)
          .post(`/partnerships/${partnershipId}/status`)
          .set('Authorization', auth)
          .send({ status: 'active' })
          .expect(200),
      );
      keep(
        await request(server)
          .post(`/partnerships/${partnershipId}/track`)
          .set('Authorization', auth)
          .send({ track: 'solidarity' })
          .expect(200),
      );

      // The partnership row does carry it (the EU pool cache's change marker): only the API must not.
      const [row] = await dataSource.query<{ pool_seq: string }[]>(
        `SELECT pool_seq FROM partnership WHERE id = $1`,
        [partnershipId],
      );
      expect(row.pool_seq).toMatch(/^\d+$/);
      expect(responses).toHaveLength(7);
      for (const res of responses) expect(JSON.stringify(res.body)).not.toMatch(/poolSeq|pool_seq/);
      expect((responses[3].body as { items: { hromada: unknown }[] }).items[0].hromada).toMatchObject({
        municipalityId: hromada.municipalityId,
      });
    });
  });

  describe('POST /proposals/:id/decline', () => {
    it('should close the proposal and refuse a later acceptance with 409 when one side declines', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const [first] = await probe.waitForCount(proposalsOf(hromada.municipalityId), 1, 30_000);
      const id = (first.value as MatchProposedV1).proposalId;
      const server = app.getHttpServer();
      const res = await request(server)
        .post(`/proposals/${id}/decline`)
        .set('Authorization', `Bearer ${await coordinator()}`)
        .send({ side: 'eu-municipality', reason: 'No capacity this year' })
        .expect(200);
      expect(res.body.proposal).toMatchObject({ status: 'declined', closedReason: 'No capacity this year' });
      const late = await request(server)
        .post(`/proposals/${id}/accept`)
        .set('Authorization', `Bearer ${await coordinator()}`)
        .send({ side: 'hromada' })
        .expect(409);
      expect(late.body.code).toBe('PROPOSAL_NOT_OPEN');
    });
  });

  describe('POST /partnerships/:id/status', () => {
    it('should walk the lifecycle with one event per step and answer 409 with the allowed transitions when a step is invalid', async () => {
      const hromada = hromadaProfile();
      await send(registered(hromada));
      const [first] = await probe.waitForCount(proposalsOf(hromada.municipalityId), 1, 30_000);
      const id = (first.value as MatchProposedV1).proposalId;
      const server = app.getHttpServer();
      const auth = `Bearer ${await coordinator()}`;
      await request(server)
        .post(`/proposals/${id}/accept`)
        .set('Authorization', auth)
        .send({ side: 'hromada' })
        .expect(200);
      const { body } = await request(server)
        .post(`/proposals/${id}/accept`)
        .set('Authorization', auth)
        .send({ side: 'eu-municipality' })
        .expect(200);
      const partnershipId: string = body.partnership.id;

      const invalid = await request(server)
        .post(`/partnerships/${partnershipId}/status`)
        .set('Authorization', auth)
        .send({ status: 'dormant' })
        .expect(409);
      expect(invalid.body).toMatchObject({
        code: 'PARTNERSHIP_INVALID_TRANSITION',
        from: 'established',
        to: 'dormant',
        allowedTransitions: ['active', 'ended'],
      });

      for (const status of ['active', 'dormant', 'active', 'ended']) {
        await request(server)
          .post(`/partnerships/${partnershipId}/status`)
          .set('Authorization', auth)
          .send({ status })
          .expect(200);
      }
      const afterEnd = await request(server)
        .post(`/partnerships/${partnershipId}/status`)
        .set('Authorization', auth)
        .send({ status: 'active' })
        .expect(409);
      expect(afterEnd.body.allowedTransitions).toEqual([]);

      const changes = await probe.waitForCount(
        (r) => r.headers.ce_type === PartnershipStatusChangedV1Event.type && r.key === partnershipId,
        4,
      );
      expect(changes.map((r) => (r.value as { to: string }).to)).toEqual([
        'active',
        'dormant',
        'active',
        'ended',
      ]);
      const history = await request(server)
        .get(`/partnerships/${partnershipId}`)
        .set('Authorization', auth)
        .expect(200);
      expect(history.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
        'established',
        'active',
        'dormant',
        'active',
        'ended',
      ]);
    });
  });

  describe('GET /metrics', () => {
    it('should count proposals and partnerships by status from the database when scraped', async () => {
      const res = await request(app.getHttpServer()).get('/metrics').expect(200);
      const open = await dataSource.getRepository(ProposalEntity).countBy({ status: 'open' });
      expect(res.text).toContain(`bridges_matching_proposals{status="open"} ${open}`);
      expect(res.text).toMatch(/bridges_matching_partnerships\{status="(established|ended)"\} \d+/);
    });
  });

  describe('GET /docs-json', () => {
    it('should describe the console API in OpenAPI when the docs are on', async () => {
      const res = await request(app.getHttpServer()).get('/docs-json').expect(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/proposals',
          '/proposals/{id}/accept',
          '/partnerships/{id}/status',
          '/campaigns/{campaignId}/rounds',
          '/rounds/{id}',
        ]),
      );
    });
  });

  describe('POST /campaigns/:id/rounds', () => {
    it('should run a requested round once and publish its assignment as round proposals when a coordinator starts it', async () => {
      const server = app.getHttpServer();
      const auth = `Bearer ${await coordinator()}`;
      // A fresh campaign: the hromadas registered above have no proposals in it yet.
      const campaign = await request(server)
        .post('/campaigns')
        .set('Authorization', auth)
        .send({ slug: 'round-test', name: 'Round test', euEligibility: { countries: ['PL'] }, topK: 5 })
        .expect(201);
      const campaignId: string = campaign.body.id;
      const started = await request(server)
        .post(`/campaigns/${campaignId}/rounds`)
        .set('Authorization', auth)
        .send({})
        .expect(202);
      const roundId: string = started.body.id;
      const again = await request(server)
        .post(`/campaigns/${campaignId}/rounds`)
        .set('Authorization', auth)
        .send({ roundId })
        .expect(202);
      expect(again.body.id).toBe(roundId);

      let round: { status: string; proposalCount: number; attempt: number; hromadaCount: number } =
        started.body;
      await waitUntil(async () => {
        round = (await request(server).get(`/rounds/${roundId}`).set('Authorization', auth).expect(200)).body;
        return round.status === 'completed' || round.status === 'failed';
      }, 60_000);
      expect(round).toMatchObject({ status: 'completed', attempt: 1 });
      expect(round.proposalCount).toBeGreaterThan(0);

      const stored = await dataSource.getRepository(ProposalEntity).findBy({ roundId });
      expect(stored).toHaveLength(round.proposalCount);
      // One new partner per hromada per round (the campaign default); EU capacity 2 is never exceeded.
      expect(new Set(stored.map((p) => p.hromadaId)).size).toBe(stored.length);
      const perEu = new Map<string, number>();
      for (const p of stored) perEu.set(p.euMunicipalityId, (perEu.get(p.euMunicipalityId) ?? 0) + 1);
      expect(Math.max(...perEu.values())).toBeLessThanOrEqual(2);
      const published = await probe.waitForCount(
        (r) =>
          r.headers.ce_type === MatchProposedV1Event.type && (r.value as MatchProposedV1).roundId === roundId,
        stored.length,
      );
      expect(published.every((r) => (r.value as MatchProposedV1).mode === 'round')).toBe(true);
    });
  });
});
