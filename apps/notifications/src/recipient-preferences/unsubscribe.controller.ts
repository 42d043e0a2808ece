import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@bridges/platform';
import { escapeHtml } from '../templates';
import { RecipientPreferencesService } from './recipient-preferences.service';

/**
 * The link in every email. Public (opened from a mail client, without a token): the signed link is the
 * credential. GET shows a confirmation page; POST is RFC 8058 one-click unsubscribe from mail clients.
 */
@ApiTags('preferences')
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: RecipientPreferencesService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Unsubscribe with the signed link from an email; answers an HTML page' })
  async page(@Query('token') token?: string): Promise<string> {
    const claims = await this.preferences.unsubscribe(token);
    const what = claims.templateId ? `“${claims.templateId}” ${claims.channel}s` : `${claims.channel} notifications`;
    return [
      '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Bridges</title></head>',
      '<body style="font-family:Arial,sans-serif;max-width:560px;margin:40px auto">',
      '<h1>Ви відписалися / You are unsubscribed</h1>',
      `<p>Ви більше не отримуватимете ці листи. You will no longer receive ${escapeHtml(what)} from Bridges.</p>`,
      '</body></html>',
    ].join('');
  }

  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post)' })
  async oneClick(@Query('token') token?: string): Promise<{ unsubscribed: true }> {
    await this.preferences.unsubscribe(token);
    return { unsubscribed: true };
  }
}
