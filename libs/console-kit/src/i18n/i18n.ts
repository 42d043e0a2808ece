import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { KIT_MESSAGES, type Messages } from './kit-messages';
import type { Language } from './language';

/** An i18next instance with the kit's and the console's words in Ukrainian and English. */
export function createI18n(console: Record<Language, Messages>, language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // Keys contain dots ("kit.page"); they are flat, not nested.
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: {
      en: { translation: { ...KIT_MESSAGES.en, ...console.en } },
      uk: { translation: { ...KIT_MESSAGES.uk, ...console.uk } },
    },
  });
  return instance;
}
