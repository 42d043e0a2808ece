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
    });
  }
}
