import { Controller, Headers, HttpCode, HttpException, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IngestOutcomeDto } from './dto/ingest-outcome.dto';
import type { Request } from 'express';
import { Public } from '@bridges/platform';
import { IngestService, type IngestOutcome } from './ingest.service';

/** Media type of ingest bodies (CloudEvents structured mode); read raw so the signature covers the exact bytes. */
export const INGEST_CONTENT_TYPE = 'application/cloudevents+json';

/** `POST /ingest`: association events over HTTP, authenticated by key and HMAC instead of a bearer token. */
@ApiTags('ingest')
@Controller('ingest')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Post()
  @Public() // no bearer token: the HMAC signature is the credential, checked by IngestService
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes(INGEST_CONTENT_TYPE)
  @ApiHeader({ name: 'Bridges-Key-Id', required: true })
  @ApiHeader({
    name: 'Bridges-Timestamp',
    required: true,
    description: 'Unix seconds, within ±300 s of the server clock',
  })
  @ApiHeader({
    name: 'Bridges-Signature',
    required: true,
    description: 'v1=<hex HMAC-SHA256 over "<timestamp>.<raw body>">',
  })
  @ApiOperation({
    summary: 'Publish one association event (CloudEvents structured JSON) onto associations.inbound.v1',
  })
  @ApiAcceptedResponse({ type: IngestOutcomeDto })
  receive(
    @Req() req: Request,
    @Headers('bridges-key-id') keyId: string | undefined,
    @Headers('bridges-timestamp') timestamp: string | undefined,
    @Headers('bridges-signature') signature: string | undefined,
  ): Promise<IngestOutcome> {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body)) {
      throw new HttpException(
        {
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: `Send the event as Content-Type: ${INGEST_CONTENT_TYPE}`,
        },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    return this.ingest.ingest({ keyId, timestamp, signature }, body);
  }
}
