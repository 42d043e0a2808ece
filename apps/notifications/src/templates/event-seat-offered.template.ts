import { EventEmailTemplate, eventTitle, formatEventTime } from './event-email.template';

/** `events.seat-offered`: a freed seat is held for a waitlisted person until a deadline. */
export class EventSeatOfferedTemplate extends EventEmailTemplate {
  constructor() {
    super('events.seat-offered', {
      uk: {
        subject: (title) => `Для вас звільнилося місце: ${title}`,
        heading: 'Вам пропонують місце',
        intro: (d, l) =>
          `На подію «${eventTitle(d, 'uk')}» звільнилося місце. Воно заброньоване для вас до ${formatEventTime(d.offerExpiresAt ?? '', d.timeZone, l)}; прийміть його в Bridges до цього часу, інакше його запропонують наступній людині.`,
      },
      en: {
        subject: (title) => `A seat is free for you: ${title}`,
        heading: 'You are offered a seat',
        intro: (d, l) =>
          `A seat at “${eventTitle(d, 'en')}” is free. It is held for you until ${formatEventTime(d.offerExpiresAt ?? '', d.timeZone, l)}; accept it in Bridges by then, or it is offered to the next person.`,
      },
      pl: {
        subject: (title) => `Zwolniło się miejsce dla Państwa: ${title}`,
        heading: 'Proponujemy Państwu miejsce',
        intro: (d, l) =>
          `Na wydarzeniu „${eventTitle(d, l)}” zwolniło się miejsce. Rezerwujemy je dla Państwa do ${formatEventTime(d.offerExpiresAt ?? '', d.timeZone, l)}; prosimy przyjąć je w Bridges do tego czasu, w przeciwnym razie zaproponujemy je kolejnej osobie.`,
      },
      de: {
        subject: (title) => `Ein Platz ist für Sie frei: ${title}`,
        heading: 'Wir bieten Ihnen einen Platz an',
        intro: (d, l) =>
          `Bei „${eventTitle(d, l)}“ ist ein Platz frei geworden. Er ist bis ${formatEventTime(d.offerExpiresAt ?? '', d.timeZone, l)} für Sie reserviert; bitte nehmen Sie ihn bis dahin in Bridges an, sonst bieten wir ihn der nächsten Person an.`,
      },
      sk: {
        subject: (title) => `Uvoľnilo sa pre Vás miesto: ${title}`,
        heading: 'Ponúkame Vám miesto',
        intro: (d, l) =>
          `Na podujatí „${eventTitle(d, l)}“ sa uvoľnilo miesto. Rezervujeme ho pre Vás do ${formatEventTime(d.offerExpiresAt ?? '', d.timeZone, l)}; prijmite ho, prosím, v Bridges do tohto termínu, inak ho ponúkneme ďalšej osobe.`,
      },
    });
  }
}
