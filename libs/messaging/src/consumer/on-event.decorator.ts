import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@bridges/contracts';
import { PreserveEventErrorFilter } from './preserve-event-error.filter';

/**
 * Marks a class whose methods handle Kafka events (a thin adapter, like a controller for HTTP).
 * It keeps handler errors intact so that the event processor can classify them.
 */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(PreserveEventErrorFilter));
}

/**
 * Marks an {@link EventConsumer} method as the handler of one event type. The method receives
 * the validated payload (`@Payload()`) and an {@link EventContext} (`@Ctx()`); it must write its
 * effect through `context.manager`, in the transaction that also records the event as processed.
 *
 * @example
 * @OnEvent(MunicipalityRegisteredV1Event)
 * proposeMatches(@Payload() event: MunicipalityRegisteredV1, @Ctx() context: EventContext) { ... }
 */
export function OnEvent(definition: Pick<EventDefinition, 'type'>): MethodDecorator {
  return EventPattern(definition.type);
}
