import { randomUUID } from 'node:crypto';
import {
  PartnershipStatusChangedV1Event,
  Topics,
  type PartnershipEstablishedV1,
  type PartnershipStatusChangedV1,
} from '@bridges/contracts';
import { createTestDatabase, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@bridges/testing';
import { rawProducer } from '@bridges/testing/kafka/topic-probe';
import {
  eventRecord,
  partnershipEstablished,
  profile,
  registered,
  type TestRecord,
} from './support/registry-records';
import {
  provisionNotificationsTopics,
  startNotificationsTestApp,
  type NotificationsTestApp,
} from './support/notifications-test-app';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server';

// Each side of a partnership reads its emails in its own language, vocabularies included: the Polish
// side's status change is Polish (statuses too), its partner summary lists sectors in Polish, and a
// contact without a preferred language gets the country's language.
describe('notifications: each side in its own language, end to end', () => {
  const prefix = uniqueTopicPrefix();
  const hromada = profile({
    sectors: ['water-supply', 'energy-efficiency'],
    contacts: [
      { contactId: randomUUID(), name: 'Олена', email: 'olena@hromada.test', preferredLanguage: 'uk' },
    ],
  });
  const lublin = profile({
    kind: 'eu-municipality',
    country: 'PL',
    nameNative: 'Lublin',
    nameLatin: 'Lublin',
    needs: [],
    offers: [{ sector: 'waste-management' }],
    contacts: [
      { contactId: randomUUID(), name: 'Ewa', email: 'ewa@lublin.test', preferredLanguage: 'pl' },
      // A language no template is written in: the municipality's country decides.
      { contactId: randomUUID(), name: 'Rūta', email: 'ruta@lublin.test', preferredLanguage: 'lt' },
    ],
  });
  const established = partnershipEstablished(hromada.municipalityId, lublin.municipalityId);
  const { partnershipId } = JSON.parse(established.value) as PartnershipEstablishedV1;
  const statusChanged = eventRecord(PartnershipStatusChangedV1Event, {
    partnershipId,
    hromadaId: hromada.municipalityId,
    euMunicipalityId: lublin.municipalityId,
    from: 'active',
    to: 'dormant',
    track: 'formal',
    changedAt: '2026-11-30T09:00:00.000Z',
    changedBy: 'coordinator-1',
  } satisfies PartnershipStatusChangedV1);
  const EMAILS = 6; // established and status changed, to each of three contacts

  let db: TestDatabase;
  let service: NotificationsTestApp;
  let smtp: SmtpTestServer;
  let producer: Awaited<ReturnType<typeof rawProducer>>;

  const produce = async (topic: string, records: TestRecord[]) => {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  };
  const mail = (address: string, subjectPart: string) => {
    const found = smtp.to(address).filter((m) => m.subject?.includes(subjectPart));
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifications_languages');
    await provisionNotificationsTopics(prefix);
    smtp = await startSmtpTestServer();
    service = await startNotificationsTestApp({
      databaseUrl: db.url,
      topicPrefix: prefix,
      smtpPort: smtp.port,
    });
    producer = await rawProducer(testKafkaBrokers());
    await produce(Topics.registry.municipality, [registered(hromada), registered(lublin)]);
    // One key: the status change follows the establishment on the same partition.
    await produce(Topics.matching.partnership, [established, statusChanged]);
    await smtp.waitForCount(EMAILS, 60_000);
  });

  afterAll(async () => {
    await producer?.close();
    await service?.close();
    await smtp?.stop();
    await db?.drop();
  });

  it('should send the Polish side its status change in Polish, statuses included', () => {
    const ewa = mail('ewa@lublin.test', 'uśpione');
    expect(ewa.subject).toBe('Bridges: Partnerstwo Lublin – Zhytomyr urban hromada: uśpione');
    expect(ewa.text).toContain('Było: „aktywne”, jest: „uśpione”');
    expect(ewa.text).toContain('Rodzaj partnerstwa: partnerstwo formalne');
    expect(ewa.text).not.toMatch(/dormant|formal partnership/);
    expect(ewa.headers.get('content-language')).toBe('pl');
  });

  it("should write in the country's language to a contact whose language has no translation", () => {
    expect(mail('ruta@lublin.test', 'uśpione').headers.get('content-language')).toBe('pl');
    expect(mail('ruta@lublin.test', 'nawiązane').headers.get('content-language')).toBe('pl');
  });

  it("should list the partner's sectors in Polish in the Polish side's partnership email", () => {
    const ewa = mail('ewa@lublin.test', 'nawiązane');
    expect(ewa.text).toContain(
      'Sektory priorytetowe: Zaopatrzenie w wodę i kanalizacja, Efektywność energetyczna i odnawialne źródła energii',
    );
    expect(ewa.text).not.toContain('Water supply');
  });

  it('should send the Ukrainian side its status change in Ukrainian', () => {
    const olena = mail('olena@hromada.test', 'неактивне');
    expect(olena.text).toContain('стало: «неактивне»');
    expect(mail('olena@hromada.test', 'встановлено').text).toContain(
      'Може запропонувати: Поводження з відходами',
    );
  });
});
