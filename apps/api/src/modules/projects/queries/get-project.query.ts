import { AuthenticatedActor } from '../../../http/auth/api-key';

export class GetProjectQuery {
  constructor(
    readonly projectId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}
