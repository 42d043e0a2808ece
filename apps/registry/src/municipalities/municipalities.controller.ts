import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  assertCanActOnMunicipality,
  COORDINATOR_ROLES,
  CorrelationContext,
  CurrentUser,
  etagOf,
  requiredVersion,
  Role,
  Roles,
  StaleVersionFilter,
  type AuthenticatedUser,
} from '@bridges/platform';
import { CreateMunicipalityDto } from './dto/create-municipality.dto';
import { MunicipalityNotFoundError } from './municipalities.errors';
import { DeactivateMunicipalityDto } from './dto/deactivate-municipality.dto';
import { ListMunicipalitiesDto } from './dto/list-municipalities.dto';
import { MunicipalityPageDto, MunicipalityResponseDto } from './dto/municipality-response.dto';
import { PublicMunicipalityResponseDto } from './dto/public-municipality-response.dto';
import { UpdateMunicipalityDto } from './dto/update-municipality.dto';
import { MunicipalitiesService, type MunicipalityPage } from './municipalities.service';
import { toMunicipalityView, type MunicipalityView } from './municipality.view';
import type { PublicMunicipalityView } from './public-municipality.view';

const IF_MATCH_DOC = {
  name: 'If-Match',
  required: true,
  description: 'The strong ETag of the version being changed, e.g. "3" (a weak W/"3" is a 412)',
};

/** Municipality profiles over HTTP; the rules live in {@link MunicipalitiesService}. */
@ApiTags('municipalities')
@Controller('municipalities')
@UseFilters(StaleVersionFilter)
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Post()
  @Roles(Role.RegistryCoordinator)
  @ApiOperation({
    summary:
      'Register a hromada or an EU municipality (409 names an existing profile with the same country and code)',
  })
  @ApiCreatedResponse({ type: MunicipalityResponseDto, description: 'Registered; ETag "1"' })
  async register(
    @Body() dto: CreateMunicipalityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MunicipalityView> {
    const profile = await this.municipalities.register(dto, cause());
    res.setHeader('ETag', etagOf(profile.version)).setHeader('Location', `/municipalities/${profile.id}`);
    return toMunicipalityView(profile, true);
  }

  @Get()
  @Roles(...COORDINATOR_ROLES)
  @ApiOperation({ summary: 'List and search profiles (contacts shown to registry coordinators only)' })
  @ApiOkResponse({ type: MunicipalityPageDto })
  list(
    @Query() query: ListMunicipalitiesDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MunicipalityPage> {
    return this.municipalities.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a profile; ETag carries its version' })
  @ApiOkResponse({ type: MunicipalityResponseDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MunicipalityView> {
    // Coordinators of any console read; an officer reads only their own municipality (another's is a 404).
    assertCanActOnMunicipality(user, id, { notFound: () => new MunicipalityNotFoundError(id) });
    const view = await this.municipalities.get(id, user);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Get(':id/public')
  @Roles(...COORDINATOR_ROLES, Role.MunicipalityOfficer)
  @ApiOperation({
    summary:
      "Read a municipality's public profile (any coordinator or any municipality's officer): no contacts or other personal data",
  })
  @ApiOkResponse({ type: PublicMunicipalityResponseDto })
  getPublic(@Param('id', ParseUUIDPipe) id: string): Promise<PublicMunicipalityView> {
    // Officers must learn who a proposed partner is; the full profile (with contacts) stays their own.
    return this.municipalities.getPublic(id);
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH_DOC)
  @ApiOperation({
    summary:
      'Change a profile (registry coordinators, or its own officer); 428 without If-Match, 412 when stale',
  })
  @ApiOkResponse({ type: MunicipalityResponseDto, description: 'Changed; new ETag' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMunicipalityDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MunicipalityView> {
    this.assertCanEdit(user, id);
    const { profile } = await this.municipalities.update(id, dto, requiredVersion(ifMatch), cause());
    res.setHeader('ETag', etagOf(profile.version));
    return toMunicipalityView(profile, true);
  }

  @Delete(':id')
  @Roles(Role.RegistryCoordinator)
  @ApiHeader(IF_MATCH_DOC)
  @ApiQuery({ name: 'reason', required: false })
  @ApiOperation({ summary: 'Deactivate a profile: it leaves every matching pool' })
  @ApiOkResponse({ type: MunicipalityResponseDto })
  async deactivate(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Query() query: DeactivateMunicipalityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MunicipalityView> {
    const profile = await this.municipalities.deactivate(id, requiredVersion(ifMatch), query.reason, cause());
    res.setHeader('ETag', etagOf(profile.version));
    return toMunicipalityView(profile, true);
  }

  @Delete(':id/contacts/:contactId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Erase a contact person's data on request; consumers are told to purge it" })
  @ApiNoContentResponse({ description: 'Erased; contact-erased published' })
  async eraseContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    this.assertCanEdit(user, id);
    const profile = await this.municipalities.eraseContact(id, contactId, cause());
    res.setHeader('ETag', etagOf(profile.version));
  }

  /** Registry coordinators, or the municipality's own officer; another municipality's officer gets 404. */
  private assertCanEdit(user: AuthenticatedUser, id: string): void {
    assertCanActOnMunicipality(user, id, {
      coordinatorRoles: [Role.RegistryCoordinator],
      notFound: () => new MunicipalityNotFoundError(id),
    });
  }
}

function cause() {
  return { correlationId: CorrelationContext.current() };
}
