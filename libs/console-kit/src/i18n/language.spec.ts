import { nameInScript, preferredLanguage, rememberLanguage } from './language';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe(preferredLanguage.name, () => {
  it('should follow the browser when nobody chose yet', () => {
    expect(preferredLanguage(memoryStorage(), 'u1', ['uk-UA', 'en'])).toBe('uk');
    expect(preferredLanguage(memoryStorage(), 'u1', ['de-DE'])).toBe('en');
  });

  it('should remember each user their own choice when they share a browser', () => {
    const storage = memoryStorage();
    rememberLanguage(storage, 'anna', 'en');
    rememberLanguage(storage, 'olena', 'uk');
    expect(preferredLanguage(storage, 'anna', ['uk'])).toBe('en');
    expect(preferredLanguage(storage, 'olena', ['en'])).toBe('uk');
  });
});

describe(nameInScript.name, () => {
  it('should show Cyrillic to Ukrainian readers and the Latin form to English readers', () => {
    const names = { nameNative: 'Вінницька', nameLatin: 'Vinnytska' };
    expect(nameInScript(names, 'uk')).toBe('Вінницька');
    expect(nameInScript(names, 'en')).toBe('Vinnytska');
    expect(nameInScript({ nameNative: 'Gmina Ustrzyki' }, 'en')).toBe('Gmina Ustrzyki');
  });
});
