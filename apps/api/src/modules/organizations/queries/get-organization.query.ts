import { AuthenticatedActor } from '../../../http/auth/api-key';

export class GetOrganizationQuery {
  constructor(
    readonly organizationId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}
