import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { COORDINATOR_ROLES, type AuthenticatedUser } from '@bridges/platform';
import type { Page, PageQueryDto } from '@bridges/platform';
import type { SourceEvent } from '../deliveries/source-event';
import { DirectoryService } from '../directory/directory.service';
import { InboxItemEntity } from './inbox-item.entity';
import { InboxItemNotFoundError } from './inbox.errors';
import { inboxesOf } from './inbox-owner';

/** A console notification to add. */
export interface NewInboxItem {
  ownerKey: string;
  templateId: string;
  title: string;
  summary: string;
  refs: Record<string, string>;
}

/** The console inbox: items written by event handlers, read and marked read by their owners. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  /** Adds an item in the caller's transaction; a second add for the same source, owner and template is a no-op. */
  async add(manager: EntityManager, source: SourceEvent, item: NewInboxItem): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(InboxItemEntity)
      .values({ id: randomUUID(), sourceEventId: source.id, readAt: null, ...item })
      .orIgnore()
      .execute();
  }

  /** The caller's items, newest first. */
  async list(user: AuthenticatedUser, page: PageQueryDto): Promise<Page<InboxItemEntity>> {
    await this.registerConsoleUser(user);
    const [items, total] = await this.dataSource.getRepository(InboxItemEntity).findAndCount({
      where: { ownerKey: In(inboxesOf(user)) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  async unreadCount(user: AuthenticatedUser): Promise<{ unread: number }> {
    await this.registerConsoleUser(user);
    const unread = await this.dataSource
      .getRepository(InboxItemEntity)
      .countBy({ ownerKey: In(inboxesOf(user)), readAt: IsNull() });
    return { unread };
  }

  /** Marks one of the caller's items read (idempotent); 404 for items that are not theirs. */
  async markRead(user: AuthenticatedUser, id: string): Promise<InboxItemEntity> {
    const repository = this.dataSource.getRepository(InboxItemEntity);
    const item = await repository.findOneBy({ id, ownerKey: In(inboxesOf(user)) });
    if (!item) throw new InboxItemNotFoundError(id);
    if (!item.readAt) {
      item.readAt = new Date();
      await repository.update({ id, readAt: IsNull() }, { readAt: item.readAt });
    }
    return item;
  }

  /** Coordinators become recipients on first use, so their digests and inbox find them. */
  private async registerConsoleUser(user: AuthenticatedUser): Promise<void> {
    if (!user.roles.some((role) => (COORDINATOR_ROLES as readonly string[]).includes(role))) return;
    await this.dataSource.transaction((manager) => this.directory.ensureConsoleUser(manager, user));
  }
}
