import type { EntityManager } from 'typeorm';
import type { PartnershipEstablishedV1 } from '@bridges/contracts';
import { DependencyNotYetAvailableError } from '@bridges/messaging';
import type { NotificationsEnv } from '../config/notifications.env';
import type { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { MunicipalityNotInDirectoryError } from '../directory/directory.errors';
import type { DirectoryService } from '../directory/directory.service';
import type { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import type { RecipientEntity } from '../directory/recipient.entity';
import type { InboxService } from '../inbox/inbox.service';
import { createDefaultTemplateRegistry } from '../templates';
import type { WebhookFanOut } from '../webhook-subscriptions/webhook-fan-out.service';
import { PartnershipNotificationsService } from './partnership-notifications.service';

describe(PartnershipNotificationsService.name, () => {
  const manager = {} as EntityManager;
  const source: SourceEvent = {
    id: 'event-1',
    type: 'matching.partnership.established.v1',
    correlationId: 'c',
    time: '2026-11-28T10:00:00Z',
    subject: 'p-1',
  };
  const municipality = (overrides: Partial<MunicipalityDirectoryEntity>): MunicipalityDirectoryEntity => ({
    municipalityId: 'm',
    version: 1,
    active: true,
    kind: 'hromada',
    country: 'UA',
    nameNative: 'Житомирська міська громада',
    nameLatin: 'Zhytomyr urban hromada',
    regionName: null,
    population: 261000,
    sectors: [],
    needs: ['water-supply'],
    offers: [],
    workingLanguages: ['uk'],
    associationId: null,
    updatedAt: new Date(),
    ...overrides,
  });
  const person = (
    id: string,
    language: string | null,
    overrides: Partial<RecipientEntity> = {},
  ): RecipientEntity => ({
    id,
    kind: 'municipality-contact',
    municipalityId: null,
    associationId: null,
    name: id,
    email: `${id}@test`,
    preferredLanguage: language,
    roles: [],
    active: true,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  });
  const hromada = municipality({ municipalityId: 'ua-1', associationId: 'assoc-ua' });
  const krakow = municipality({
    municipalityId: 'pl-1',
    kind: 'eu-municipality',
    country: 'PL',
    nameNative: 'Kraków',
    nameLatin: 'Krakow',
    needs: [],
    offers: ['waste-management'],
    associationId: 'assoc-pl',
  });
  const event: PartnershipEstablishedV1 = {
    partnershipId: 'p-1',
    proposalId: 'pr-1',
    campaignId: 'c-1',
    hromadaId: 'ua-1',
    euMunicipalityId: 'pl-1',
    track: 'formal',
    establishedAt: '2026-11-28T10:00:00Z',
  };

  let directory: jest.Mocked<
    Pick<DirectoryService, 'requireMunicipality' | 'contactsOf' | 'associationContactsOf'>
  >;
  let deliveries: { enqueueEmail: jest.Mock };
  let webhooks: { forward: jest.Mock };
  let inbox: { add: jest.Mock };
  let service: PartnershipNotificationsService;

  beforeEach(() => {
    const byId: Record<string, MunicipalityDirectoryEntity> = { 'ua-1': hromada, 'pl-1': krakow };
    directory = {
      requireMunicipality: jest.fn((_m: EntityManager, id: string) =>
        byId[id] ? Promise.resolve(byId[id]) : Promise.reject(new MunicipalityNotInDirectoryError(id)),
      ),
      contactsOf: jest.fn((_m: EntityManager, id: string) =>
        Promise.resolve(
          id === 'ua-1' ? [person('olena', null)] : [person('jan', 'pl'), person('ruta', 'lt')],
        ),
      ),
      associationContactsOf: jest.fn((_m: EntityManager, ids: readonly string[]) =>
        Promise.resolve(
          ids.includes('assoc-pl')
            ? [person('zmp', 'de', { kind: 'association', associationId: 'assoc-pl' })]
            : [],
        ),
      ),
    };
    deliveries = { enqueueEmail: jest.fn().mockResolvedValue('queued') };
    webhooks = { forward: jest.fn().mockResolvedValue(0) };
    inbox = { add: jest.fn().mockResolvedValue(undefined) };
    service = new PartnershipNotificationsService(
      {} as NotificationsEnv,
      directory as unknown as DirectoryService,
      deliveries as unknown as DeliveryQueue,
      webhooks as unknown as WebhookFanOut,
      inbox as unknown as InboxService,
      createDefaultTemplateRegistry(),
    );
  });

  describe('notifyEstablished', () => {
    it('should link the partnership to its page in the matching console when that console is configured', async () => {
      const linking = new PartnershipNotificationsService(
        { MATCHING_CONSOLE_URL: 'https://matching.bridges.example/console' } as NotificationsEnv,
        directory as unknown as DirectoryService,
        deliveries as unknown as DeliveryQueue,
        webhooks as unknown as WebhookFanOut,
        inbox as unknown as InboxService,
        createDefaultTemplateRegistry(),
      );
      await linking.notifyEstablished(manager, source, event);
      expect(deliveries.enqueueEmail.mock.calls[0][4]).toMatchObject({
        partnershipUrl: `https://matching.bridges.example/console/partnerships/${event.partnershipId}`,
      });
    });

    it('should queue one email per contact on each side in their language, about the other side', async () => {
      await service.notifyEstablished(manager, source, event);
      const calls = deliveries.enqueueEmail.mock.calls.map(
        ([, , recipient, template, data, locale]: [
          unknown,
          unknown,
          RecipientEntity,
          string,
          { audience: string; partner: { nameNative: string } },
          string,
        ]) => ({
          to: recipient.id,
          template,
          audience: data.audience,
          partner: data.partner.nameNative,
          locale,
        }),
      );
      expect(calls).toEqual([
        {
          to: 'olena',
          template: 'partnership.established',
          audience: 'municipality',
          partner: 'Kraków',
          locale: 'uk',
        },
        {
          to: 'jan',
          template: 'partnership.established',
          audience: 'municipality',
          partner: 'Житомирська міська громада',
          locale: 'pl',
        },
        {
          to: 'ruta',
          template: 'partnership.established',
          audience: 'municipality',
          partner: 'Житомирська міська громада',
          // Lithuanian has no translation: her municipality's country's language.
          locale: 'pl',
        },
        {
          to: 'zmp',
          template: 'partnership.established',
          audience: 'association',
          partner: 'Житомирська міська громада',
          locale: 'de',
        },
      ]);
    });

    it("should forward to both sides' associations and add an inbox item for each municipality", async () => {
      await service.notifyEstablished(manager, source, event);
      expect(webhooks.forward).toHaveBeenCalledWith(
        manager,
        source,
        ['assoc-ua', 'assoc-pl'],
        expect.objectContaining({ partnershipId: 'p-1' }),
      );
      expect(
        inbox.add.mock.calls.map(([, , item]: [unknown, unknown, { ownerKey: string }]) => item.ownerKey),
      ).toEqual(['municipality:ua-1', 'municipality:pl-1']);
    });

    it('should write nothing and name the missing municipality as the dependency to wait for when it is not in the directory yet', async () => {
      const failure = service.notifyEstablished(manager, source, { ...event, euMunicipalityId: 'unknown' });
      await expect(failure).rejects.toBeInstanceOf(MunicipalityNotInDirectoryError);
      // A DependencyNotYetAvailableError: the event parks until the directory reports this key arrived.
      await expect(failure).rejects.toBeInstanceOf(DependencyNotYetAvailableError);
      await expect(failure).rejects.toMatchObject({ dependencyKey: 'municipality:unknown' });
      expect(deliveries.enqueueEmail).not.toHaveBeenCalled();
      expect(webhooks.forward).not.toHaveBeenCalled();
      expect(inbox.add).not.toHaveBeenCalled();
    });
  });

  describe('notifyStatusChanged', () => {
    it('should tell both sides the new status in their language', async () => {
      await service.notifyStatusChanged(manager, source, {
        partnershipId: 'p-1',
        hromadaId: 'ua-1',
        euMunicipalityId: 'pl-1',
        from: 'active',
        to: 'dormant',
        track: 'formal',
        changedAt: '2026-11-28T10:00:00Z',
        changedBy: 'coordinator-1',
      });
      const calls = deliveries.enqueueEmail.mock.calls.map(
        ([, , r, template, , locale]: [unknown, unknown, RecipientEntity, string, unknown, string]) => [
          r.id,
          template,
          locale,
        ],
      );
      expect(calls).toEqual([
        ['olena', 'partnership.status-changed', 'uk'],
        ['jan', 'partnership.status-changed', 'pl'],
        ['ruta', 'partnership.status-changed', 'pl'],
        ['zmp', 'partnership.status-changed', 'de'],
      ]);
    });
  });
});
