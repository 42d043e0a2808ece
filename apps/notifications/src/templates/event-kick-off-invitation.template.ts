import { EventEmailTemplate, eventTitle } from './event-email.template';

/** `events.kick-off-invitation`: both partners of a new partnership are invited to their online kick-off meeting (with `.ics`). */
export class EventKickOffInvitationTemplate extends EventEmailTemplate {
  constructor() {
    super('events.kick-off-invitation', {
      uk: {
        subject: (title) => `Запрошення: ${title}`,
        heading: 'Запрошення на стартову зустріч партнерства',
        intro: (d) =>
          `Ваше нове партнерство починається з двосторонньої онлайн-зустрічі «${eventTitle(d, 'uk')}». Запропонований час наведено нижче; координатор може його перенести, і ми повідомимо вас про зміни.`,
        calendarHint: 'Запрошення для календаря (.ics) додано до листа.',
      },
      en: {
        subject: (title) => `Invitation: ${title}`,
        heading: 'Invitation to your partnership’s kick-off meeting',
        intro: (d) =>
          `Your new partnership starts with a bilateral online meeting, “${eventTitle(d, 'en')}”. The proposed time is below; the coordinator may move it, and we will tell you if so.`,
        calendarHint: 'The calendar invitation (.ics) is attached.',
      },
    });
  }
}
