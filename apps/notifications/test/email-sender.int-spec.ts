import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { EmailDeliveryError, EmailErrorCode, EmailSender, type SmtpConfig } from '../src/channels/email';
import { createDefaultTemplateRegistry } from '../src/templates';
import { partnershipEstablishedData } from '../src/templates/template.fixtures';

// A real SMTP server on loopback: the sender is tested against the protocol, not against a mock of
// nodemailer. Recipients at rejected.test answer 550, at busy.test 451, like real mail servers do.
describe(EmailSender.name, () => {
  let server: SMTPServer;
  let port: number;
  let received: ParsedMail[];
  const senders: EmailSender[] = [];

  const config = (overrides: Partial<SmtpConfig> = {}): SmtpConfig => ({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTls: true,
    from: 'Bridges <notifications@bridges.test>',
    connectionTimeoutMs: 2_000,
    ...overrides,
  });
  const sender = (overrides: Partial<SmtpConfig> = {}) => {
    const created = new EmailSender(config(overrides));
    senders.push(created);
    return created;
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@rejected.test')) {
          return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
        }
        if (address.address.endsWith('@busy.test')) {
          return callback(Object.assign(new Error('4.2.0 Greylisted, try later'), { responseCode: 451 }));
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    received = [];
  });

  afterAll(async () => {
    senders.forEach((s) => s.close());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe('send', () => {
    it('should deliver a Ukrainian partnership email with subject, recipient and text when the server accepts it', async () => {
      const rendered = createDefaultTemplateRegistry().render(
        'partnership.established',
        partnershipEstablishedData(),
        'uk',
      );

      const result = await sender().send({
        to: 'olena@zhytomyr.test',
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        locale: rendered.locale,
        messageId: '<delivery-1@bridges.test>',
        unsubscribeUrl: 'https://bridges.test/unsubscribe?token=abc',
        headers: { 'X-Bridges-Delivery-Id': 'delivery-1' },
      });

      expect(result.messageId).toBe('<delivery-1@bridges.test>');
      expect(result.accepted).toEqual(['olena@zhytomyr.test']);
      expect(received).toHaveLength(1);
      const mail = received[0];
      expect(mail.subject).toBe('Bridges: Партнерство встановлено: Житомирська міська громада і Kraków');
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([
        'olena@zhytomyr.test',
      ]);
      expect(mail.from?.value[0].address).toBe('notifications@bridges.test');
      expect(mail.text).toContain('Наступний крок');
      expect(mail.text).toContain('Країна: Польща');
      expect(mail.html).toContain('<html lang="uk">');
      expect(mail.messageId).toBe('<delivery-1@bridges.test>');
      expect(mail.headers.get('content-language')).toBe('uk');
      expect(mail.headers.get('x-bridges-delivery-id')).toBe('delivery-1');
      // mailparser folds List-* headers into one object, so read the raw lines the server received.
      const lines = mail.headerLines.map((h) => h.line);
      expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(lines).toContain('List-Unsubscribe: <https://bridges.test/unsubscribe?token=abc>');
    });

    it('should deliver the partner language when the recipient reads Polish', async () => {
      const data = partnershipEstablishedData({
        municipality: { nameNative: 'Kraków' },
        partner: {
          nameNative: 'Житомирська міська громада',
          nameLatin: 'Zhytomyr urban hromada',
          countryCode: 'UA',
        },
      });
      const rendered = createDefaultTemplateRegistry().render('partnership.established', data, 'pl');

      await sender().send({ to: 'biuro@krakow.test', ...rendered });

      expect(received[0].subject).toBe('Bridges: Partnerstwo nawiązane: Kraków i Zhytomyr urban hromada');
      expect(received[0].text).toContain('Kraj: Ukraina');
    });

    it('should fail permanently with the reply code when the server rejects the recipient with 550', async () => {
      const error = await sender()
        .send({ to: 'nobody@rejected.test', subject: 's', text: 't', html: '<p>t</p>' })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(EmailDeliveryError);
      expect(error).toMatchObject({
        code: EmailErrorCode.RecipientRejected,
        kind: 'permanent',
        responseCode: 550,
        transient: false,
      });
      expect(received).toHaveLength(0);
    });

    it('should fail transiently when the server answers 451', async () => {
      const error = await sender()
        .send({ to: 'someone@busy.test', subject: 's', text: 't', html: '<p>t</p>' })
        .catch((e: unknown) => e);

      expect(error).toMatchObject({
        code: EmailErrorCode.TemporarilyRejected,
        kind: 'transient',
        responseCode: 451,
      });
    });

    it('should report rejected recipients when only some are rejected', async () => {
      const result = await sender().send({
        to: ['ok@zhytomyr.test', 'nobody@rejected.test'],
        subject: 's',
        text: 't',
        html: '<p>t</p>',
      });

      expect(result.accepted).toEqual(['ok@zhytomyr.test']);
      expect(result.rejected).toEqual(['nobody@rejected.test']);
    });

    it('should fail transiently when nothing listens on the port', async () => {
      const closed = new SMTPServer({ logger: false });
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const deadPort = (closed.server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));

      const error = await sender({ port: deadPort })
        .send({ to: 'olena@zhytomyr.test', subject: 's', text: 't', html: '<p>t</p>' })
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ code: EmailErrorCode.ConnectionFailed, kind: 'transient' });
    });
  });

  describe('verify', () => {
    it('should resolve when the server is reachable', async () => {
      await expect(sender().verify()).resolves.toBeUndefined();
    });
  });
});
