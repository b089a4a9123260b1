import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  AnchorSchedule,
  AuditAnchorService,
  formatVerifierKey,
  LeafIndex,
  NoteSigner,
  verifierOf,
} from '@gongjian/audit';
import type { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { AUDIT_ANCHORS, AUDIT_LEAF_INDEX, AUDIT_SIGNER } from './audit.tokens';

export const SCHEDULE_ACTOR = { id: 'audit-anchor-schedule', role: 'scheduler' };

/**
 * Says at start which key signs checkpoints, and runs the checkpoint schedule where projections
 * run: in the api in embedded mode (a worker hosts it otherwise).
 */
@Injectable()
export class AuditAnchorHosting implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private schedule?: AnchorSchedule;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_SIGNER) private readonly signer: NoteSigner,
    @Inject(AUDIT_LEAF_INDEX) private readonly leaves: LeafIndex,
    @Inject(AUDIT_ANCHORS) private readonly anchors: AuditAnchorService,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(
      `audit checkpoints are signed by ${formatVerifierKey(verifierOf(this.signer))}`,
    );
    const when = this.config.auditAnchorSchedule;
    if (this.config.projections !== 'embedded' || !when) return;
    this.schedule = new AnchorSchedule(
      () => this.anchors.anchor(SCHEDULE_ACTOR),
      when.cron,
      when.timezone,
      { info: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    );
    this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule?.stop();
    this.leaves.close();
  }
}
