import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { describeEmailFailure, EmailDeliveryError, EmailErrorCode } from './email.errors';
import { EmailSender } from './email-sender';

describe(EmailSender.name, () => {
  const address = 'olena@zhytomyr.test';
  // What nodemailer rejects with when a server refuses a recipient: the reply text quotes the address.
  const rejection = (): Error =>
    Object.assign(
      new Error(
        `Can't send mail - all recipients were rejected: 550 5.1.1 <${address}>: Recipient address rejected`,
      ),
      {
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        response: `550 5.1.1 <${address}>: Recipient address rejected`,
      },
    );
  const sender = (error: Error) =>
    new EmailSender({ host: '127.0.0.1', port: 25, secure: false, from: 'Bridges <n@bridges.test>' }, {
      sendMail: () => Promise.reject(error),
      verify: () => Promise.reject(error),
      close: () => undefined,
    } as unknown as Transporter<SMTPTransport.SentMessageInfo>);

  it('should describe a rejected recipient by code and reply code only, without the address from the reply', async () => {
    const error = await sender(rejection())
      .send({ to: address, subject: 's', text: 't', html: '<p>t</p>' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    const failure = error as EmailDeliveryError;
    expect(failure.safeDescription).toBe('EMAIL_RECIPIENT_REJECTED (550)');
    expect(failure.message).toBe('SMTP send failed: EMAIL_RECIPIENT_REJECTED (550)');
    expect(failure.message).not.toContain(address);
    expect(failure.message).not.toContain('Recipient address rejected');
  });

  it('should keep the server reply out of the message when verifying fails', async () => {
    const error = await sender(
      Object.assign(new Error(`Invalid login: 535 5.7.8 <${address}> authentication failed`), {
        code: 'EAUTH',
        responseCode: 535,
      }),
    )
      .verify()
      .catch((e: unknown) => e);

    expect((error as EmailDeliveryError).message).toBe('SMTP verify failed: EMAIL_AUTH_FAILED (535)');
  });

  it('should describe a failure without a reply code by its code alone', () => {
    expect(describeEmailFailure(EmailErrorCode.ConnectionFailed)).toBe('EMAIL_CONNECTION_FAILED');
    expect(describeEmailFailure(EmailErrorCode.TemporarilyRejected, 451)).toBe(
      'EMAIL_TEMPORARILY_REJECTED (451)',
    );
  });
});
