import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { startSmtpSink, type SinkMessagePage, type SmtpSink } from './smtp-sink';

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
  const list = async (query = '') => (await (await get(`/messages.json${query}`)).json()) as SinkMessagePage;

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

    const { messages } = await list();
    expect(messages.map((m) => m.subject)).toEqual(['second', 'first <b>bold</b>']);
    expect(messages[0]).toMatchObject({
      to: 'biuro@krakow.test',
      from: expect.stringContaining('notifications@bridges.test'),
    });

    const page = await get('/');
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('first &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain(`/messages/${messages[0].file}/text`);
  });

  it('should page newest first and give the total when there are more messages than a page', async () => {
    for (const n of [1, 2, 3, 4, 5]) await sendMail({ subject: `message ${n}` });

    const first = await list('?size=2');
    const last = await list('?size=2&page=3');

    expect(first).toMatchObject({ total: 5, matched: 5, page: 1, size: 2, pages: 3 });
    expect(first.messages.map((m) => m.subject)).toEqual(['message 5', 'message 4']);
    expect(last.messages.map((m) => m.subject)).toEqual(['message 1']);
    expect((await list('?size=2&page=4')).messages).toEqual([]);
    const html = await (await get('/?size=2&page=2')).text();
    expect(html).toContain('<strong>5 messages</strong>');
    expect(html).toContain('page 2 of 3');
    expect(html).toContain('href="/?size=2&amp;page=1"');
    expect(html).toContain('href="/?size=2&amp;page=3"');
  });

  it('should keep every message reachable, not only the newest 500', async () => {
    // 520 stored messages (written as the sink stores them; parsing is what is slow, not SMTP).
    for (let n = 1; n <= 520; n++) {
      const eml = `From: a@bridges.test\r\nTo: b@bridges.test\r\nSubject: digest ${n}\r\n\r\nbody\r\n`;
      await writeFile(join(dir, `2026-01-01T00-00-00-000Z-${String(n).padStart(6, '0')}-00000000.eml`), eml);
    }

    const oldest = await list('?size=100&page=6');

    expect(oldest).toMatchObject({ total: 520, pages: 6 });
    expect(oldest.messages.at(-1)?.subject).toBe('digest 1');
  });

  it('should find messages by recipient and by subject, case-insensitively, and say how many match', async () => {
    await sendMail({ to: 'Olena <olena@zhytomyr.test>', subject: 'Нові пропозиції: 20' });
    await sendMail({ to: 'biuro@krakow.test', subject: 'Partnerstwo nawiązane: Kraków i Житомир' });
    await sendMail({ to: 'biuro@krakow.test', subject: 'Nowe propozycje: 3' });

    const toKrakow = await list('?to=KRAKOW');
    const partnership = await list(`?subject=${encodeURIComponent('partnerstwo')}`);
    const both = await list('?to=krakow&subject=nowe');

    expect(toKrakow).toMatchObject({ total: 3, matched: 2 });
    expect(toKrakow.messages.map((m) => m.to)).toEqual(['biuro@krakow.test', 'biuro@krakow.test']);
    expect(partnership.messages.map((m) => m.subject)).toEqual(['Partnerstwo nawiązane: Kraków i Житомир']);
    expect(both).toMatchObject({ matched: 1, messages: [{ subject: 'Nowe propozycje: 3' }] });
    expect((await list('?to=nobody')).messages).toEqual([]);
    const html = await (await get('/?to=krakow')).text();
    expect(html).toContain('<strong>2 of 3 messages match</strong>');
    expect(html).toContain('value="krakow"');
    // A page being searched does not reload under the user's typing.
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it.each(['?size=0', '?size=501', '?page=0', '?page=two'])(
    'should answer 400 naming the parameter when the query is %s',
    async (query) => {
      const response = await get(`/messages.json${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/^(page|size) must be a whole number/);
    },
  );

  it('should show the text part and a sandboxed HTML part of a message', async () => {
    await sendMail();
    const [message] = (await list()).messages;

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
