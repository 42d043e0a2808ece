import type { EmailBlock, EmailDocument } from './email-document';
import { escapeHtml, safeUrl, singleLine } from './html.util';
import type { RenderedContent } from './notification-template.interface';

/** Renders a document into the subject, the plain-text part and the HTML part of an email. */
export function renderEmailDocument(doc: EmailDocument): RenderedContent {
  return { subject: singleLine(doc.subject), text: renderText(doc), html: renderHtml(doc) };
}

function renderText(doc: EmailDocument): string {
  const parts = doc.blocks.map(blockToText).filter((part) => part.length > 0);
  const unsubscribe = safeUrl(doc.unsubscribeUrl);
  // "-- " alone on a line is the signature delimiter mail clients recognise and grey out.
  const footer = ['-- ', doc.footerReason, unsubscribe ? `${doc.unsubscribeLabel}: ${unsubscribe}` : ''];
  parts.push(footer.filter(Boolean).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

function blockToText(block: EmailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 72))}`;
    case 'subheading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 72))}`;
    case 'paragraph':
      return block.text;
    case 'facts':
      return presentRows(block.rows)
        .map(([label, value]) => `${label}: ${value}`)
        .join('\n');
    case 'list':
      return block.items.map((item) => `  - ${item}`).join('\n');
    case 'action': {
      const url = safeUrl(block.url);
      return url ? `${block.label}: ${url}` : '';
    }
  }
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5';

function renderHtml(doc: EmailDocument): string {
  const body = doc.blocks.map(blockToHtml).filter(Boolean).join('\n');
  const unsubscribe = safeUrl(doc.unsubscribeUrl);
  const footer = [
    `<p style="margin:0 0 4px">${escapeHtml(doc.footerReason)}</p>`,
    unsubscribe
      ? `<p style="margin:0"><a href="${escapeHtml(unsubscribe)}" style="color:#52606d">${escapeHtml(doc.unsubscribeLabel)}</a></p>`
      : '',
  ].join('');
  const preheader = doc.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(doc.preheader)}</div>`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(singleLine(doc.subject))}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f5f7fa;${FONT}">`,
    preheader,
    '<div style="max-width:640px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">',
    body,
    `<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 12px"><div style="font-size:12px;color:#52606d">${footer}</div>`,
    '</div></body></html>',
    '',
  ].join('\n');
}

function blockToHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(block.text)}</h1>`;
    case 'subheading':
      return `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="margin:0 0 12px">${escapeHtml(block.text)}</p>`;
    case 'facts': {
      const rows = presentRows(block.rows)
        .map(
          ([label, value]) =>
            `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:normal;color:#52606d;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('');
      return rows
        ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rows}</table>`
        : '';
    }
    case 'list':
      return block.items.length
        ? `<ul style="margin:0 0 12px;padding-left:20px">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
        : '';
    case 'action': {
      const url = safeUrl(block.url);
      return url
        ? `<p style="margin:16px 0"><a href="${escapeHtml(url)}" style="background:#0b5cad;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p>`
        : '';
    }
  }
}

function presentRows(
  rows: ReadonlyArray<readonly [string, string | null | undefined]>,
): Array<[string, string]> {
  return rows
    .filter((row): row is readonly [string, string] => !!row[1] && row[1].trim() !== '')
    .map(([l, v]) => [l, v]);
}
