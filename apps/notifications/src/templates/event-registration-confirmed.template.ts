import { EventEmailTemplate, eventTitle } from './event-email.template';

/** `events.registration-confirmed`: a seat is confirmed; the email carries the event's `.ics`. */
export class EventRegistrationConfirmedTemplate extends EventEmailTemplate {
  constructor() {
    super('events.registration-confirmed', {
      uk: {
        subject: (title) => `Реєстрацію підтверджено: ${title}`,
        heading: 'Ваше місце підтверджено',
        intro: (d) => `Ваша реєстрація на подію «${eventTitle(d, 'uk')}» підтверджена.`,
        calendarHint: 'Файл календаря (.ics) додано до листа.',
      },
      en: {
        subject: (title) => `Registration confirmed: ${title}`,
        heading: 'Your seat is confirmed',
        intro: (d) => `Your registration for “${eventTitle(d, 'en')}” is confirmed.`,
        calendarHint: 'The calendar file (.ics) is attached.',
      },
      pl: {
        subject: (title) => `Rejestracja potwierdzona: ${title}`,
        heading: 'Państwa miejsce jest potwierdzone',
        intro: (d, l) => `Państwa rejestracja na wydarzenie „${eventTitle(d, l)}” została potwierdzona.`,
        calendarHint: 'Plik kalendarza (.ics) jest załączony do wiadomości.',
      },
      de: {
        subject: (title) => `Anmeldung bestätigt: ${title}`,
        heading: 'Ihr Platz ist bestätigt',
        intro: (d, l) => `Ihre Anmeldung zur Veranstaltung „${eventTitle(d, l)}“ ist bestätigt.`,
        calendarHint: 'Die Kalenderdatei (.ics) ist angehängt.',
      },
      sk: {
        subject: (title) => `Registrácia potvrdená: ${title}`,
        heading: 'Vaše miesto je potvrdené',
        intro: (d, l) => `Vaša registrácia na podujatie „${eventTitle(d, l)}“ je potvrdená.`,
        calendarHint: 'Súbor kalendára (.ics) je priložený k e-mailu.',
      },
    });
  }
}
