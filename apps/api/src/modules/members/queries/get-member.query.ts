import { AuthenticatedActor } from '../../../http/auth/api-key';

export class GetMemberQuery {
  constructor(
    readonly memberId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}
