import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { generateApiKey, sha256Hex, type IssuedApiKey } from './api-key.crypto';
import { AssociationApiKeyEntity } from './association-api-key.entity';
import { AssociationEntity } from './association.entity';
import {
  ApiKeyNotFoundError,
  AssociationNotFoundError,
  DuplicateAssociationError,
} from './associations.errors';
import type { CreateAssociationDto } from './dto/create-association.dto';

const UNIQUE_VIOLATION = '23505';

/** An API key as listed: never its secret or hash. */
export interface ApiKeyView {
  keyId: string;
  associationId: string;
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

/** Associations and their ingest keys. */
@Injectable()
export class AssociationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateAssociationDto, id: string = randomUUID()): Promise<AssociationEntity> {
    const repo = this.dataSource.getRepository(AssociationEntity);
    const existing = await repo.findOneBy({ name: dto.name });
    if (existing) throw new DuplicateAssociationError(existing.id, dto.name);
    try {
      return await repo.save(repo.create({ id, name: dto.name, country: dto.country ?? null }));
    } catch (error) {
      // Two creations racing past the check: the unique index decides, the loser gets the 409.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winner = await repo.findOneBy({ name: dto.name });
        if (winner) throw new DuplicateAssociationError(winner.id, dto.name);
      }
      throw error;
    }
  }

  list(): Promise<AssociationEntity[]> {
    return this.dataSource.getRepository(AssociationEntity).find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<AssociationEntity> {
    const association = await this.dataSource.getRepository(AssociationEntity).findOneBy({ id });
    if (!association) throw new AssociationNotFoundError(id);
    return association;
  }

  /**
   * Issues a key; the returned secret is shown once. `fixed` is for the development seed only, which
   * prints a known key so the quick start can sign requests.
   */
  async issueKey(associationId: string, label?: string, fixed?: IssuedApiKey): Promise<IssuedApiKey> {
    await this.get(associationId);
    const key = fixed ?? generateApiKey();
    await this.dataSource.getRepository(AssociationApiKeyEntity).insert({
      id: key.keyId,
      associationId,
      secretSha256: sha256Hex(key.secret),
      label: label ?? null,
      revokedAt: null,
    });
    return key;
  }

  async listKeys(associationId: string): Promise<ApiKeyView[]> {
    await this.get(associationId);
    const keys = await this.dataSource
      .getRepository(AssociationApiKeyEntity)
      .find({ where: { associationId }, order: { createdAt: 'ASC' } });
    return keys.map(toKeyView);
  }

  /** Revokes a key at once for every instance; revoking twice keeps the first revocation time. */
  async revokeKey(associationId: string, keyId: string): Promise<ApiKeyView> {
    const repo = this.dataSource.getRepository(AssociationApiKeyEntity);
    const key = await repo.findOneBy({ id: keyId, associationId });
    if (!key) throw new ApiKeyNotFoundError(associationId, keyId);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await repo.update({ id: keyId, revokedAt: IsNull() }, { revokedAt: key.revokedAt });
    }
    return toKeyView(key);
  }

  /** The unrevoked key with this id, or null. */
  findActiveKey(keyId: string): Promise<AssociationApiKeyEntity | null> {
    return this.dataSource
      .getRepository(AssociationApiKeyEntity)
      .findOneBy({ id: keyId, revokedAt: IsNull() });
  }
}

function toKeyView(key: AssociationApiKeyEntity): ApiKeyView {
  const view: ApiKeyView = {
    keyId: key.id,
    associationId: key.associationId,
    createdAt: key.createdAt.toISOString(),
  };
  if (key.label) view.label = key.label;
  if (key.revokedAt) view.revokedAt = key.revokedAt.toISOString();
  return view;
}
