import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export interface SmtpTestServer {
  port: number;
  received: ParsedMail[];
  /** From now on accepts `address` even at rejected.test or busy.test (the mailbox was made, the greylisting passed). */
  accept(address: string): void;
  /** Messages addressed to `address`. */
  to(address: string): ParsedMail[];
  /** Resolves once `count` messages arrived (rejects after `timeoutMs`). */
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts on `port` (0 picks a free one). Recipients at `busy.test` get 451 (try later, like greylisting), at `rejected.test` 550 (no such mailbox). */
export async function startSmtpTestServer(port = 0): Promise<SmtpTestServer> {
  const received: ParsedMail[] = [];
  const accepted = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (accepted.has(address.address)) {
        callback();
        return;
      }
      if (address.address.endsWith('@rejected.test')) {
        // Quoting the address, as real servers do (it must not end up in `lastError`).
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
            responseCode: 550,
          }),
        );
        return;
      }
      if (address.address.endsWith('@busy.test')) {
        callback(Object.assign(new Error('4.2.0 Greylisted, try later'), { responseCode: 451 }));
        return;
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    received,
    accept: (address) => accepted.add(address),
    to: (address) => received.filter((m) => addressesOf(m).includes(address)),
    waitForCount: async (count, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${received.length}/${count} emails arrived in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressesOf(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((a) => a.address ?? ''));
}
