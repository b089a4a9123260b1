import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN } from '@gongjian/domain';
import { APP_CONFIG } from '../../../bootstrap/app-config.token';

/** What the Organization read shape derives with the county's settings. */
export interface OrganizationViewOptions {
  /** HOLLOW_ECONOMY_THRESHOLD_FEN: 空壳村 below this collective income. */
  hollowEconomyThresholdFen: number;
}

export const ORGANIZATION_VIEW_OPTIONS = Symbol.for('gongjian.OrganizationViewOptions');

export const DEFAULT_ORGANIZATION_VIEW_OPTIONS: OrganizationViewOptions = {
  hollowEconomyThresholdFen: DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN,
};

export const organizationViewOptionsProvider: Provider = {
  provide: ORGANIZATION_VIEW_OPTIONS,
  useFactory: (config: AppConfig): OrganizationViewOptions => ({
    hollowEconomyThresholdFen: config.hollowEconomyThresholdFen,
  }),
  inject: [APP_CONFIG],
};
