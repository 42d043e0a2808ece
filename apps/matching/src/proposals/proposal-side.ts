import { ProposalSide } from '@bridges/contracts';
import { Role, type AuthenticatedUser } from '@bridges/platform';
import { isMatchingCoordinator } from '../common/access';
import type { ProposalEntity } from './proposal.entity';
import { NotYourSideError, ProposalSideRequiredError } from './proposals.errors';

/**
 * Which side `user` decides for: an officer decides for their own municipality's side (and may not name
 * the other); a matching coordinator decides on behalf of the side they name.
 */
export function resolveDecidingSide(
  user: AuthenticatedUser,
  proposal: Pick<ProposalEntity, 'hromadaId' | 'euMunicipalityId'>,
  requested?: ProposalSide,
): ProposalSide {
  if (isMatchingCoordinator(user)) {
    if (!requested) throw new ProposalSideRequiredError();
    return requested;
  }
  const officer = user.roles.includes(Role.MunicipalityOfficer) ? user.municipalityId : undefined;
  const own =
    officer === proposal.hromadaId
      ? ProposalSide.Hromada
      : officer === proposal.euMunicipalityId
        ? ProposalSide.EuMunicipality
        : undefined;
  if (!own) throw new NotYourSideError(requested ?? ProposalSide.Hromada);
  if (requested && requested !== own) throw new NotYourSideError(requested);
  return own;
}
