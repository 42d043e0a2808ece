import { DependencyNotYetAvailableError } from '@bridges/messaging';

/** The dependency key of a municipality's profile: parked events name it, the registry consumer reports it arrived. */
export function municipalityDependency(municipalityId: string): string {
  return `municipality:${municipalityId}`;
}

/**
 * A partnership names a municipality whose registry profile has not reached logistics yet (topics are not
 * ordered with each other): the event is parked and resumes when that profile arrives, never dead-lettered.
 */
export class PartnerNotProjectedYetError extends DependencyNotYetAvailableError {
  override readonly name = 'PartnerNotProjectedYetError';
  constructor(readonly municipalityId: string) {
    super(
      municipalityDependency(municipalityId),
      `Municipality ${municipalityId} has not reached logistics yet`,
    );
  }
}
