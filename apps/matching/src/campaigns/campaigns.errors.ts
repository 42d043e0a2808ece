import { DomainError, DomainErrorKind } from '@bridges/platform';

/** Stable codes of campaign errors. */
export enum CampaignErrorCode {
  NotFound = 'CAMPAIGN_NOT_FOUND',
  SlugTaken = 'CAMPAIGN_SLUG_TAKEN',
  NotActive = 'CAMPAIGN_NOT_ACTIVE',
  InvalidWeights = 'CAMPAIGN_INVALID_WEIGHTS',
}

export class CampaignNotFoundError extends DomainError {
  constructor(id: string) {
    super(CampaignErrorCode.NotFound, DomainErrorKind.NotFound, `Campaign ${id} does not exist`);
  }
}

export class CampaignSlugTakenError extends DomainError {
  constructor(slug: string) {
    super(
      CampaignErrorCode.SlugTaken,
      DomainErrorKind.Conflict,
      `A campaign with slug "${slug}" exists already`,
    );
  }
}

export class CampaignNotActiveError extends DomainError {
  constructor(id: string) {
    super(CampaignErrorCode.NotActive, DomainErrorKind.Conflict, `Campaign ${id} is closed`);
  }
}

export class InvalidCampaignWeightsError extends DomainError {
  constructor() {
    super(
      CampaignErrorCode.InvalidWeights,
      DomainErrorKind.Invalid,
      'At least one factor weight must be positive',
    );
  }
}
