import { EventEmailTemplate, eventTitle } from './event-email.template';

/** `events.event-cancelled`: an event someone registered for is cancelled (`.ics` with METHOD:CANCEL). */
export class EventCancelledTemplate extends EventEmailTemplate {
  constructor() {
    super('events.event-cancelled', {
      uk: {
        subject: (title) => `Подію скасовано: ${title}`,
        heading: 'Подію скасовано',
        intro: (d) => `На жаль, подію «${eventTitle(d, 'uk')}» скасовано.`,
        calendarHint: 'Файл календаря (.ics) у листі прибере подію з вашого календаря.',
      },
      en: {
        subject: (title) => `Event cancelled: ${title}`,
        heading: 'The event is cancelled',
        intro: (d) => `We are sorry: “${eventTitle(d, 'en')}” is cancelled.`,
        calendarHint: 'The calendar file (.ics) attached removes the event from your calendar.',
      },
      pl: {
        subject: (title) => `Wydarzenie odwołane: ${title}`,
        heading: 'Wydarzenie zostało odwołane',
        intro: (d, l) => `Z przykrością informujemy, że wydarzenie „${eventTitle(d, l)}” zostało odwołane.`,
        calendarHint: 'Załączony plik kalendarza (.ics) usunie wydarzenie z Państwa kalendarza.',
      },
      de: {
        subject: (title) => `Veranstaltung abgesagt: ${title}`,
        heading: 'Die Veranstaltung ist abgesagt',
        intro: (d, l) => `Leider müssen wir Ihnen mitteilen, dass „${eventTitle(d, l)}“ abgesagt wurde.`,
        calendarHint: 'Die angehängte Kalenderdatei (.ics) entfernt die Veranstaltung aus Ihrem Kalender.',
      },
      sk: {
        subject: (title) => `Podujatie zrušené: ${title}`,
        heading: 'Podujatie je zrušené',
        intro: (d, l) => `S poľutovaním Vám oznamujeme, že podujatie „${eventTitle(d, l)}“ je zrušené.`,
        calendarHint: 'Priložený súbor kalendára (.ics) odstráni podujatie z Vášho kalendára.',
      },
    });
  }
}
