import { CheckInCodes } from './check-in-code';

const EVENT = '5f0c3a52-8d1e-4c7b-9a55-0a1b2c3d4e5f';
const OTHER_EVENT = '6a1d4b63-9e2f-4d8c-8b66-1b2c3d4e5f60';

describe(CheckInCodes.name, () => {
  const codes = new CheckInCodes('a-test-secret-of-at-least-32-characters!');

  describe('issue', () => {
    it('should give a 16-character Crockford base32 code in groups of four', () => {
      expect(codes.issue(EVENT)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    });

    it('should give a different code each time', () => {
      expect(new Set(Array.from({ length: 50 }, () => codes.issue(EVENT))).size).toBe(50);
    });
  });

  describe('verify', () => {
    it('should accept an issued code typed in lower case without dashes', () => {
      const code = codes.issue(EVENT);
      expect(codes.verify(EVENT, code.toLowerCase().replace(/-/g, ''))).toBe(code);
    });

    it('should refuse a code of another event', () => {
      expect(codes.verify(OTHER_EVENT, codes.issue(EVENT))).toBeNull();
    });

    it('should refuse a code with one character changed', () => {
      const code = codes.issue(EVENT);
      const tampered = (code[0] === '0' ? '1' : '0') + code.slice(1);
      expect(codes.verify(EVENT, tampered)).toBeNull();
    });

    it('should refuse a code signed with another secret, and text that is no code at all', () => {
      const foreign = new CheckInCodes('another-secret-of-at-least-32-characters').issue(EVENT);
      expect(codes.verify(EVENT, foreign)).toBeNull();
      expect(codes.verify(EVENT, 'IIII-LLLL-OOOO-UUUU')).toBeNull();
      expect(codes.verify(EVENT, '')).toBeNull();
    });
  });
});
