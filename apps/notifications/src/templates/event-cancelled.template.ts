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
    });
  }
}
