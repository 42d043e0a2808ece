import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@bridges/platform';
import type { Page } from '@bridges/platform';
import { CreateRecipientDto } from './dto/create-recipient.dto';
import { ListRecipientsDto } from './dto/list-recipients.dto';
import type { RecipientEntity } from './recipient.entity';
import { RecipientsService } from './recipients.service';

/** The recipient directory: municipality contacts (from the registry), association contacts and coordinators. */
@ApiTags('recipients')
@Roles(Role.NotificationsAdmin)
@Controller('recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Post()
  @ApiOperation({ summary: 'Add an association contact or a coordinator' })
  create(@Body() dto: CreateRecipientDto): Promise<RecipientEntity> {
    return this.recipients.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Recipients by kind, municipality or association' })
  list(@Query() query: ListRecipientsDto): Promise<Page<RecipientEntity>> {
    return this.recipients.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One recipient' })
  get(@Param('id') id: string): Promise<RecipientEntity> {
    return this.recipients.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Remove an association contact or coordinator (municipality contacts are erased in the registry)',
  })
  remove(@Param('id') id: string): Promise<void> {
    return this.recipients.remove(id);
  }
}
