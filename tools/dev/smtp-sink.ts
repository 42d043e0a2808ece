/**
 * Local SMTP sink for the quick start: accepts every email on 127.0.0.1 (default port 1025), stores it
 * as an .eml file in `.local/mail/`, and serves a small read-only page on 127.0.0.1:8025 to read it:
 * newest first, in pages, searchable by recipient and subject, with the total. Nothing is relayed
 * anywhere, so the demo can "send" partnership emails to real-looking addresses.
 *
 *   GET /?to=krakow&subject=partner&page=2&size=50    the page
 *   GET /messages.json?…same parameters…              { total, matched, page, size, pages, messages }
 *   GET /messages/<file>/text|html|raw                one message
 *
 *   node -r @swc-node/register tools/dev/smtp-sink.ts [--smtp-port 1025] [--http-port 8025] [--dir .local/mail]
 *
 * Programmatic use (npm start, tests): `const sink = await startSmtpSink({ smtpPort: 0, httpPort: 0 })`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Where the sink listens and stores mail. */
export interface SmtpSinkOptions {
  /** SMTP port on 127.0.0.1; 0 picks a free one. Default 1025. */
  smtpPort?: number;
  /** HTTP port of the mail page on 127.0.0.1; 0 picks a free one. Default 8025. */
  httpPort?: number;
  /** Folder for the .eml files; created if missing. Default `.local/mail` under the working directory. */
  dir?: string;
  /** Largest message accepted. Default 25 MB. */
  maxMessageBytes?: number;
  /** Where to report each received message; default silent. */
  log?: (line: string) => void;
}

/** A running sink. */
export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  /** Absolute path of the mail folder. */
  dir: string;
  /** Address of the mail page, e.g. `http://127.0.0.1:8025/`. */
  url: string;
  /** Stops both servers; resolves when the ports are free. */
  stop(): Promise<void>;
}

/** One stored message as the page and `/messages.json` list it. */
export interface SinkMessageSummary {
  file: string;
  from: string;
  to: string;
  subject: string;
  /** ISO date from the Date header, or when the file was written. */
  date: string;
  hasHtml: boolean;
}

/** Which messages to list: a page of those whose recipient and subject contain the given text. */
export interface SinkQuery {
  /** 1-based; default 1. */
  page?: number;
  /** Messages per page; default {@link DEFAULT_PAGE_SIZE}, at most {@link MAX_PAGE_SIZE}. */
  size?: number;
  /** Case-insensitive substring of the To header (names and addresses). */
  to?: string;
  /** Case-insensitive substring of the subject. */
  subject?: string;
}

/** One page of the stored messages, newest first, as the page and `/messages.json` show it. */
export interface SinkMessagePage {
  /** Every stored message. */
  total: number;
  /** Messages that match the search (= total without one). */
  matched: number;
  page: number;
  size: number;
  /** Pages of matching messages (at least 1). */
  pages: number;
  messages: SinkMessageSummary[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const HOST = '127.0.0.1';
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.eml$/;

/** Starts the SMTP sink and its mail page. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const dir = resolve(options.dir ?? join('.local', 'mail'));
  const log = options.log ?? (() => undefined);
  // Orders files received within the same millisecond; names sort in arrival order.
  let sequence = 0;
  await mkdir(dir, { recursive: true });

  const smtp = new SMTPServer({
    banner: 'Bridges development SMTP sink (nothing is relayed)',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // Accept any credentials so a service configured with SMTP auth works against the sink unchanged.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
    size: options.maxMessageBytes ?? 25 * 1024 * 1024,
    logger: false,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = `${stamp}-${String(++sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}.eml`;
        const tmp = join(dir, `.${file}.tmp`);
        // Write then rename: the page never lists a half-written message. Accept only once it is on disk.
        writeFile(tmp, Buffer.concat(chunks))
          .then(() => rename(tmp, join(dir, file)))
          .then(() => {
            const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
            log(`smtp-sink: ${file} to ${to}`);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  smtp.on('error', (error) => log(`smtp-sink: SMTP error: ${error.message}`));

  const summaries = new Map<string, SinkMessageSummary>();
  const http = createServer((req, res) => {
    handleHttp(req, res, dir, summaries).catch((error: Error) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Error: ${error.message}`);
      else res.end();
    });
  });

  await listen(smtp.server, options.smtpPort ?? 1025);
  try {
    await listen(http, options.httpPort ?? 8025);
  } catch (error) {
    await closeSmtp(smtp);
    throw error;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;

  let stopped: Promise<void> | undefined;
  return {
    smtpPort,
    httpPort,
    dir,
    url: `http://${HOST}:${httpPort}/`,
    stop: () =>
      (stopped ??= Promise.all([
        closeSmtp(smtp),
        new Promise<void>((done) => {
          http.close(() => done());
          http.closeAllConnections();
        }),
      ]).then(() => undefined)),
  };
}

/**
 * Lists the stored messages newest first, one page of those matching the search. Each file is parsed
 * once and its summary cached: a page without a search parses only its own files; a search reads
 * every summary (the first one takes a moment on thousands of messages).
 */
export async function listSinkMessages(
  dir: string,
  query: SinkQuery = {},
  cache = new Map<string, SinkMessageSummary>(),
): Promise<SinkMessagePage> {
  const files = (await readdir(dir))
    .filter((f) => FILE_NAME.test(f))
    .sort()
    .reverse();
  const page = Math.max(1, query.page ?? 1);
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, query.size ?? DEFAULT_PAGE_SIZE));
  const to = query.to?.trim().toLowerCase() ?? '';
  const subject = query.subject?.trim().toLowerCase() ?? '';
  const start = (page - 1) * size;

