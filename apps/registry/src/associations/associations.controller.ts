import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiKeyResponseDto,
  AssociationResponseDto,
  IssuedApiKeyResponseDto,
} from './dto/association-response.dto';
import { Role, Roles } from '@bridges/platform';
import type { AssociationEntity } from './association.entity';
import { AssociationsService, type ApiKeyView } from './associations.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreateAssociationDto } from './dto/create-association.dto';

const SIGNING_HINT =
  'Bridges-Signature: v1=hex(HMAC-SHA256(key = hex(SHA-256(secret)), message = "<Bridges-Timestamp>.<raw body>"))';

/** Associations and their ingest keys; registry coordinators only. */
@ApiTags('associations')
@Controller('associations')
@Roles(Role.RegistryCoordinator)
export class AssociationsController {
  constructor(private readonly associations: AssociationsService) {}

  @Post()
  @ApiOperation({ summary: 'Register an association' })
  @ApiCreatedResponse({ type: AssociationResponseDto })
  create(@Body() dto: CreateAssociationDto): Promise<AssociationEntity> {
    return this.associations.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [AssociationResponseDto] })
  list(): Promise<AssociationEntity[]> {
    return this.associations.list();
  }

  @Post(':id/keys')
  @ApiOperation({ summary: 'Issue an ingest key; the secret is in this response only and is never stored' })
  @ApiCreatedResponse({ type: IssuedApiKeyResponseDto })
  async issueKey(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<{ keyId: string; secret: string; associationId: string; signing: string }> {
    const key = await this.associations.issueKey(id, dto.label);
    return {
      keyId: key.keyId,
      secret: key.secret,
      associationId: id,
      signing: SIGNING_HINT,
    };
  }

  @Get(':id/keys')
  @ApiOkResponse({ type: [ApiKeyResponseDto] })
  listKeys(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyView[]> {
    return this.associations.listKeys(id);
  }

  @Delete(':id/keys/:keyId')
  @ApiOperation({ summary: 'Revoke a key (effective at once on every instance)' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  revokeKey(@Param('id', ParseUUIDPipe) id: string, @Param('keyId') keyId: string): Promise<ApiKeyView> {
    return this.associations.revokeKey(id, keyId);
  }
}
