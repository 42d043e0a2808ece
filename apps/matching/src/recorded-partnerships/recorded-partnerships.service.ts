import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MunicipalityKind, PartnershipTrack } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { outboxPublisher } from '../common/publish-fn';
import { retryOnContention } from '../common/retry-on-contention';
import { PartnershipCapacity } from '../partnerships/partnership-capacity';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { MunicipalityProjectionEntity } from '../projection/municipality-projection.entity';
import { ProposalWriter } from '../proposals/proposal.writer';
import type { RecordPartnershipDto } from './dto/record-partnership.dto';
import {
  EstablishedOnInFutureError,
  MunicipalityInactiveError,
  MunicipalityNotProjectedError,
  WrongMunicipalityKindError,
} from './recorded-partnerships.errors';

/**
 * Partnerships formed before or outside Bridges (a twinning older than the platform), recorded by a
 * coordinator so that the services downstream (notifications, events, aid logistics) know them too. The
 * same rules as an accepted proposal: one live partnership per pair, capacity held under the pair's locks
 * ({@link PartnershipCapacity}), the pair's open proposals withdrawn, one event.
 */
@Injectable()
export class RecordedPartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly partnerships: PartnershipsService,
    private readonly capacity: PartnershipCapacity,
    private readonly writer: ProposalWriter,
  ) {}

  record(user: AuthenticatedUser, dto: RecordPartnershipDto): Promise<PartnershipEntity> {
    // The day starts at midnight UTC; a day after today (UTC) has not happened anywhere yet but Kiribati.
    const establishedAt = new Date(`${dto.establishedOn}T00:00:00Z`);
    if (dto.establishedOn > new Date().toISOString().slice(0, 10))
      throw new EstablishedOnInFutureError(dto.establishedOn);
    return retryOnContention(() =>
      this.dataSource.transaction(async (manager) => {
        await this.assertPartnerable(manager, dto);
        const pair = await this.capacity.lockPair(manager, dto.hromadaId, dto.euMunicipalityId);
        const publish = outboxPublisher(this.outbox, manager);
        const { partnership, fullSides } = await this.partnerships.recordExisting(manager, publish, pair, {
          track: dto.track ?? PartnershipTrack.Formal,
          establishedAt,
          note: dto.note ?? null,
          by: user.sub,
        });
        await this.writer.withdrawOvertakenBy(manager, publish, partnership, fullSides);
        return partnership;
      }),
    );
  }

  /** Both municipalities are projected, active, and each of the kind its field names. */
  private async assertPartnerable(manager: EntityManager, dto: RecordPartnershipDto): Promise<void> {
    const sides = [
      { field: 'hromadaId', id: dto.hromadaId, kind: MunicipalityKind.Hromada, label: 'hromada' },
      {
        field: 'euMunicipalityId',
        id: dto.euMunicipalityId,
        kind: MunicipalityKind.EuMunicipality,
        label: 'EU municipality',
      },
    ] as const;
    for (const side of sides) {
      const row = await manager.findOne(MunicipalityProjectionEntity, {
        where: { municipalityId: side.id },
        select: { municipalityId: true, kind: true, active: true },
      });
      if (!row) throw new MunicipalityNotProjectedError(side.field, side.id);
      if (row.kind !== side.kind) throw new WrongMunicipalityKindError(side.field, side.id, side.label);
      if (!row.active) throw new MunicipalityInactiveError(side.field, side.id);
    }
  }
}
