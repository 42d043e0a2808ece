import { EmailErrorCode } from './email.errors';
import { classifySmtpError } from './smtp-error.classifier';

describe(classifySmtpError.name, () => {
  it.each([
    [
      { code: 'ESOCKET', errno: -111, message: 'connect ECONNREFUSED 127.0.0.1:1' },
      EmailErrorCode.ConnectionFailed,
      'transient',
    ],
    [{ code: 'ECONNECTION' }, EmailErrorCode.ConnectionFailed, 'transient'],
    [{ code: 'EDNS' }, EmailErrorCode.ConnectionFailed, 'transient'],
    [{ code: 'ETIMEDOUT' }, EmailErrorCode.Timeout, 'transient'],
    [
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' },
      EmailErrorCode.TemporarilyRejected,
      'transient',
    ],
    [
      { code: 'EMESSAGE', responseCode: 421, command: 'DATA' },
      EmailErrorCode.TemporarilyRejected,
      'transient',
    ],
    [
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' },
      EmailErrorCode.RecipientRejected,
      'permanent',
    ],
    [{ code: 'EMESSAGE', responseCode: 552, command: 'DATA' }, EmailErrorCode.MessageRejected, 'permanent'],
    [{ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, EmailErrorCode.AuthFailed, 'transient'],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, EmailErrorCode.InvalidMessage, 'permanent'],
    [new Error('something odd'), EmailErrorCode.Unknown, 'transient'],
    ['not even an error', EmailErrorCode.Unknown, 'transient'],
  ])('should classify %j', (error, code, kind) => {
    expect(classifySmtpError(error)).toMatchObject({ code, kind });
  });

  it('should keep the SMTP reply code when the server answered', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550 }).responseCode).toBe(550);
  });
});
