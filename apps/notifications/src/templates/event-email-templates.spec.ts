import { EventCancelledTemplate } from './event-cancelled.template';
import { EventChangedTemplate } from './event-changed.template';
import { eventEmailData } from './event-email.fixtures';
import { EventEmailTemplate } from './event-email.template';
import { EventKickOffInvitationTemplate } from './event-kick-off-invitation.template';
import { EventRegistrationConfirmedTemplate } from './event-registration-confirmed.template';
import { EventRegistrationWaitlistedTemplate } from './event-registration-waitlisted.template';
import { EventReminderTemplate } from './event-reminder.template';
import { EventSeatOfferedTemplate } from './event-seat-offered.template';
import { TemplateError, TemplateErrorCode } from './templates.errors';

const TITLE = 'Poland–Ukraine solidarity forum';

describe('event email templates', () => {
  it.each([
    new EventKickOffInvitationTemplate(),
    new EventRegistrationConfirmedTemplate(),
    new EventRegistrationWaitlistedTemplate(),
    new EventSeatOfferedTemplate(),
    new EventReminderTemplate(),
    new EventChangedTemplate(),
    new EventCancelledTemplate(),
  ])('should offer $id to participants from Poland, Germany and Slovakia', (template) => {
    expect(template.locales).toEqual(['uk', 'en', 'pl', 'de', 'sk']);
  });

  describe('shared parts', () => {
    // 09:00 UTC is 10:00 in Warsaw in March: the time is the event's, written in the reader's language.
    it.each([
      [
        'pl',
        'Dzień dobry, Оксана Мельник!',
        'Kiedy: 10 marca 2027',
        'Gdzie: ICE Kraków',
        'Otrzymują Państwo',
      ],
      ['de', 'Guten Tag Оксана Мельник,', 'Wann: 10. März 2027 um 10:00', 'Wo: ICE Kraków', 'Sie erhalten'],
      ['sk', 'Dobrý deň, Оксана Мельник,', 'Kedy: 10. marca 2027 o 10:00', 'Kde: ICE Kraków', 'Tento e-mail'],
    ])('should greet, label and sign off in %s', (locale, greeting, when, where, footer) => {
      const { text, html } = new EventRegistrationConfirmedTemplate().render(eventEmailData(), locale);

      expect(text).toContain(greeting);
      expect(text).toContain(when);
      expect(text).toContain('10:00 (Europe/Warsaw)');
      expect(text).toContain(where);
      expect(text).toContain(footer);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(text).not.toMatch(/When|Where|Dear|You receive/);
    });

    it.each([
      ['pl', 'Powód: Sala zmieniona'],
      ['de', 'Grund: Sala zmieniona'],
      ['sk', 'Dôvod: Sala zmieniona'],
    ])('should label the organiser’s reason and an online event in %s', (locale, reason) => {
      const data = eventEmailData({ online: true, place: undefined, reason: 'Sala zmieniona' });
      const { text } = new EventChangedTemplate().render(data, locale);

      expect(text).toContain(reason);
      expect(text).toMatch(/: Online/);
    });

    it('should refuse a language the shared parts are not written in, instead of wrapping it in English', () => {
      const fr = { subject: (t: string) => t, heading: 'Inscription confirmée', intro: () => 'Bonjour' };
      expect(() => new EventEmailTemplate('events.test', { uk: fr, en: fr, fr })).toThrow(
        expect.objectContaining<Partial<TemplateError>>({ code: TemplateErrorCode.InvalidTemplate }),
      );
    });

    it('should still write English to a reader whose language no event email has', () => {
      expect(new EventReminderTemplate().render(eventEmailData(), 'fr').subject).toBe(
        `Bridges: Reminder: ${TITLE}`,
      );
    });
  });

  it.each([
    ['pl', `Rejestracja potwierdzona: ${TITLE}`, `Państwa rejestracja na wydarzenie „${TITLE}” została`],
    ['de', `Anmeldung bestätigt: ${TITLE}`, `Ihre Anmeldung zur Veranstaltung „${TITLE}“ ist bestätigt.`],
    ['sk', `Registrácia potvrdená: ${TITLE}`, `Vaša registrácia na podujatie „${TITLE}“ je potvrdená.`],
  ])('should confirm a registration in %s', (locale, subject, line) => {
    const rendered = new EventRegistrationConfirmedTemplate().render(eventEmailData(), locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });

  it.each([
    ['pl', `Lista oczekujących: ${TITLE}`, 'zaproponujemy je Państwu w wiadomości e-mail'],
    ['de', `Warteliste: ${TITLE}`, 'bieten wir ihn Ihnen per E-Mail an'],
    ['sk', `Zoznam čakateľov: ${TITLE}`, 'ponúkneme Vám ho e-mailom'],
  ])('should tell a waitlisted person in %s', (locale, subject, line) => {
    const rendered = new EventRegistrationWaitlistedTemplate().render(eventEmailData(), locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });

  // The offer runs out at 10:00 UTC, 11:00 in Warsaw in December.
  it.each([
    ['pl', `Zwolniło się miejsce dla Państwa: ${TITLE}`, 'Rezerwujemy je dla Państwa do 2 grudnia 2026'],
    ['de', `Ein Platz ist für Sie frei: ${TITLE}`, 'bis 2. Dezember 2026 um 11:00 (Europe/Warsaw) für Sie'],
    ['sk', `Uvoľnilo sa pre Vás miesto: ${TITLE}`, 'pre Vás do 2. decembra 2026 o 11:00 (Europe/Warsaw)'],
  ])('should offer a freed seat in %s until the deadline in the event’s zone', (locale, subject, line) => {
    const data = eventEmailData({ offerExpiresAt: '2026-12-02T10:00:00.000Z' });
    const rendered = new EventSeatOfferedTemplate().render(data, locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
    expect(rendered.text).toContain('11:00 (Europe/Warsaw)');
  });

  it.each([
    [
      'pl',
      `Zaproszenie: ${TITLE}`,
      'Państwa nowe partnerstwo rozpoczyna się od dwustronnego spotkania online',
    ],
    ['de', `Einladung: ${TITLE}`, 'Ihre neue Partnerschaft beginnt mit einem bilateralen Online-Treffen'],
    ['sk', `Pozvánka: ${TITLE}`, 'Vaše nové partnerstvo sa začína dvojstranným online stretnutím'],
  ])('should invite both partners to their kick-off in %s', (locale, subject, line) => {
    const data = eventEmailData({ online: true, place: undefined });
    const rendered = new EventKickOffInvitationTemplate().render(data, locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });

  it.each([
    ['pl', `Przypomnienie: ${TITLE}`, 'rozpocznie się 10 marca 2027'],
    ['de', `Erinnerung: ${TITLE}`, 'beginnt am 10. März 2027 um 10:00 (Europe/Warsaw)'],
    ['sk', `Pripomienka: ${TITLE}`, 'sa začína 10. marca 2027 o 10:00 (Europe/Warsaw)'],
  ])('should remind a participant in %s', (locale, subject, line) => {
    const rendered = new EventReminderTemplate().render(eventEmailData(), locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });

  it.each([
    ['pl', `Zmiany w wydarzeniu: ${TITLE}`, 'Organizator zmienił wydarzenie'],
    ['de', `Veranstaltung geändert: ${TITLE}`, 'Die aktuellen Angaben finden Sie unten.'],
    ['sk', `Zmena podujatia: ${TITLE}`, 'Organizátor zmenil podujatie'],
  ])('should announce a change in %s', (locale, subject, line) => {
    const rendered = new EventChangedTemplate().render(eventEmailData(), locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });

  it.each([
    ['pl', `Wydarzenie odwołane: ${TITLE}`, 'zostało odwołane'],
    ['de', `Veranstaltung abgesagt: ${TITLE}`, 'abgesagt wurde'],
    ['sk', `Podujatie zrušené: ${TITLE}`, 'je zrušené'],
  ])('should announce a cancellation in %s', (locale, subject, line) => {
    const rendered = new EventCancelledTemplate().render(eventEmailData(), locale);
    expect(rendered.subject).toBe(`Bridges: ${subject}`);
    expect(rendered.text).toContain(line);
  });
});
