import { ApiProperty } from '@nestjs/swagger';

/** What `POST /ingest` did; documentation only. */
export class IngestOutcomeDto {
  @ApiProperty({
    enum: ['accepted', 'duplicate'],
    description: 'duplicate: this event id was already received, no second effect',
  })
  status: 'accepted' | 'duplicate';
  @ApiProperty({ format: 'uuid', description: 'Id of the event on associations.inbound.v1' }) eventId: string;
}
