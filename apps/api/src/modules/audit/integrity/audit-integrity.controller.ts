import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnchoredCheckpoint,
  anchoredCheckpoint,
  AUDIT_ANCHORS_STREAM,
  AuditAnchorService,
  formatVerifierKey,
  LeafIndex,
  NoteSigner,
  verifierOf,
  verifyStore,
  verifyStream,
} from '@gongjian/audit';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { CommandMetadata, DecisionRunner, isKeyedCommandId } from '@gongjian/write-side';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { CurrentActor } from '../../../http/auth/current-actor.decorator';
import { Roles } from '../../../http/auth/roles.decorator';
import { CommandMeta } from '../../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../../http/command-result.interceptor';
import { InvalidInputError } from '../../../http/validation/invalid-input.error';
import { decodeCursor, encodeCursor } from '../../../read-side/page-cursor';
import { DEFAULT_PAGE_SIZE, PagedQueryDto } from '../../../read-side/paged-query.dto';
import { auditProblem, streamNotFound } from '../audit-problems';
import { AUDIT_ANCHORS, AUDIT_LEAF_INDEX, AUDIT_SIGNER } from '../audit.tokens';
import { SignCheckpointDto } from './sign-checkpoint.dto';
import { StreamIdParam } from './stream-id.param';

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditIntegrityController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNER) private readonly signer: NoteSigner,
    @Inject(AUDIT_LEAF_INDEX) private readonly leaves: LeafIndex,
    @Inject(AUDIT_ANCHORS) private readonly anchors: AuditAnchorService,
    private readonly runner: DecisionRunner,
  ) {}

  @Get('verify')
  @Roles('inspector')
  @ApiOperation({
    summary: 'Verify the whole log against the latest signed checkpoint',
    description:
      'Every stream chain in log order, and the Merkle tree over the log up to the checkpoint: edited, deleted, moved or truncated events, rewritten tails with recomputed hashes, deleted streams. Reports the first broken link; events after the checkpoint are chain-checked and counted as unanchored.',
  })
  verify() {
    return verifyStore(this.store, verifierOf(this.signer), this.leaves);
  }

  @Get('streams/:streamId/verify')
  @Roles('inspector')
  @ApiOperation({ summary: "Verify one stream's chain and its anchored events" })
  async verifyStream(@Param() { streamId }: StreamIdParam) {
    const result = await verifyStream(this.store, verifierOf(this.signer), this.leaves, streamId);
    if (!result) throw streamNotFound(streamId);
    return result;
  }

  @Post('anchors')
  @HttpCode(201)
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Sign a checkpoint of the log now (admin or scheduler)',
    description:
      'Tree size and root as a C2SP signed note, appended to audit-anchors with a consistency proof to the previous checkpoint. 409 AUDIT_LOG_DIVERGED when the log no longer gives the previous root.',
  })
  @UseInterceptors(CommandResultInterceptor)
  async anchor(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: SignCheckpointDto,
    @CommandMeta() meta: CommandMetadata,
  ) {
    const request = isKeyedCommandId(meta.commandId)
      ? { commandId: meta.commandId, fingerprint: this.runner.fingerprint(meta) }
      : undefined;
    let checkpoint: AnchoredCheckpoint;
    try {
      checkpoint = await this.anchors.anchor(
        { id: actor.id, role: actor.role },
        body.reason,
        request,
      );
    } catch (error) {
      throw auditProblem(error);
    }
    // Answered as every command is, with the checkpoint itself beside it.
    return {
      ...checkpoint,
      id: String(checkpoint.revision),
      streamId: AUDIT_ANCHORS_STREAM,
      eventIds: checkpoint.eventId === undefined ? [] : [checkpoint.eventId],
    };
  }

  @Get('anchors')
  @Roles('inspector')
  @ApiOperation({ summary: 'The signed checkpoints, oldest first, a page at a time' })
  // Read from the log itself, which is always current: minPosition is accepted and met at once.
  async listAnchors(@Query() paging: PagedQueryDto) {
    const limit = paging.limit ?? DEFAULT_PAGE_SIZE;
    const after = paging.cursor === undefined ? -1 : revisionOf(decodeCursor(paging.cursor));
    // One more than the page, to tell whether another follows.
    const events = await this.store.readStream(AUDIT_ANCHORS_STREAM, {
      from: after + 1,
      limit: limit + 1,
    });
    const items = events.slice(0, limit).map(anchoredCheckpoint);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: events.length > limit ? encodeCursor(String(last.revision)) : null,
    };
  }

  @Get('public-key')
  @Roles('inspector')
  @ApiOperation({
    summary: 'The key that signs checkpoints and bundles',
    description: 'As a C2SP verifier key (give it to `audit verify --key`) and as PEM.',
  })
  publicKey() {
    const verifier = verifierOf(this.signer);
    return {
      name: verifier.name,
      keyId: verifier.keyId.toString('hex'),
      verifierKey: formatVerifierKey(verifier),
      publicKeyPem: this.signer.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    };
  }
}

function revisionOf(after: string): number {
  const revision = Number(after);
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new InvalidInputError([
      { field: 'cursor', message: 'cursor is not one this API issued' },
    ]);
  return revision;
}
