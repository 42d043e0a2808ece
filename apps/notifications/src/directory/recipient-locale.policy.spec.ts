import { chooseRecipientLocale } from './recipient-locale.policy';

describe(chooseRecipientLocale.name, () => {
  const locales = ['uk', 'en', 'pl', 'de'];

  it('should use the preferred language when the template is translated into it', () => {
    expect(chooseRecipientLocale('pl', 'PL', locales)).toBe('pl');
    expect(chooseRecipientLocale('en', 'UA', locales)).toBe('en');
  });

  it('should read ua and regional tags as their language when they are given', () => {
    expect(chooseRecipientLocale('ua', 'UA', locales)).toBe('uk');
    expect(chooseRecipientLocale('de-AT', 'AT', locales)).toBe('de');
  });

  it('should fall back to Ukrainian for a Ukrainian municipality when the language is not translated', () => {
    expect(chooseRecipientLocale('ru', 'UA', locales)).toBe('uk');
    expect(chooseRecipientLocale(null, 'ua', locales)).toBe('uk');
  });

  it('should fall back to English for an EU municipality when the language is not translated', () => {
    expect(chooseRecipientLocale('lt', 'LT', locales)).toBe('en');
    expect(chooseRecipientLocale(undefined, null, locales)).toBe('en');
  });
});
