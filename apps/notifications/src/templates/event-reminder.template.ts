import { EventEmailTemplate, eventTitle, formatEventTime } from './event-email.template';

/** `events.reminder`: a confirmed participant is reminded shortly before the event (with `.ics`). */
export class EventReminderTemplate extends EventEmailTemplate {
  constructor() {
    super('events.reminder', {
      uk: {
        subject: (title) => `Нагадування: ${title}`,
        heading: 'Нагадування про подію',
        intro: (d, l) =>
          `Нагадуємо: подія «${eventTitle(d, 'uk')}» починається ${formatEventTime(d.startsAt, d.timeZone, l)}. Чекаємо на вас!`,
        calendarHint: 'Файл календаря (.ics) додано до листа.',
      },
      en: {
        subject: (title) => `Reminder: ${title}`,
        heading: 'Event reminder',
        intro: (d, l) =>
          `A reminder: “${eventTitle(d, 'en')}” starts on ${formatEventTime(d.startsAt, d.timeZone, l)}. We look forward to seeing you!`,
        calendarHint: 'The calendar file (.ics) is attached.',
      },
      pl: {
        subject: (title) => `Przypomnienie: ${title}`,
        heading: 'Przypomnienie o wydarzeniu',
        intro: (d, l) =>
          `Przypominamy: wydarzenie „${eventTitle(d, l)}” rozpocznie się ${formatEventTime(d.startsAt, d.timeZone, l)}. Czekamy na Państwa!`,
        calendarHint: 'Plik kalendarza (.ics) jest załączony do wiadomości.',
      },
      de: {
        subject: (title) => `Erinnerung: ${title}`,
        heading: 'Erinnerung an die Veranstaltung',
        intro: (d, l) =>
          `Zur Erinnerung: „${eventTitle(d, l)}“ beginnt am ${formatEventTime(d.startsAt, d.timeZone, l)}. Wir freuen uns auf Sie!`,
        calendarHint: 'Die Kalenderdatei (.ics) ist angehängt.',
      },
      sk: {
        subject: (title) => `Pripomienka: ${title}`,
        heading: 'Pripomienka podujatia',
        intro: (d, l) =>
          `Pripomíname: podujatie „${eventTitle(d, l)}“ sa začína ${formatEventTime(d.startsAt, d.timeZone, l)}. Tešíme sa na Vás!`,
        calendarHint: 'Súbor kalendára (.ics) je priložený k e-mailu.',
      },
    });
  }
}
