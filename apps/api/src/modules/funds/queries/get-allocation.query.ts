import { AuthenticatedActor } from '../../../http/auth/api-key';

export class GetAllocationQuery {
  constructor(
    readonly allocationId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}
