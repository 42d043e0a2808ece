import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import type { Page } from '@bridges/platform';
import {
  RecipientManagedByRegistryError,
  RecipientExistsError,
  RecipientNotFoundError,
} from './directory.errors';
import type { CreateRecipientDto } from './dto/create-recipient.dto';
import type { ListRecipientsDto } from './dto/list-recipients.dto';
import { RecipientEntity, RecipientKind } from './recipient.entity';

const UNIQUE_VIOLATION = '23505';

/** Admin use cases on recipients that are not projected from the registry: association contacts and coordinators. */
@Injectable()
export class RecipientsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds an association contact or coordinator; `RecipientExistsError` (409 `RECIPIENT_EXISTS`) when the
   * id is taken — also when another request (or a coordinator's first inbox use) inserts it between the
   * check and the insert: the primary key decides.
   */
  async create(dto: CreateRecipientDto): Promise<RecipientEntity> {
    const id = dto.kind === RecipientKind.Coordinator ? dto.sub! : randomUUID();
    try {
      return await this.insert(id, dto);
    } catch (error) {
      if (isUniqueViolation(error)) throw new RecipientExistsError(id);
      throw error;
    }
  }

  private insert(id: string, dto: CreateRecipientDto): Promise<RecipientEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(RecipientEntity, { id })) throw new RecipientExistsError(id);
      const now = new Date();
      const row: RecipientEntity = {
        id,
        kind: dto.kind,
        municipalityId: null,
        associationId: dto.kind === RecipientKind.Association ? dto.associationId! : null,
        name: dto.name,
        email: dto.email,
        preferredLanguage: dto.preferredLanguage?.toLowerCase() ?? null,
        roles: dto.kind === RecipientKind.Coordinator ? (dto.roles ?? []) : [],
        active: true,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(RecipientEntity, row);
      return row;
    });
  }

  async list(query: ListRecipientsDto): Promise<Page<RecipientEntity>> {
    const where: FindOptionsWhere<RecipientEntity> = {};
    if (query.kind) where.kind = query.kind;
    if (query.municipalityId) where.municipalityId = query.municipalityId;
    if (query.associationId) where.associationId = query.associationId;
    const [items, total] = await this.dataSource
      .getRepository(RecipientEntity)
      .findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<RecipientEntity> {
    const row = await this.dataSource.getRepository(RecipientEntity).findOneBy({ id });
    if (!row) throw new RecipientNotFoundError(id);
    return row;
  }

  /** Removes an association contact or coordinator; municipality contacts are erased through the registry. */
  async remove(id: string): Promise<void> {
    const row = await this.get(id);
    if (row.kind === RecipientKind.MunicipalityContact) throw new RecipientManagedByRegistryError(id);
    await this.dataSource.getRepository(RecipientEntity).delete({ id });
  }
}

/** PostgreSQL `unique_violation`, as TypeORM's `QueryFailedError` carries it. */
function isUniqueViolation(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    driverError?: { code?: unknown };
  };
  return e.code === UNIQUE_VIOLATION || e.driverError?.code === UNIQUE_VIOLATION;
}
