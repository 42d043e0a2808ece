import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { startSmtpSink, type SinkMessageSummary, type SmtpSink } from './smtp-sink';

describe(startSmtpSink.name, () => {
  let dir: string;
  let sink: SmtpSink;

  const sendMail = (overrides: Record<string, unknown> = {}) =>
    createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true }).sendMail({
      from: 'Bridges <notifications@bridges.test>',
      to: 'olena@zhytomyr.test',
      subject: 'Bridges: Партнерство встановлено: Житомир і Kraków',
      text: 'Наступний крок: онлайн-зустріч',
      html: '<p>Наступний крок</p><script>alert(1)</script>',
      ...overrides,
    });
  const get = (path: string) => fetch(new URL(path, sink.url));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'smtp-sink-'));
    sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, dir });
  });

  afterEach(async () => {
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('should store a received message as an .eml file when mail is sent to it', async () => {
    await sendMail();

    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(await readFile(join(dir, files[0])));
    expect(mail.subject).toBe('Bridges: Партнерство встановлено: Житомир і Kraków');
    expect(mail.text).toContain('онлайн-зустріч');
  });

  it('should accept any credentials when the sender is configured with SMTP auth', async () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: sink.smtpPort,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'bridges', pass: 'whatever' },
    });
    await transport.sendMail({ from: 'a@bridges.test', to: 'b@bridges.test', subject: 'auth', text: 'x' });
    expect((await readdir(dir)).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });

  it('should list messages newest first on the page and as JSON', async () => {
    await sendMail({ subject: 'first <b>bold</b>' });
    await sendMail({ subject: 'second', to: 'biuro@krakow.test' });

    const list = (await (await get('/messages.json')).json()) as SinkMessageSummary[];
    expect(list.map((m) => m.subject)).toEqual(['second', 'first <b>bold</b>']);
    expect(list[0]).toMatchObject({
      to: 'biuro@krakow.test',
      from: expect.stringContaining('notifications@bridges.test'),
    });

    const page = await get('/');
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('first &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain(`/messages/${list[0].file}/text`);
  });

  it('should show the text part and a sandboxed HTML part of a message', async () => {
    await sendMail();
    const [message] = (await (await get('/messages.json')).json()) as SinkMessageSummary[];

    expect(await (await get(`/messages/${message.file}/text`)).text()).toContain(
      'Наступний крок: онлайн-зустріч',
    );
    const htmlView = await get(`/messages/${message.file}/html`);
    expect(htmlView.headers.get('content-security-policy')).toContain('sandbox');
    expect(await (await get(`/messages/${message.file}/raw`)).text()).toContain('Subject:');
  });

  it('should answer 404 when a path tries to leave the mail folder or names no message', async () => {
    expect((await get('/messages/..%2F..%2Fetc%2Fpasswd/raw')).status).toBe(404);
    expect((await get('/messages/.hidden.eml/raw')).status).toBe(404);
    expect((await get('/messages/missing.eml/text')).status).toBe(404);
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/messages/%E0%A4%A/text')).status).toBe(404);
  });

  it('should refuse writes when the page is asked to change something', async () => {
    expect((await fetch(sink.url, { method: 'POST' })).status).toBe(405);
  });

  it('should free both ports when stopped', async () => {
    await sink.stop();
    const refused = (port: number) =>
      new Promise<boolean>((done) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          done(false);
        });
        socket.once('error', () => done(true));
      });
    expect(await refused(sink.smtpPort)).toBe(true);
    expect(await refused(sink.httpPort)).toBe(true);
  });
});
