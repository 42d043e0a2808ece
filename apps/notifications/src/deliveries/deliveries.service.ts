import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import type { Page } from '@bridges/platform';
import { DeliveryNotFoundError } from './deliveries.errors';
import { DeliveryEntity } from './delivery.entity';
import { toDeliveryView, type DeliveryView } from './delivery.view';
import type { ListDeliveriesDto } from './dto/list-deliveries.dto';

/** Queries of the delivery log (state tracking for admins). */
@Injectable()
export class DeliveriesService {
  constructor(@InjectRepository(DeliveryEntity) private readonly deliveries: Repository<DeliveryEntity>) {}

  /** Newest first, filtered by state, channel, recipient or source event. */
  async list(query: ListDeliveriesDto): Promise<Page<DeliveryView>> {
    const where: FindOptionsWhere<DeliveryEntity> = {};
    if (query.status) where.status = query.status;
    if (query.channel) where.channel = query.channel;
    if (query.recipientId) where.recipientId = query.recipientId;
    if (query.sourceEventId) where.sourceEventId = query.sourceEventId;
    const [rows, total] = await this.deliveries.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items: rows.map(toDeliveryView), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<DeliveryView> {
    const row = await this.deliveries.findOneBy({ id });
    if (!row) throw new DeliveryNotFoundError(id);
    return toDeliveryView(row);
  }
}
