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
    });
  }
}
