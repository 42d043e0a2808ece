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
      pl: {
        subject: (title) => `Zaproszenie: ${title}`,
        heading: 'Zaproszenie na spotkanie inaugurujące partnerstwo',
        intro: (d, l) =>
          `Państwa nowe partnerstwo rozpoczyna się od dwustronnego spotkania online „${eventTitle(d, l)}”. Proponowany termin podajemy poniżej; koordynator może go zmienić, a wówczas Państwa o tym poinformujemy.`,
        calendarHint: 'Zaproszenie do kalendarza (.ics) jest załączone do wiadomości.',
      },
      de: {
        subject: (title) => `Einladung: ${title}`,
        heading: 'Einladung zum Auftakttreffen Ihrer Partnerschaft',
        intro: (d, l) =>
          `Ihre neue Partnerschaft beginnt mit einem bilateralen Online-Treffen, „${eventTitle(d, l)}“. Den vorgeschlagenen Termin finden Sie unten; die Koordination kann ihn verschieben, und wir informieren Sie dann darüber.`,
        calendarHint: 'Die Kalendereinladung (.ics) ist angehängt.',
      },
      sk: {
        subject: (title) => `Pozvánka: ${title}`,
        heading: 'Pozvánka na úvodné stretnutie Vášho partnerstva',
        intro: (d, l) =>
          `Vaše nové partnerstvo sa začína dvojstranným online stretnutím „${eventTitle(d, l)}“. Navrhovaný termín je uvedený nižšie; koordinátor ho môže presunúť a v takom prípade Vás o tom budeme informovať.`,
        calendarHint: 'Pozvánka do kalendára (.ics) je priložená k e-mailu.',
      },
    });
  }
}
