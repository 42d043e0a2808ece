import type { EntityManager } from 'typeorm';
import type {
  AidRequestPublishedV1,
  AidRequestSharedV1,
  ShipmentReceivedV1,
  ShipmentStatusChangedV1,
} from '@bridges/contracts';
import type { NotificationsEnv } from '../config/notifications.env';
import type { DeliveryQueue } from '../deliveries/delivery-queue.service';
import type { SourceEvent } from '../deliveries/source-event';
import { MunicipalityNotInDirectoryError } from '../directory/directory.errors';
import type { DirectoryService } from '../directory/directory.service';
import type { MunicipalityDirectoryEntity } from '../directory/municipality-directory.entity';
import type { RecipientEntity } from '../directory/recipient.entity';
import { createDefaultTemplateRegistry } from '../templates';
import { AidLogisticsNotificationsService } from './aid-logistics-notifications.service';

describe(AidLogisticsNotificationsService.name, () => {
  const manager = {} as EntityManager;
  const source: SourceEvent = {
    id: 'e-1',
    type: 't',
    correlationId: 'c',
    time: '2026-03-14T08:00:00Z',
    subject: 's',
  };
  const municipality = (overrides: Partial<MunicipalityDirectoryEntity>): MunicipalityDirectoryEntity => ({
    municipalityId: 'm',
    version: 1,
    active: true,
    kind: 'hromada',
    country: 'UA',
    nameNative: 'Долинська міська громада',
    nameLatin: 'Dolyna urban hromada',
    regionName: null,
    population: null,
    sectors: [],
    needs: [],
    offers: [],
    workingLanguages: ['uk'],
    associationId: null,
    updatedAt: new Date(),
    ...overrides,
  });
  const person = (id: string, language: string | null): RecipientEntity => ({
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
  });
  const dolyna = municipality({ municipalityId: 'ua-1' });
  const siauliai = municipality({
    municipalityId: 'lt-1',
    kind: 'eu-municipality',
    country: 'LT',
    nameNative: 'Šiaulių rajono savivaldybė',
    nameLatin: 'Siauliai district',
  });
  const contacts: Record<string, RecipientEntity[]> = {
    'ua-1': [person('olena', 'uk')],
    'lt-1': [person('jurgita', 'lt'), person('tomas', 'en')],
  };

  let enqueueEmail: jest.Mock;
  let service: AidLogisticsNotificationsService;
  let known: MunicipalityDirectoryEntity[];
  let directory: DirectoryService;

  beforeEach(() => {
    known = [dolyna, siauliai];
    enqueueEmail = jest.fn().mockResolvedValue('queued');
    directory = {
      requireMunicipality: jest.fn((_m: EntityManager, id: string) => {
        const found = known.find((k) => k.municipalityId === id);
        if (!found) throw new MunicipalityNotInDirectoryError(id);
        return Promise.resolve(found);
      }),
      contactsOf: jest.fn((_m: EntityManager, id: string) => Promise.resolve(contacts[id] ?? [])),
    } as unknown as DirectoryService;
    service = new AidLogisticsNotificationsService(
      {} as NotificationsEnv,
      directory,
      { enqueueEmail } as unknown as DeliveryQueue,
      createDefaultTemplateRegistry(),
    );
  });

  describe('notifyPartnersOfRequest', () => {
    const event: AidRequestPublishedV1 = {
      requestId: 'r-1',
      hromadaId: 'ua-1',
      title: 'Generators',
      urgency: 'high',
      lines: [{ lineId: 'l-1', item: 'Generator', category: 'energy', unit: 'H87', quantity: 20 }],
      partnerIds: ['lt-1'],
      publishedAt: '2026-03-01T09:00:00Z',
    };

    it('should email every contact of every partner it is addressed to, in their language (English for Lithuanian)', async () => {
      await service.notifyPartnersOfRequest(manager, source, event);
      expect(
        enqueueEmail.mock.calls.map((c: unknown[]) => [(c[2] as RecipientEntity).id, c[3], c[5]]),
      ).toEqual([
        ['jurgita', 'aid.request-published', 'en'],
        ['tomas', 'aid.request-published', 'en'],
      ]);
    });

    it('should link the request to its page in the logistics console when that console is configured', async () => {
      const linking = new AidLogisticsNotificationsService(
        { LOGISTICS_CONSOLE_URL: 'http://127.0.0.1:3004/console/' } as NotificationsEnv,
        directory,
        { enqueueEmail } as unknown as DeliveryQueue,
        createDefaultTemplateRegistry(),
      );
      await linking.notifyPartnersOfRequest(manager, source, event);
      expect(enqueueEmail.mock.calls[0][4]).toMatchObject({
        requestUrl: 'http://127.0.0.1:3004/console/requests/r-1',
      });
    });

    it('should send nothing when no partner is addressed', async () => {
      await service.notifyPartnersOfRequest(manager, source, { ...event, partnerIds: [] });
      expect(enqueueEmail).not.toHaveBeenCalled();
    });

    it('should park (dependency error) when a partner is not in the directory yet, having sent nothing', async () => {
      known = [dolyna];
      await expect(service.notifyPartnersOfRequest(manager, source, event)).rejects.toBeInstanceOf(
        MunicipalityNotInDirectoryError,
      );
      expect(enqueueEmail).not.toHaveBeenCalled();
    });
  });

  describe('notifyPartnerOfSharedRequest', () => {
    const event: AidRequestSharedV1 = {
      requestId: 'r-1',
      hromadaId: 'ua-1',
      partnerId: 'lt-1',
      partnershipId: 'p-1',
      title: 'Generators',
      urgency: 'critical',
      lines: [{ lineId: 'l-1', item: 'Generator', category: 'energy', unit: 'H87', quantity: 15 }],
      publishedAt: '2026-03-01T09:00:00Z',
      sharedAt: '2026-03-05T09:00:00Z',
    };

    it("should email the new partner's contacts the request with what is still unpledged", async () => {
      await service.notifyPartnerOfSharedRequest(manager, source, event);
      expect(enqueueEmail.mock.calls.map((c: unknown[]) => [(c[2] as RecipientEntity).id, c[3]])).toEqual([
        ['jurgita', 'aid.request-published'],
        ['tomas', 'aid.request-published'],
      ]);
      expect(enqueueEmail.mock.calls[0][4]).toMatchObject({
        municipality: expect.objectContaining({ countryCode: 'LT' }),
        urgency: 'critical',
        lines: [{ item: 'Generator', category: 'energy', unit: 'H87', quantity: 15 }],
      });
    });

    it('should park when the partner is not in the directory yet, having sent nothing', async () => {
      known = [dolyna];
      await expect(service.notifyPartnerOfSharedRequest(manager, source, event)).rejects.toBeInstanceOf(
        MunicipalityNotInDirectoryError,
      );
      expect(enqueueEmail).not.toHaveBeenCalled();
    });
  });

  describe('remindPartnersOfRequest', () => {
    it('should remind every contact of the partners of what is still unpledged', async () => {
      await service.remindPartnersOfRequest(manager, source, {
        requestId: 'r-1',
        hromadaId: 'ua-1',
        title: 'Generators',
        urgency: 'high',
        publishedAt: '2026-11-01T09:00:00Z',
        partnerIds: ['lt-1'],
        lines: [{ lineId: 'l-2', item: 'Generator', category: 'energy', unit: 'H87', quantity: 5 }],
        remindedAt: '2026-11-16T09:00:00Z',
      });
      expect(enqueueEmail.mock.calls.map((c: unknown[]) => [(c[2] as RecipientEntity).id, c[3]])).toEqual([
        ['jurgita', 'aid.request-reminder'],
        ['tomas', 'aid.request-reminder'],
      ]);
      expect(enqueueEmail.mock.calls[0][4]).toMatchObject({
        openSince: '2026-11-01T09:00:00Z',
        lines: [{ item: 'Generator', category: 'energy', unit: 'H87', quantity: 5 }],
      });
    });
  });

  describe('notifyHromadaOfDispatch', () => {
    const event: ShipmentStatusChangedV1 = {
      shipmentId: 's-1',
      reference: 'BR-2026-000001-5',
      requestId: 'r-1',
      hromadaId: 'ua-1',
      euMunicipalityId: 'lt-1',
      from: 'prepared',
      to: 'dispatched',
      at: '2026-03-14T08:00:00Z',
      packages: 22,
      grossWeightKg: 11_000,
      declaredValue: { amountMinor: 10_000_000, currency: 'EUR' },
      expectedArrival: '2026-03-17',
    };

    it('should email the hromada’s contacts in Ukrainian with reference, weight and value', async () => {
      await service.notifyHromadaOfDispatch(manager, source, event);
      expect(enqueueEmail).toHaveBeenCalledTimes(1);
      const [, , recipient, template, data, locale] = enqueueEmail.mock.calls[0] as unknown[];
      expect([(recipient as RecipientEntity).id, template, locale]).toEqual([
        'olena',
        'aid.shipment-dispatched',
        'uk',
      ]);
      expect(data).toMatchObject({
        reference: 'BR-2026-000001-5',
        grossWeightKg: 11_000,
        declaredValue: '100000.00 EUR',
      });
    });

    it('should send nothing for other steps of the timeline', async () => {
      for (const to of ['prepared', 'at-border', 'cleared', 'delivered'] as const)
        await service.notifyHromadaOfDispatch(manager, source, { ...event, to });
      expect(enqueueEmail).not.toHaveBeenCalled();
    });
  });

  describe('notifySenderOfReceipt', () => {
    it('should email the sender’s contacts the discrepancies', async () => {
      const event: ShipmentReceivedV1 = {
        shipmentId: 's-1',
        reference: 'BR-2026-000001-5',
        receiptId: 'g-1',
        requestId: 'r-1',
        hromadaId: 'ua-1',
        euMunicipalityId: 'lt-1',
        receivedAt: '2026-03-17T12:00:00Z',
        hasDiscrepancies: true,
        lines: [
          {
            lineNo: 1,
            item: 'Medicines',
            category: 'medical',
            unit: 'KGM',
            shippedQuantity: 500,
            receivedQuantity: 495,
            damagedQuantity: 3,
            discrepancy: 'short',
          },
        ],
      };
      await service.notifySenderOfReceipt(manager, source, event);
      expect(enqueueEmail.mock.calls.map((c: unknown[]) => (c[2] as RecipientEntity).id)).toEqual([
        'jurgita',
        'tomas',
      ]);
      expect(enqueueEmail.mock.calls[0][4]).toMatchObject({
        hasDiscrepancies: true,
        lines: [expect.objectContaining({ item: 'Medicines', receivedQuantity: 495, damagedQuantity: 3 })],
      });
    });
  });
});
