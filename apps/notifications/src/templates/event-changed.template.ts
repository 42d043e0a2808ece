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
    });
  }
}
