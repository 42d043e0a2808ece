import { chooseRecipientLocale } from './recipient-locale.policy';

describe(chooseRecipientLocale.name, () => {
  const locales = ['uk', 'en', 'pl', 'de', 'sk'];

  it('should use the preferred language when the template is translated into it', () => {
    expect(chooseRecipientLocale('pl', 'PL', locales)).toBe('pl');
    expect(chooseRecipientLocale('en', 'UA', locales)).toBe('en');
    expect(chooseRecipientLocale('de', 'PL', locales)).toBe('de');
  });

  it('should read ua and regional tags as their language when they are given', () => {
    expect(chooseRecipientLocale('ua', 'UA', locales)).toBe('uk');
    expect(chooseRecipientLocale('de-AT', 'AT', locales)).toBe('de');
  });

  it("should fall back to the country's language when the preferred one is not translated", () => {
    expect(chooseRecipientLocale('ru', 'UA', locales)).toBe('uk');
    expect(chooseRecipientLocale(null, 'ua', locales)).toBe('uk');
    expect(chooseRecipientLocale('lt', 'PL', locales)).toBe('pl');
    expect(chooseRecipientLocale(undefined, 'SK', locales)).toBe('sk');
    expect(chooseRecipientLocale(null, 'AT', locales)).toBe('de');
  });

  it("should fall back to English when the country's language is not translated either", () => {
    expect(chooseRecipientLocale('lt', 'LT', locales)).toBe('en');
    expect(chooseRecipientLocale(undefined, null, locales)).toBe('en');
    expect(chooseRecipientLocale(null, 'PL', ['uk', 'en'])).toBe('en');
  });

  it('should not guess between the official languages of a multilingual country', () => {
    // Belgium: nl first, not translated; German (also official there) would suit few readers.
    expect(chooseRecipientLocale(null, 'BE', locales)).toBe('en');
  });
});
