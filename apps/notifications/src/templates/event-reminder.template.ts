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
    });
  }
}
