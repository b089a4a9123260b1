import { AuthenticatedActor } from '../../../http/auth/api-key';

export class GetPairingQuery {
  constructor(
    readonly pairingId: string,
    readonly actor: AuthenticatedActor,
  ) {}
}
