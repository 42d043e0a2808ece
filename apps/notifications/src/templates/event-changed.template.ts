import { EventEmailTemplate, eventTitle } from './event-email.template';

/** `events.event-changed`: the time or place of an event someone registered for changed (updated `.ics`). */
export class EventChangedTemplate extends EventEmailTemplate {
  constructor() {
    super('events.event-changed', {
      uk: {
        subject: (title) => `Зміни в події: ${title}`,
        heading: 'Подію змінено',
        intro: (d) => `Організатор змінив подію «${eventTitle(d, 'uk')}». Актуальні дані нижче.`,
        calendarHint: 'Оновлений файл календаря (.ics) додано до листа.',
      },
      en: {
        subject: (title) => `Event changed: ${title}`,
        heading: 'The event has changed',
        intro: (d) => `The organiser changed “${eventTitle(d, 'en')}”. The current details are below.`,
        calendarHint: 'The updated calendar file (.ics) is attached.',
      },
      // Polish and Slovak: "the organiser" (masculine noun) is the subject, so the past tense is safe.
      pl: {
        subject: (title) => `Zmiany w wydarzeniu: ${title}`,
        heading: 'Wydarzenie zostało zmienione',
        intro: (d, l) =>
          `Organizator zmienił wydarzenie „${eventTitle(d, l)}”. Aktualne informacje podajemy poniżej.`,
        calendarHint: 'Zaktualizowany plik kalendarza (.ics) jest załączony do wiadomości.',
      },
      de: {
        subject: (title) => `Veranstaltung geändert: ${title}`,
        heading: 'Die Veranstaltung wurde geändert',
        intro: (d, l) =>
          `Die Veranstaltung „${eventTitle(d, l)}“ wurde geändert. Die aktuellen Angaben finden Sie unten.`,
        calendarHint: 'Die aktualisierte Kalenderdatei (.ics) ist angehängt.',
      },
      sk: {
        subject: (title) => `Zmena podujatia: ${title}`,
        heading: 'Podujatie bolo zmenené',
        intro: (d, l) => `Organizátor zmenil podujatie „${eventTitle(d, l)}“. Aktuálne údaje nájdete nižšie.`,
        calendarHint: 'Aktualizovaný súbor kalendára (.ics) je priložený k e-mailu.',
      },
    });
  }
}
