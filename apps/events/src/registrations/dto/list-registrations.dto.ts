import { PageQueryDto } from '@bridges/platform';

export class ListRegistrationsDto extends PageQueryDto {}
