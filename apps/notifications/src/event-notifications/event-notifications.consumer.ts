import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventCancelledV1Event,
  EventChangedV1Event,
  EventDraftedV1Event,
  EventPublishedV1Event,
  ParticipantCancelledV1Event,
  ParticipantConfirmedV1Event,
  ParticipantOfferedV1Event,
  ParticipantOfferExpiredV1Event,
  ParticipantPersonalDataErasedV1Event,
  ParticipantRegisteredV1Event,
  ParticipantSubstitutedV1Event,
  ParticipantWaitlistedV1Event,
  type EventCancelledV1,
  type EventChangedV1,
  type EventDraftedV1,
  type EventSummaryV1,
  type ParticipantCancelledV1,
  type ParticipantConfirmedV1,
  type ParticipantOfferedV1,
  type ParticipantOfferExpiredV1,
  type ParticipantPersonalDataErasedV1,
  type ParticipantRegisteredV1,
  type ParticipantSubstitutedV1,
  type ParticipantWaitlistedV1,
} from '@bridges/contracts';
import { EventConsumer, EventContext, OnEvent } from '@bridges/messaging';
import { sourceOf } from '../deliveries/source-event';
import { eventDependency } from './event-notifications.errors';
import { EventNotificationsService } from './event-notifications.service';

/**
 * Thin Kafka adapter for `events.event.v1` and `events.registration.v1`. Every event record releases the
 * registration events parked while waiting for it (they come on another topic, so may arrive first).
 */
@EventConsumer()
export class EventNotificationsConsumer {
  constructor(private readonly notifications: EventNotificationsService) {}

  @OnEvent(EventDraftedV1Event)
  async inviteKickOffPartnersOnEventDrafted(
    @Payload() event: EventDraftedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.inviteKickOffPartners(context.manager, sourceOf(context.envelope), event);
    await context.dependencyArrived(eventDependency(event.eventId));
  }

  @OnEvent(EventPublishedV1Event)
  async projectOnEventPublished(
    @Payload() event: EventSummaryV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.project(context.manager, sourceOf(context.envelope), event);
    await context.dependencyArrived(eventDependency(event.eventId));
  }

  @OnEvent(EventChangedV1Event)
  async tellParticipantsOnEventChanged(
    @Payload() event: EventChangedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.changed(context.manager, sourceOf(context.envelope), event);
    await context.dependencyArrived(eventDependency(event.eventId));
  }

  @OnEvent(EventCancelledV1Event)
  async tellParticipantsOnEventCancelled(
    @Payload() event: EventCancelledV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.cancelled(context.manager, sourceOf(context.envelope), event);
    await context.dependencyArrived(eventDependency(event.eventId));
  }

  @OnEvent(ParticipantConfirmedV1Event)
  async confirmOnParticipantConfirmed(
    @Payload() seat: ParticipantConfirmedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.confirmed(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantWaitlistedV1Event)
  async tellOnParticipantWaitlisted(
    @Payload() seat: ParticipantWaitlistedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.waitlisted(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantOfferedV1Event)
  async offerOnParticipantOffered(
    @Payload() seat: ParticipantOfferedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.offered(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantSubstitutedV1Event)
  async confirmNewcomerOnParticipantSubstituted(
    @Payload() seat: ParticipantSubstitutedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.substituted(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantRegisteredV1Event)
  async trackOnParticipantRegistered(
    @Payload() seat: ParticipantRegisteredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.track(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantCancelledV1Event)
  async trackOnParticipantCancelled(
    @Payload() seat: ParticipantCancelledV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.track(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantOfferExpiredV1Event)
  async trackOnParticipantOfferExpired(
    @Payload() seat: ParticipantOfferExpiredV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.notifications.track(context.manager, sourceOf(context.envelope), seat);
  }

  @OnEvent(ParticipantPersonalDataErasedV1Event)
  async eraseParticipantOnPersonalDataErased(
    @Payload() event: ParticipantPersonalDataErasedV1,
    @Ctx() context: EventContext,
  ): Promise<void> {
    // Needs no event projection: erasure never waits (nor parks) for anything.
    await this.notifications.eraseParticipant(context.manager, event);
  }
}
