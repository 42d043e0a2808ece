import { EventEmailTemplate, eventTitle } from './event-email.template';

/** `events.registration-waitlisted`: no seat or quota left at registration; the person is on the list. */
export class EventRegistrationWaitlistedTemplate extends EventEmailTemplate {
  constructor() {
    super('events.registration-waitlisted', {
      uk: {
        subject: (title) => `Лист очікування: ${title}`,
        heading: 'Ви в листі очікування',
        intro: (d) =>
          `Місць на подію «${eventTitle(d, 'uk')}» зараз немає. Щойно місце звільниться, ми запропонуємо його вам листом.`,
      },
      en: {
        subject: (title) => `Waiting list: ${title}`,
        heading: 'You are on the waiting list',
        intro: (d) =>
          `“${eventTitle(d, 'en')}” has no seat left for now. When one frees up, we will offer it to you by email.`,
      },
    });
  }
}
