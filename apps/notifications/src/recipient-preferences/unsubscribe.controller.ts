import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@bridges/platform';
import { escapeHtml } from '../templates';
import { InvalidUnsubscribeLinkError } from './recipient-preferences.errors';
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
  async confirm(@Res({ passthrough: true }) res: Response, @Query('token') token?: string): Promise<string> {
    try {
      const claims = await this.preferences.unsubscribe(token);
      const what = claims.templateId
        ? `“${claims.templateId}” ${claims.channel}s`
        : `${claims.channel} notifications`;
      return page(
        'Ви відписалися / You are unsubscribed',
        `Ви більше не отримуватимете ці листи. You will no longer receive ${what} from Bridges.`,
      );
    } catch (error) {
      if (!(error instanceof InvalidUnsubscribeLinkError)) throw error;
      // A person opened this from a mail client: answer a page, not JSON.
      res.status(400);
      return page(
        'Посилання недійсне / This link is not valid',
        'Скористайтеся посиланням із нещодавнього листа. Please use the link from a recent email.',
      );
    }
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

function page(title: string, text: string): string {
  return [
    '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">',
    `<title>Bridges: ${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;max-width:560px;margin:40px auto">',
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`,
    '</body></html>',
  ].join('');
}
