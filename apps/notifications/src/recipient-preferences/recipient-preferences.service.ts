import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, type AuthenticatedUser } from '@bridges/platform';
import { NotificationsEnv } from '../config/notifications.env';
import type { DigestFrequency } from '../digest';
import { RecipientNotFoundError } from '../directory/directory.errors';
import { RecipientEntity } from '../directory/recipient.entity';
import { verifyUnsubscribeToken, type UnsubscribeClaims } from '../preferences';
import type { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { RecipientPreferenceEntity } from './recipient-preference.entity';
import { InvalidUnsubscribeLinkError } from './recipient-preferences.errors';

/** A recipient's preferences as the API shows them. */
export interface PreferencesView {
  recipientId: string;
  disabledChannels: string[];
  disabledTemplates: string[];
  digestFrequency: DigestFrequency;
}

/** Per-recipient channel and template opt-outs, digest frequency, and one-click unsubscribe. */
@Injectable()
export class RecipientPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: NotificationsEnv,
  ) {}

  /** Admins read anyone's; a console user reads their own (recipient id = token `sub`). */
  async get(user: AuthenticatedUser, recipientId: string): Promise<PreferencesView> {
    this.assertAllowed(user, recipientId);
    await this.requireRecipient(recipientId);
    const row = await this.dataSource.getRepository(RecipientPreferenceEntity).findOneBy({ recipientId });
    return toView(row ?? defaults(recipientId));
  }

  async update(
    user: AuthenticatedUser,
    recipientId: string,
    dto: UpdatePreferencesDto,
  ): Promise<PreferencesView> {
    this.assertAllowed(user, recipientId);
    await this.requireRecipient(recipientId);
    return this.dataSource.transaction(async (manager) => {
      const row = (await this.lock(manager, recipientId)) ?? defaults(recipientId);
      if (dto.disabledChannels) row.disabledChannels = [...new Set(dto.disabledChannels)].sort();
      if (dto.disabledTemplates) row.disabledTemplates = [...new Set(dto.disabledTemplates)].sort();
      if (dto.digestFrequency) row.digestFrequency = dto.digestFrequency;
      row.updatedAt = new Date();
      await manager.upsert(RecipientPreferenceEntity, row, ['recipientId']);
      return toView(row);
    });
  }

  /** Checks a signed unsubscribe link without changing anything; throws `InvalidUnsubscribeLinkError`. */
  verifyUnsubscribeLink(token: string | undefined): UnsubscribeClaims {
    const verification = verifyUnsubscribeToken(token ?? '', this.env.UNSUBSCRIBE_SECRET!);
    if (!verification.ok) throw new InvalidUnsubscribeLinkError();
    return verification.claims;
  }

  /**
   * Applies a signed unsubscribe link: turns off the template it names on its channel (or the whole
   * channel when it names none). Idempotent; works for as long as the recipient exists.
   */
  async unsubscribe(token: string | undefined): Promise<UnsubscribeClaims> {
    const claims = this.verifyUnsubscribeLink(token);
    await this.dataSource.transaction(async (manager) => {
      // An erased recipient's link does nothing: there is nobody left to write to.
      if (!(await manager.existsBy(RecipientEntity, { id: claims.recipientId }))) return;
      const row = (await this.lock(manager, claims.recipientId)) ?? defaults(claims.recipientId);
      if (claims.templateId) {
        row.disabledTemplates = [
          ...new Set([...row.disabledTemplates, `${claims.channel}:${claims.templateId}`]),
        ].sort();
      } else {
        row.disabledChannels = [...new Set([...row.disabledChannels, claims.channel])].sort();
      }
      row.updatedAt = new Date();
      await manager.upsert(RecipientPreferenceEntity, row, ['recipientId']);
    });
    return claims;
  }

  /** Digest frequency per recipient (default `immediate`), for the digest planner. */
  async frequencies(
    manager: EntityManager,
    recipientIds: readonly string[],
  ): Promise<Map<string, DigestFrequency>> {
    if (recipientIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(RecipientPreferenceEntity)
      .createQueryBuilder('p')
      .where('p.recipient_id = ANY(:ids)', { ids: [...recipientIds] })
      .getMany();
    return new Map(rows.map((r) => [r.recipientId, r.digestFrequency]));
  }

  /** Someone else's preferences answer 404, as if they did not exist (the platform's rule for "not yours"). */
  private assertAllowed(user: AuthenticatedUser, recipientId: string): void {
    if (user.roles.includes(Role.NotificationsAdmin) || user.sub === recipientId) return;
    throw new RecipientNotFoundError(recipientId);
  }

  private async requireRecipient(recipientId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(RecipientEntity).existsBy({ id: recipientId }))) {
      throw new RecipientNotFoundError(recipientId);
    }
  }

  private lock(manager: EntityManager, recipientId: string): Promise<RecipientPreferenceEntity | null> {
    return manager.findOne(RecipientPreferenceEntity, {
      where: { recipientId },
      lock: { mode: 'pessimistic_write' },
    });
  }
}

function defaults(recipientId: string): RecipientPreferenceEntity {
  return {
    recipientId,
    disabledChannels: [],
    disabledTemplates: [],
    digestFrequency: 'immediate',
    updatedAt: new Date(),
  };
}

function toView(row: RecipientPreferenceEntity): PreferencesView {
  return {
    recipientId: row.recipientId,
    disabledChannels: row.disabledChannels,
    disabledTemplates: row.disabledTemplates,
    digestFrequency: row.digestFrequency,
  };
}
