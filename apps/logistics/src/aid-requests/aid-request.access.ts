import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AidRequestStatus } from '@bridges/contracts';
import { Role, type AuthenticatedUser } from '@bridges/platform';
import { assertInScope } from '../common/access';
import { PledgeEntity } from '../pledges/pledge.entity';
import { PartnershipProjectionService } from '../projection/partnership-projection.service';
import type { AidRequestEntity } from './aid-request.entity';
import { AidRequestNotFoundError } from './aid-requests.errors';

/**
 * Who may see a request: the hromada's officers; once published, the officers of every partner it is
 * addressed to while aid flows in their partnership (established or active); any partner that pledged on
 * it; logistics coordinators. Everyone else is answered as if it did not exist (the platform's rule).
 */
@Injectable()
export class AidRequestAccess {
  constructor(private readonly partnerships: PartnershipProjectionService) {}

  async assertCanSee(
    manager: EntityManager,
    user: AuthenticatedUser,
    request: AidRequestEntity,
  ): Promise<void> {
    const allowed = [request.hromadaId];
    const own = user.roles.includes(Role.MunicipalityOfficer) ? user.municipalityId : undefined;
    if (own && own !== request.hromadaId && (await this.partnerSees(manager, own, request)))
      allowed.push(own);
    assertInScope(user, allowed, () => new AidRequestNotFoundError(request.id));
  }

  private async partnerSees(
    manager: EntityManager,
    euId: string,
    request: AidRequestEntity,
  ): Promise<boolean> {
    if (await manager.existsBy(PledgeEntity, { requestId: request.id, euMunicipalityId: euId })) return true;
    if (request.status === AidRequestStatus.Draft) return false;
    if (request.addressedTo !== null && request.addressedTo !== euId) return false;
    return (await this.partnerships.findFlowing(manager, request.hromadaId, euId)) !== null;
  }
}
