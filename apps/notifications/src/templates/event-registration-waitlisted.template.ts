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
      pl: {
        subject: (title) => `Lista oczekujących: ${title}`,
        heading: 'Są Państwo na liście oczekujących',
        intro: (d, l) =>
          `Na wydarzenie „${eventTitle(d, l)}” nie ma obecnie wolnych miejsc. Gdy tylko zwolni się miejsce, zaproponujemy je Państwu w wiadomości e-mail.`,
      },
      de: {
        subject: (title) => `Warteliste: ${title}`,
        heading: 'Sie stehen auf der Warteliste',
        intro: (d, l) =>
          `Für „${eventTitle(d, l)}“ ist derzeit kein Platz mehr frei. Sobald ein Platz frei wird, bieten wir ihn Ihnen per E-Mail an.`,
      },
      sk: {
        subject: (title) => `Zoznam čakateľov: ${title}`,
        heading: 'Ste na zozname čakateľov',
        intro: (d, l) =>
          `Na podujatie „${eventTitle(d, l)}“ momentálne nie je voľné miesto. Len čo sa nejaké uvoľní, ponúkneme Vám ho e-mailom.`,
      },
    });
  }
}
