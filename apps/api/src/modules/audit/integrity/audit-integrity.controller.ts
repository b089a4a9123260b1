import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  allCheckpoints,
  AuditAnchorService,
  formatVerifierKey,
  LeafIndex,
  NoteSigner,
  verifierOf,
  verifyStore,
  verifyStream,
} from '@gongjian/audit';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { CurrentActor } from '../../../http/auth/current-actor.decorator';
import { Roles } from '../../../http/auth/roles.decorator';
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
  async anchor(@CurrentActor() actor: AuthenticatedActor, @Body() body: SignCheckpointDto) {
    try {
      return await this.anchors.anchor({ id: actor.id, role: actor.role }, body.reason);
    } catch (error) {
      throw auditProblem(error);
    }
  }

  @Get('anchors')
  @Roles('inspector')
  @ApiOperation({ summary: 'Every signed checkpoint, oldest first' })
  async listAnchors() {
    return { items: await allCheckpoints(this.store) };
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
