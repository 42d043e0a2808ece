import type { EventDraftOrigin, EventFormat, EventKind, LanguageCode } from '@bridges/contracts';
import type { FieldError } from '@bridges/platform';
import type { EventAccess, OrganiserType } from './event.entity';
import type { QuotaDimension } from './event-quota.entity';

/** Everything a new event needs, whoever drafts it (a coordinator over HTTP, or a Kafka handler). */
export interface EventDraft {
  readonly kind: EventKind;
  readonly titleUk: string;
  readonly titleEn: string;
  readonly titleHost?: string;
  readonly hostLanguage?: LanguageCode;
  readonly descriptionUk?: string;
  readonly descriptionEn?: string;
  readonly descriptionHost?: string;
  readonly organiserType: OrganiserType;
  readonly organiserId?: string;
  readonly format: EventFormat;
  readonly venue?: string;
  readonly address?: string;
  readonly location?: { lat: number; lon: number };
  readonly onlineLink?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly timeZone: string;
  readonly workingLanguages: readonly LanguageCode[];
  readonly interpretationLanguages?: readonly LanguageCode[];
  readonly registrationOpensAt?: Date;
  readonly registrationClosesAt?: Date;
  readonly capacity: number;
  readonly approvalRequired: boolean;
  readonly access: EventAccess;
  readonly offerHoldHours?: number;
  readonly quotas?: readonly { dimension: QuotaDimension; key: string; seats: number }[];
  readonly invitedMunicipalityIds?: readonly string[];
  readonly origin: EventDraftOrigin;
  readonly partnershipId?: string;
  readonly associationId?: string;
  readonly externalForumId?: string;
}

/** The schedule and shape of an event as it would be after a change. */
export interface EventShape {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly registrationOpensAt: Date | null;
  readonly registrationClosesAt: Date | null;
  readonly capacity: number;
  readonly quotas?: readonly { dimension: string; key: string; seats: number }[];
}

/** Cross-field rules class-validator cannot state: each problem names its field, for the 400. */
export function eventShapeProblems(e: EventShape): FieldError[] {
  const problems: FieldError[] = [];
  if (e.endsAt.getTime() <= e.startsAt.getTime())
    problems.push({ field: 'endsAt', messages: ['must be after startsAt'] });
  if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt <= e.registrationOpensAt)
    problems.push({ field: 'registrationClosesAt', messages: ['must be after registrationOpensAt'] });
  if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt)
    problems.push({ field: 'registrationClosesAt', messages: ['must not be after endsAt'] });
  const seen = new Set<string>();
  for (const [i, q] of (e.quotas ?? []).entries()) {
    const id = `${q.dimension}:${q.key}`;
    if (seen.has(id)) problems.push({ field: `quotas[${i}]`, messages: [`repeats ${id}`] });
    seen.add(id);
    if (q.seats > e.capacity)
      problems.push({ field: `quotas[${i}].seats`, messages: ['must not exceed capacity'] });
  }
  return problems;
}
