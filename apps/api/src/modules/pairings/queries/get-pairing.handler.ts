import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { shanghaiDate } from '@gongjian/write-side';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { pairingNotFound } from '@gongjian/domain';
import { pairingCollections } from './pairing-documents';
import { activistsDesignatedFor, toPairingView } from './pairing.view';

export class GetPairingQuery {
  constructor(
    readonly pairingId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/** One pairing with activities per month against the targets and commitments against delivery. */
@QueryHandler(GetPairingQuery)
export class GetPairingHandler implements IQueryHandler<GetPairingQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ pairingId, actor, minPosition }: GetPairingQuery) {
    await awaitPosition(this.reader, minPosition);
    const { pairings, activists } = await pairingCollections(this.reader);
    const pairing = await pairings.findById(pairingId);
    if (!pairing) throw pairingNotFound(pairingId);
    assertReadableBy(actor, pairing.townships as string[]);
    const rural = await activists.findById(pairing.ruralOrganizationId as string);
    const today = shanghaiDate(new Date().toISOString());
    return toPairingView(pairing, activistsDesignatedFor(pairingId, rural), today);
  }
}
