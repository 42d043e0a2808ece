import { randomUUID } from 'node:crypto';
import type { AssociationContactV1, SectorStatementV1 } from '@bridges/contracts';
import { isLanguageCode, isSectorId } from '@bridges/contracts/vocabulary';
import type { MunicipalityContact } from '../municipalities/municipality.entity';

/**
 * Vocabulary problems of an inbound association event's statements and languages. The contract
 * carries them as strings (tolerant reader); the registry stores only vocabulary values.
 */
export function inboundVocabularyProblems(payload: {
  offers?: readonly SectorStatementV1[];
  needs?: readonly SectorStatementV1[];
  workingLanguages?: readonly string[];
  contact?: AssociationContactV1;
}): string[] {
  const problems: string[] = [];
  for (const field of ['offers', 'needs'] as const) {
    (payload[field] ?? []).forEach((s, i) => {
      if (!isSectorId(s.sector))
        problems.push(`${field}[${i}].sector: "${s.sector}" is not a sector of the vocabulary`);
    });
  }
  (payload.workingLanguages ?? []).forEach((l, i) => {
    if (!isLanguageCode(l))
      problems.push(`workingLanguages[${i}]: "${l}" is not a language of the vocabulary`);
  });
  if (payload.contact && !isLanguageCode(payload.contact.preferredLanguage)) {
    problems.push(
      `contact.preferredLanguage: "${payload.contact.preferredLanguage}" is not a language of the vocabulary`,
    );
  }
  return problems;
}

/** Adds the association's contact, or refreshes the one with the same email (keeping its id). */
export function mergeContact(
  contacts: readonly MunicipalityContact[],
  incoming: AssociationContactV1 | undefined,
): MunicipalityContact[] {
  if (!incoming) return [...contacts];
  const email = incoming.email.toLowerCase();
  const existing = contacts.find((c) => c.email.toLowerCase() === email);
  const merged: MunicipalityContact = {
    contactId: existing?.contactId ?? randomUUID(),
    name: incoming.name,
    email: incoming.email,
    preferredLanguage: incoming.preferredLanguage,
  };
  if (incoming.role !== undefined) merged.role = incoming.role;
  if (incoming.phone !== undefined) merged.phone = incoming.phone;
  return existing ? contacts.map((c) => (c === existing ? merged : c)) : [...contacts, merged];
}
