import type { DataSource } from 'typeorm';
import { Role } from '@bridges/platform';
import type { NotificationsEnv } from '../config/notifications.env';
import { RecipientNotFoundError } from '../directory/directory.errors';
import { RecipientPreferencesService } from './recipient-preferences.service';

function setup() {
  const repository = {
    existsBy: jest.fn(() => Promise.resolve(true)),
    findOneBy: jest.fn(() => Promise.resolve(null)),
  };
  const dataSource = { getRepository: () => repository } as unknown as DataSource;
  return { service: new RecipientPreferencesService(dataSource, {} as NotificationsEnv), repository };
}

describe(RecipientPreferencesService.name, () => {
  describe('get', () => {
    it("should answer not found, as for a recipient that does not exist, and read nothing when a user asks for someone else's", async () => {
      const { service, repository } = setup();
      await expect(
        service.get({ sub: 'user-1', roles: [Role.MunicipalityOfficer], municipalityId: 'm-1' }, 'user-2'),
      ).rejects.toBeInstanceOf(RecipientNotFoundError);
      expect(repository.existsBy).not.toHaveBeenCalled();
      expect(repository.findOneBy).not.toHaveBeenCalled();
    });

    it('should return the defaults when a user asks for their own preferences', async () => {
      const { service } = setup();
      await expect(service.get({ sub: 'user-1', roles: [] }, 'user-1')).resolves.toMatchObject({
        recipientId: 'user-1',
        digestFrequency: 'immediate',
      });
    });
  });
});
