import type { EventEmailData } from './event-email.template';
import { UNSUBSCRIBE_URL } from './template.fixtures';

/** A solidarity forum in Kraków, as event emails receive it. */
export function eventEmailData(overrides: Partial<EventEmailData> = {}): EventEmailData {
  return {
    titleUk: 'Форум солідарності Польща–Україна',
    titleEn: 'Poland–Ukraine solidarity forum',
    startsAt: '2027-03-10T09:00:00.000Z',
    endsAt: '2027-03-10T16:00:00.000Z',
    timeZone: 'Europe/Warsaw',
    online: false,
    place: 'ICE Kraków, ul. Marii Konopnickiej 17',
    unsubscribeUrl: UNSUBSCRIBE_URL,
    recipientName: 'Оксана Мельник',
    ...overrides,
  };
}
