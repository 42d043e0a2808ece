import { randomUUID } from 'node:crypto';
import { inboundVocabularyProblems, mergeContact } from './inbound-event.rules';

describe('inbound association event rules', () => {
  describe(inboundVocabularyProblems.name, () => {
    it('should accept vocabulary sectors and languages', () => {
      expect(
        inboundVocabularyProblems({
          offers: [{ sector: 'transport' }],
          workingLanguages: ['pl'],
          contact: { name: 'a', email: 'a@b.pl', preferredLanguage: 'pl' },
        }),
      ).toEqual([]);
    });

    it('should name every sector and language the vocabulary does not know', () => {
      expect(
        inboundVocabularyProblems({
          needs: [{ sector: 'transport' }, { sector: 'space' }],
          workingLanguages: ['xx'],
        }),
      ).toEqual([
        'needs[1].sector: "space" is not a sector of the vocabulary',
        'workingLanguages[0]: "xx" is not a language of the vocabulary',
      ]);
    });
  });

  describe(mergeContact.name, () => {
    const existing = {
      contactId: randomUUID(),
      name: 'Jan',
      email: 'Jan@Example.pl',
      preferredLanguage: 'pl',
    };

    it('should keep the list when the event names no contact', () => {
      expect(mergeContact([existing], undefined)).toEqual([existing]);
    });

    it('should refresh the contact with the same email, case-insensitively, keeping its id', () => {
      const merged = mergeContact([existing], {
        name: 'Jan Nowak',
        email: 'jan@example.pl',
        role: 'Mayor',
        preferredLanguage: 'en',
      });
      expect(merged).toEqual([
        {
          contactId: existing.contactId,
          name: 'Jan Nowak',
          email: 'jan@example.pl',
          role: 'Mayor',
          preferredLanguage: 'en',
        },
      ]);
    });

    it('should add a new contact with a fresh id when the email is new', () => {
      const merged = mergeContact([existing], {
        name: 'Ewa',
        email: 'ewa@example.pl',
        preferredLanguage: 'pl',
      });
      expect(merged).toHaveLength(2);
      expect(merged[1].contactId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