  let matching: string[] = files;
  if (to || subject) {
    matching = [];
    for (const file of files) {
      const summary = await summaryOf(dir, file, cache);
      if (summary.to.toLowerCase().includes(to) && summary.subject.toLowerCase().includes(subject))
        matching.push(file);
    }
  }
  const messages: SinkMessageSummary[] = [];
  for (const file of matching.slice(start, start + size)) messages.push(await summaryOf(dir, file, cache));
  return {
    total: files.length,
    matched: matching.length,
    page,
    size,
    pages: Math.max(1, Math.ceil(matching.length / size)),
    messages,
  };
}

async function summaryOf(
  dir: string,
  file: string,
  cache: Map<string, SinkMessageSummary>,
): Promise<SinkMessageSummary> {
  let summary = cache.get(file);
  if (!summary) {
    const mail = await simpleParser(await readFile(join(dir, file)));
    summary = {
      file,
      from: addresses(mail.from),
      to: addresses(mail.to),
      subject: mail.subject ?? '',
      date: (mail.date ?? new Date()).toISOString(),
      hasHtml: typeof mail.html === 'string',
    };
    cache.set(file, summary);
  }
  return summary;
}

/** The query string's search and page, or the reason it is not one. */
export function parseSinkQuery(params: URLSearchParams): SinkQuery | string {
  const positive = (name: string, max: number): number | string | undefined => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : `${name} must be a whole number from 1 to ${max}`;
  };
  const page = positive('page', Number.MAX_SAFE_INTEGER);
  const size = positive('size', MAX_PAGE_SIZE);
  if (typeof page === 'string') return page;
  if (typeof size === 'string') return size;
  return { page, size, to: params.get('to') ?? undefined, subject: params.get('subject') ?? undefined };
}

async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  cache: Map<string, SinkMessageSummary>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'Read-only');
  }
  let path: string;
  let params: URLSearchParams;
  try {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    path = decodeURIComponent(url.pathname);
    params = url.searchParams;
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  if (path === '/' || path === '/messages.json') {
    const query = parseSinkQuery(params);
    if (typeof query === 'string') return send(res, 400, 'text/plain; charset=utf-8', query);
    const listed = await listSinkMessages(dir, query, cache);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', indexPage(listed, query, dir));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(listed));
  }
  const match = /^\/messages\/([^/]+)\/(text|html|raw)$/.exec(path);
  // The file name is checked against a strict pattern (no slashes, no leading dot), so no path escapes `dir`.
  if (!match || !FILE_NAME.test(match[1])) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  let raw: Buffer;
  try {
    raw = await readFile(join(dir, match[1]));
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  switch (match[2]) {
    case 'raw':
      return send(res, 200, 'text/plain; charset=utf-8', raw);
    case 'text':
      return send(res, 200, 'text/plain; charset=utf-8', (await simpleParser(raw)).text ?? '');
    case 'html': {
      const html = (await simpleParser(raw)).html;
      // Shown as-is but sandboxed: no scripts, no forms, no external loads.
      res.setHeader(
        'Content-Security-Policy',
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      );
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        typeof html === 'string' ? html : '<p>(no HTML part)</p>',
      );
    }
  }
}

