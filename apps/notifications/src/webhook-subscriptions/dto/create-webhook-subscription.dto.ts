import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsUrl, IsUUID } from 'class-validator';
import { PartnershipEstablishedV1Event, PartnershipStatusChangedV1Event } from '@bridges/contracts';

/** Event types a subscription can ask for: those notifications forwards to associations. */
export const WEBHOOK_EVENT_TYPES = [
  PartnershipEstablishedV1Event.type,
  PartnershipStatusChangedV1Event.type,
] as const;

/** An association system's endpoint. */
export class CreateWebhookSubscriptionDto {
  @ApiProperty({ description: 'The association whose member municipalities the events concern' })
  @IsUUID()
  associationId: string;

  @ApiProperty({ example: 'https://association.example/bridges/webhooks' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: string[];
}
