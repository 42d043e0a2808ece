import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@bridges/platform';
import type { UnsubscribeClaims } from '../preferences';
import { escapeHtml } from '../templates';
import { InvalidUnsubscribeLinkError } from './recipient-preferences.errors';
import { RecipientPreferencesService } from './recipient-preferences.service';

/**
 * The link in every email. Public (opened from a mail client, without a token): the signed link is the
 * credential. GET only checks the link and shows a confirmation page whose button POSTs it back: mail
 * link scanners fetch every link, so GET must change nothing. POST unsubscribes — from that button, and
 * as RFC 8058 one-click unsubscribe from mail clients (`List-Unsubscribe-Post`). Both answer HTML pages,
 * 400 for a forged or broken link.
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
  @ApiOperation({
    summary: 'Confirmation page for the signed link from an email; changes nothing (its button POSTs)',
  })
  confirm(@Res({ passthrough: true }) res: Response, @Query('token') token?: string): Promise<string> {
    return answer(res, () => {
      const claims = this.preferences.verifyUnsubscribeLink(token);
      // Relative to this page, so the form posts to the same path with the same token.
      const action = `?token=${encodeURIComponent(token ?? '')}`;
      return page(
        'Відписатися? / Unsubscribe?',
        `Натисніть кнопку, щоб більше не отримувати ці листи від Bridges. Press the button to stop receiving ${describe(claims)} from Bridges.`,
        `<form method="post" action="${escapeHtml(action)}">` +
          '<button type="submit" style="font-size:16px;padding:8px 16px">Відписатися / Unsubscribe</button>' +
          '</form>',
      );
    });
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({
    summary: 'Unsubscribe: the confirmation page button, and RFC 8058 one-click (List-Unsubscribe-Post)',
  })
  async unsubscribe(
    @Res({ passthrough: true }) res: Response,
    @Query('token') token?: string,
  ): Promise<string> {
    return answer(res, async () => {
      const claims = await this.preferences.unsubscribe(token);
      return page(
        'Ви відписалися / You are unsubscribed',
        `Ви більше не отримуватимете ці листи. You will no longer receive ${describe(claims)} from Bridges.`,
      );
    });
  }
}

/** Runs `render`, answering the 400 page for a link that is not valid (a person opened it: a page, not JSON). */
async function answer(res: Response, render: () => string | Promise<string>): Promise<string> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof InvalidUnsubscribeLinkError)) throw error;
    res.status(400);
    return page(
      'Посилання недійсне / This link is not valid',
      'Скористайтеся посиланням із нещодавнього листа. Please use the link from a recent email.',
    );
  }
}

function describe(claims: UnsubscribeClaims): string {
  return claims.templateId ? `“${claims.templateId}” ${claims.channel}s` : `${claims.channel} notifications`;
}

/** `extraHtml` must already be safe HTML. */
function page(title: string, text: string, extraHtml = ''): string {
  return [
    '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">',
    `<title>Bridges: ${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;max-width:560px;margin:40px auto">',
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`,
    extraHtml,
    '</body></html>',
  ].join('');
}
