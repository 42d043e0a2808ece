import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PartnershipRecordedV1Event, Topics, type PartnershipRecordedV1 } from '@bridges/contracts';
import { BaseEnv, Role, signDevToken } from '@bridges/platform';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitUntil,
  type TestDatabase,
} from '@bridges/testing';
import { TopicProbe } from '@bridges/testing/kafka/topic-probe';
import { PartnershipEntity } from '../src/partnerships/partnership.entity';
import { ProposalEntity } from '../src/proposals/proposal.entity';
import { insertDemoCampaign } from './support/demo-campaign';
import { provisionMatchingTopics } from './support/matching-topics';
import { matchingTestEnv, startMatchingApp } from './support/matching-test-app';
import { euProfile, hromadaProfile } from './support/registry-events';
import { registerThroughKafka } from './support/seed-pool';

/**
 * A coordinator records a partnership formed before or outside Bridges: the same pair and capacity rules
 * as an accepted proposal, origin `recorded`, announced downstream as `matching.partnership.recorded.v1`
 * (not as an accepted proposal: nobody accepted one, and that event's consumers rely on its proposal).
 */
describe('POST /partnerships: recording a partnership formed outside Bridges (HTTP + Kafka, real PostgreSQL)', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  let probe: TopicProbe;
  let secret: string;

  const hromada = hromadaProfile();
  const eu = euProfile({ partnershipCapacity: 5 });
  const euWithOneSlot = euProfile({ partnershipCapacity: 1 });
  const otherHromadas = [hromadaProfile(), hromadaProfile()];
  const raced = { hromada: hromadaProfile(), eu: euProfile({ partnershipCapacity: 5 }) };

  const coordinator = () => signDevToken({ secret, roles: [Role.MatchingCoordinator], sub: 'coordinator-1' });
  const post = async (body: object, token?: string) =>
    request(app.getHttpServer())
      .post('/partnerships')
      .set('Authorization', `Bearer ${token ?? (await coordinator())}`)
      .send(body);
  const rowsOf = (hromadaId: string, euMunicipalityId: string) =>
    dataSource.getRepository(PartnershipEntity).findBy({ hromadaId, euMunicipalityId });

  beforeAll(async () => {
    db = await createTestDatabase('matching_recorded');
    await provisionMatchingTopics(prefix);
    app = await startMatchingApp(matchingTestEnv(db.url, prefix, { MATCHING_POOL_MAX_STALENESS_MS: '0' }));
    dataSource = app.get(DataSource);
    secret = app.get(BaseEnv).AUTH_JWT_SECRET!;
    probe = await TopicProbe.start(testKafkaBrokers(), [`${prefix}${Topics.matching.partnership}`]);
    await registerThroughKafka(app, prefix, [
      eu,
      euWithOneSlot,
      raced.eu,
      hromada,
      raced.hromada,
      ...otherHromadas,
    ]);
  });

  afterAll(async () => {
    await probe?.stop();
    await app?.close();
    await db?.drop();
  });

  it('should record the partnership with origin recorded, its history step and a PartnershipRecorded event', async () => {
    const res = await post({
      hromadaId: hromada.municipalityId,
      euMunicipalityId: eu.municipalityId,
      establishedOn: '2022-04-14',
      note: 'Twinning agreement signed in 2022',
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hromadaId: hromada.municipalityId,
      euMunicipalityId: eu.municipalityId,
      origin: 'recorded',
      proposalId: null,
      campaignId: null,
      status: 'established',
      track: 'formal',
      note: 'Twinning agreement signed in 2022',
    });
    expect(new Date(res.body.establishedAt).toISOString()).toBe('2022-04-14T00:00:00.000Z');
    const [history] = await dataSource.query<{ changed_by: string; to_status: string }[]>(
      `SELECT changed_by, to_status FROM partnership_transition WHERE partnership_id = $1`,
      [res.body.id],
    );
    expect(history).toEqual({ changed_by: 'coordinator-1', to_status: 'established' });
    const record = await probe.waitFor((r) => r.key === res.body.id, 30_000);
    expect(record.headers.ce_type).toBe(PartnershipRecordedV1Event.type);
    const event = record.value as PartnershipRecordedV1;
    expect(event).toEqual({
      partnershipId: res.body.id,
      hromadaId: hromada.municipalityId,
      euMunicipalityId: eu.municipalityId,
      track: 'formal',
      establishedAt: '2022-04-14T00:00:00.000Z',
    });
  });

  it('should answer 409 PARTNERSHIP_PAIR_ALREADY_PARTNERED and write nothing when the pair is recorded again', async () => {
    const res = await post({
      hromadaId: hromada.municipalityId,
      euMunicipalityId: eu.municipalityId,
      establishedOn: '2023-01-01',
    });

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PARTNERSHIP_PAIR_ALREADY_PARTNERED');
    expect(await rowsOf(hromada.municipalityId, eu.municipalityId)).toHaveLength(1);
  });

  it('should answer 409 PARTNERSHIP_CAPACITY_EXHAUSTED when the EU municipality has no free slot left', async () => {
    const [first, second] = otherHromadas;
    const ok = await post({
      hromadaId: first.municipalityId,
      euMunicipalityId: euWithOneSlot.municipalityId,
      establishedOn: '2021-06-01',
    });
    expect(ok.status).toBe(201);

    const full = await post({
      hromadaId: second.municipalityId,
      euMunicipalityId: euWithOneSlot.municipalityId,
      establishedOn: '2021-06-01',
    });

    expect(full.status).toBe(409);
    expect(full.body.code).toBe('PARTNERSHIP_CAPACITY_EXHAUSTED');
    expect(await rowsOf(second.municipalityId, euWithOneSlot.municipalityId)).toHaveLength(0);
  });

  it('should record exactly one partnership when the same pair is recorded five times at once', async () => {
    const body = {
      hromadaId: raced.hromada.municipalityId,
      euMunicipalityId: raced.eu.municipalityId,
      establishedOn: '2020-02-02',
    };

    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));

    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await rowsOf(raced.hromada.municipalityId, raced.eu.municipalityId)).toHaveLength(1);
  });

  it('should withdraw the open proposal of the pair it records, as an accepted one would', async () => {
    await insertDemoCampaign(dataSource);
    const proposedEu = euProfile({ partnershipCapacity: 5 });
    const proposedHromada = hromadaProfile();
    await registerThroughKafka(app, prefix, [proposedEu]);
    await registerThroughKafka(app, prefix, [proposedHromada]);
    const pair = { hromadaId: proposedHromada.municipalityId, euMunicipalityId: proposedEu.municipalityId };
    const proposals = dataSource.getRepository(ProposalEntity);
    await waitUntil(() => proposals.existsBy({ ...pair, status: 'open' }), 30_000, 'the pair proposed');

    expect((await post({ ...pair, establishedOn: '2022-05-05' })).status).toBe(201);

    const after = await proposals.findBy(pair);
    expect(after.map((p) => [p.status, p.closedReason])).toEqual([
      ['withdrawn', 'The hromada and the EU municipality are partners already'],
    ]);
  });

  describe('refusals that write nothing', () => {
    const newPair = () => ({
      hromadaId: otherHromadas[1].municipalityId,
      euMunicipalityId: eu.municipalityId,
      establishedOn: '2022-01-01',
    });
    afterEach(async () => {
      expect(await rowsOf(otherHromadas[1].municipalityId, eu.municipalityId)).toHaveLength(0);
    });

    it('should answer 403 to a municipality officer, even of one of the two sides', async () => {
      const officer = await signDevToken({
        secret,
        roles: [Role.MunicipalityOfficer],
        municipalityId: otherHromadas[1].municipalityId,
        sub: 'officer-1',
      });
      expect((await post(newPair(), officer)).status).toBe(403);
    });

    it('should answer 400 with field messages for a malformed body', async () => {
      const res = await post({
        hromadaId: 'nope',
        euMunicipalityId: eu.municipalityId,
        establishedOn: '14.04.2022',
        track: 'x',
      });
      expect(res.status).toBe(400);
      const text = JSON.stringify(res.body);
      for (const field of ['hromadaId', 'establishedOn', 'track']) expect(text).toContain(field);
    });

    it('should answer 400 RECORDED_PARTNERSHIP_DATE_IN_FUTURE for a day that has not come yet', async () => {
      const res = await post({ ...newPair(), establishedOn: '2999-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('RECORDED_PARTNERSHIP_DATE_IN_FUTURE');
    });

    it('should answer 404 RECORDED_PARTNERSHIP_MUNICIPALITY_UNKNOWN for a municipality matching does not know', async () => {
      const res = await post({ ...newPair(), euMunicipalityId: euProfile().municipalityId });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('RECORDED_PARTNERSHIP_MUNICIPALITY_UNKNOWN');
    });

    it('should answer 422 RECORDED_PARTNERSHIP_WRONG_KIND when the sides are swapped', async () => {
      const pair = newPair();
      const res = await post({ ...pair, hromadaId: pair.euMunicipalityId, euMunicipalityId: pair.hromadaId });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RECORDED_PARTNERSHIP_WRONG_KIND');
    });
  });
});