function indexPage(listed: SinkMessagePage, query: SinkQuery, dir: string): string {
  const rows = listed.messages
    .map((m) => {
      const base = `/messages/${encodeURIComponent(m.file)}`;
      const links = [
        `<a href="${base}/text">text</a>`,
        m.hasHtml ? `<a href="${base}/html">html</a>` : '',
        `<a href="${base}/raw">.eml</a>`,
      ]
        .filter(Boolean)
        .join(' · ');
      return `<tr><td>${esc(m.date.replace('T', ' ').slice(0, 19))}</td><td>${esc(m.from)}</td><td>${esc(m.to)}</td><td>${esc(m.subject)}</td><td>${links}</td></tr>`;
    })
    .join('\n');
  const searching = Boolean(query.to?.trim() || query.subject?.trim());
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (query.to) params.set('to', query.to);
    if (query.subject) params.set('subject', query.subject);
    if (query.size) params.set('size', String(query.size));
    params.set('page', String(page));
    return `/?${esc(params.toString())}`;
  };
  const pager = [
    listed.page > 1 ? `<a href="${link(listed.page - 1)}">&larr; newer</a>` : '',
    `page ${listed.page} of ${listed.pages}`,
    listed.page < listed.pages ? `<a href="${link(listed.page + 1)}">older &rarr;</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const count = searching
    ? `${listed.matched} of ${listed.total} messages match`
    : `${listed.total} message${listed.total === 1 ? '' : 's'}`;
  // Refresh only the unfiltered first page: the newest mail appears there, and a search form that
  // reloads while being used loses what was typed.
  const refresh = !searching && listed.page === 1 ? '<meta http-equiv="refresh" content="5">' : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${refresh}
<title>Bridges dev mail (${listed.total})</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2933}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e4e7eb;vertical-align:top}th{background:#f5f7fa}
form{margin:12px 0}input{margin-right:8px}</style></head>
<body><h1>Bridges dev mail</h1>
<p>Every email the local services send lands here (nothing is relayed). Files: <code>${esc(dir)}/*.eml</code>.${refresh ? ' This page refreshes every 5 s.' : ''} As JSON: <a href="/messages.json">/messages.json</a> (same parameters).</p>
<form method="get" action="/"><label>To <input name="to" value="${esc(query.to ?? '')}" placeholder="e.g. krakow"></label>
<label>Subject <input name="subject" value="${esc(query.subject ?? '')}" placeholder="e.g. partnership"></label>
<button type="submit">Search</button>${searching ? ' <a href="/">show all</a>' : ''}</form>
<p><strong>${count}</strong>, newest first · ${pager}</p>
<table><thead><tr><th>Date (UTC)</th><th>From</th><th>To</th><th>Subject</th><th>View</th></tr></thead>
<tbody>${rows || `<tr><td colspan="5">${searching ? 'No message matches.' : 'No mail yet.'}</td></tr>`}</tbody></table>
<p>${pager}</p></body></html>
`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...(type.startsWith('text/html') && !res.hasHeader('Content-Security-Policy')
      ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }
      : {}),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function listen(server: Server | SMTPServer['server'], port: number): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: Error) => fail(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      done();
    });
  });
}

function closeSmtp(smtp: SMTPServer): Promise<void> {
  return new Promise((done) => smtp.close(() => done()));
}

function parseArgs(argv: readonly string[]): SmtpSinkOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = (name: string) => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new Error(`${name} must be a port number, got ${raw}`);
    return n;
  };
  return { smtpPort: port('--smtp-port'), httpPort: port('--http-port'), dir: value('--dir') };
}

if (require.main === module) {
  startSmtpSink({ ...parseArgs(process.argv.slice(2)), log: (line) => console.log(line) })
    .then((sink) => {
      console.log(`SMTP sink listening on smtp://${HOST}:${sink.smtpPort}, storing mail in ${sink.dir}`);
      console.log(`Read the mail at ${sink.url}`);
      const shutdown = () => void sink.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((error: Error) => {
      console.error(`smtp-sink: ${error.message}`);
      process.exit(1);
    });
}
