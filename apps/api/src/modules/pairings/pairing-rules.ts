import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../../bootstrap/app-config.token';

/** The county's settings the pairing rules read (libs/config). */
export interface PairingRules {
  /** LATE_ENTRY_GRACE_DAYS: facts of a term accepted this long after it ends. */
  lateEntryGraceDays: number;
}

export const PAIRING_RULES = Symbol.for('gongjian.PairingRules');

export const pairingRulesProvider: Provider = {
  provide: PAIRING_RULES,
  useFactory: (config: AppConfig): PairingRules => ({
    lateEntryGraceDays: config.lateEntryGraceDays,
  }),
  inject: [APP_CONFIG],
};
