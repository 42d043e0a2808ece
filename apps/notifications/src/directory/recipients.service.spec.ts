import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, DomainErrorKind } from '@bridges/platform';
import { DirectoryErrorCode, RecipientExistsError } from './directory.errors';
import type { CreateRecipientDto } from './dto/create-recipient.dto';
import { RecipientKind } from './recipient.entity';
import { RecipientsService } from './recipients.service';

describe(`${RecipientsService.name}.create`, () => {
  const dto: CreateRecipientDto = {
    kind: RecipientKind.Coordinator,
    sub: 'coordinator-1',
    name: 'Coordinator',
    email: 'coordinator@bridges.test',
    roles: [],
  };
  // The check found nothing; the insert then hits whatever `insert` does (e.g. a concurrent insert won).
  const serviceWhere = (insert: () => Promise<unknown>, exists = false) =>
    new RecipientsService({
      transaction: <T>(work: (manager: EntityManager) => Promise<T>) =>
        work({ existsBy: () => Promise.resolve(exists), insert } as unknown as EntityManager),
    } as unknown as DataSource);
  const uniqueViolation = () =>
    new QueryFailedError(
      'INSERT INTO "recipient" ...',
      [],
      Object.assign(
        new Error('duplicate key value violates unique constraint "PK_9f7a695711b2055e3c8d5cfcfa1"'),
        {
          code: '23505',
        },
      ),
    );

  it('should answer a 409 RECIPIENT_EXISTS when another insert of the same id wins the race', async () => {
    const error = await serviceWhere(() => Promise.reject(uniqueViolation()))
      .create(dto)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RecipientExistsError);
    expect(error).toMatchObject({ code: DirectoryErrorCode.RecipientExists, kind: DomainErrorKind.Conflict });
  });

  it('should answer a 409 RECIPIENT_EXISTS when the recipient is already there', async () => {
    const error = await serviceWhere(() => Promise.resolve(undefined), true)
      .create(dto)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RecipientExistsError);
  });

  it('should pass on other database errors unchanged', async () => {
    const other = Object.assign(new Error('connection terminated'), { code: '57P01' });
    const error = await serviceWhere(() => Promise.reject(other))
      .create(dto)
      .catch((e: unknown) => e);

    expect(error).toBe(other);
    expect(error).not.toBeInstanceOf(DomainError);
  });

  it('should create the recipient when its id is free', async () => {
    const inserted: unknown[] = [];
    const row = await serviceWhere((...args: unknown[]) => {
      inserted.push(args);
      return Promise.resolve(undefined);
    }).create(dto);

    expect(row).toMatchObject({ id: 'coordinator-1', kind: RecipientKind.Coordinator, active: true });
    expect(inserted).toHaveLength(1);
  });
});
