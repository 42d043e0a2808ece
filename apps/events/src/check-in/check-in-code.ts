import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 5;
const SIGNATURE_BYTES = 5;

/**
 * Signed check-in codes: 5 random bytes and the first 5 bytes of an HMAC-SHA256 (key: the service's
 * check-in secret) over the event id and those bytes, in base32 as `XXXX-XXXX-XXXX-XXXX`. A scanner can
 * refuse a forged or mistyped code before looking anything up; a code of another event never verifies.
 * Short enough to type, and the same text a QR code would carry.
 */
export class CheckInCodes {
  constructor(private readonly secret: string) {}

  issue(eventId: string): string {
    const random = randomBytes(RANDOM_BYTES);
    return format(encode(Buffer.concat([random, this.sign(eventId, random)])));
  }

  /** The canonical code when `code` is a valid signed code of `eventId` (case, dashes and spaces ignored), else null. */
  verify(eventId: string, code: string): string | null {
    const compact = code.toUpperCase().replace(/[\s-]/g, '');
    const bytes = decode(compact);
    if (!bytes || bytes.length !== RANDOM_BYTES + SIGNATURE_BYTES) return null;
    const random = bytes.subarray(0, RANDOM_BYTES);
    const signature = bytes.subarray(RANDOM_BYTES);
    return timingSafeEqual(signature, this.sign(eventId, random)) ? format(compact) : null;
  }

  private sign(eventId: string, random: Buffer): Buffer {
    return createHmac('sha256', this.secret)
      .update(eventId)
      .update(random)
      .digest()
      .subarray(0, SIGNATURE_BYTES);
  }
}

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function decode(text: string): Buffer | null {
  if (text.length !== 16) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function format(compact: string): string {
  return compact.match(/.{4}/g)!.join('-');
}
