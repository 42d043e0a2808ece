import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ParticipantCheckedInV1Event, ParticipantStatus } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { assertInScope } from '../common/access';
import { outboxPublisher } from '../common/publish-fn';
import { EventEntity } from '../events/event.entity';
import { EventNotFoundError } from '../events/events.errors';
import { participantSeat } from '../registrations/participant-events';
import { ParticipantEntity } from '../registrations/participant.entity';
import { CheckInCodes } from './check-in-code';
import { CheckInNotConfirmedError, InvalidCheckInCodeError } from './check-in.errors';

/** What the scanner shows: who it is, and whether this is the first scan or a repeat. */
export interface CheckInResult {
  readonly outcome: 'checked-in' | 'already-checked-in';
  readonly participantId: string;
  readonly fullName: string;
  readonly country: string;
  readonly municipalityId: string | null;
  readonly checkedInAt: Date;
}

/** One row of attendance: seats held, confirmed and checked in, per country and delegation. */
export interface AttendanceRow {
  readonly country: string;
  readonly municipalityId: string | null;
  readonly associationId: string | null;
  readonly confirmed: number;
  readonly checkedIn: number;
}

/** Check-in at the door and attendance counts. */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly codes: CheckInCodes,
  ) {}

  /**
   * Checks a code in. The signature is verified first (a forged or mistyped code never reaches the
   * database); the first scan stamps the time in a conditional UPDATE, so two scanners scanning one ticket
   * at once record one check-in, and the second is told `already-checked-in` with the first time.
   */
  async checkIn(user: AuthenticatedUser, eventId: string, code: string): Promise<CheckInResult> {
    assertInScope(user, [], () => new EventNotFoundError(eventId));
    const canonical = this.codes.verify(eventId, code);
    if (!canonical) throw new InvalidCheckInCodeError();
    return this.dataSource.transaction(async (manager) => {
      const p = await manager.findOneBy(ParticipantEntity, { eventId, checkInCode: canonical });
      if (!p) throw new InvalidCheckInCodeError();
      if (p.status !== ParticipantStatus.Confirmed) throw new CheckInNotConfirmedError(p.status);
      const now = new Date();
      const stamped = await manager
        .createQueryBuilder()
        .update(ParticipantEntity)
        .set({ checkedInAt: now, updatedAt: now })
        .where('id = :id AND checked_in_at IS NULL', { id: p.id })
        .execute();
      const first = stamped.affected === 1;
      if (first) {
        p.checkedInAt = now;
        await outboxPublisher(this.outbox, manager)(ParticipantCheckedInV1Event, participantSeat(p, now));
      }
      const checkedInAt = first
        ? now
        : (await manager.findOneByOrFail(ParticipantEntity, { id: p.id })).checkedInAt!;
      return {
        outcome: first ? 'checked-in' : 'already-checked-in',
        participantId: p.id,
        fullName: p.fullName,
        country: p.country,
        municipalityId: p.municipalityId,
        checkedInAt,
      };
    });
  }

  /** Confirmed and checked-in people per country and delegation (no personal data). */
  async attendance(user: AuthenticatedUser, eventId: string): Promise<AttendanceRow[]> {
    assertInScope(user, [], () => new EventNotFoundError(eventId));
    if (!(await this.dataSource.manager.existsBy(EventEntity, { id: eventId })))
      throw new EventNotFoundError(eventId);
    return this.dataSource.query<AttendanceRow[]>(
      `SELECT country, municipality_id AS "municipalityId", association_id AS "associationId",
              count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS "checkedIn"
         FROM participant WHERE event_id = $1
        GROUP BY country, municipality_id, association_id
        ORDER BY country, municipality_id NULLS FIRST, association_id NULLS FIRST`,
      [eventId],
    );
  }
}
