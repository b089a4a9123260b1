import { Module } from '@nestjs/common';
import { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { AllocationsController } from './allocations.controller';
import { BudgetsController } from './budgets.controller';
import { AllocateFundsHandler } from './commands/allocate-funds/allocate-funds.handler';
import { CancelAllocationHandler } from './commands/cancel-allocation/cancel-allocation.handler';
import { IncreaseBudgetHandler } from './commands/increase-budget/increase-budget.handler';
import { ReduceBudgetHandler } from './commands/reduce-budget/reduce-budget.handler';
import { OpenBudgetHandler } from './commands/open-budget/open-budget.handler';
import { RecordDisbursementHandler } from './commands/record-disbursement/record-disbursement.handler';
import { RecordExpenditureHandler } from './commands/record-expenditure/record-expenditure.handler';
import { ReduceAllocationHandler } from './commands/reduce-allocation/reduce-allocation.handler';
import { GetAllocationHandler } from './queries/get-allocation.handler';
import { GetBudgetHandler } from './queries/get-budget.handler';
import { ListAllocationsHandler } from './queries/list-allocations.handler';
import { FundsSummaryHandler } from './queries/funds-summary.handler';
import { pairingRulesProvider } from '../pairings/pairing-rules';
import { FUNDING_STANDARDS, loadFundingStandards } from './queries/funding-standards.source';
import { AllocationQueriesController } from './allocation-queries.controller';
import { BudgetQueriesController } from './budget-queries.controller';
import { FundsSummaryController } from './funds-summary.controller';

@Module({
  controllers: [
    BudgetsController,
    BudgetQueriesController,
    AllocationsController,
    AllocationQueriesController,
    FundsSummaryController,
  ],
  providers: [
    pairingRulesProvider,
    OpenBudgetHandler,
    IncreaseBudgetHandler,
    ReduceBudgetHandler,
    AllocateFundsHandler,
    RecordDisbursementHandler,
    RecordExpenditureHandler,
    ReduceAllocationHandler,
    CancelAllocationHandler,
    GetAllocationHandler,
    GetBudgetHandler,
    ListAllocationsHandler,
    FundsSummaryHandler,
    {
      provide: FUNDING_STANDARDS,
      useFactory: (config: AppConfig) => loadFundingStandards(config),
      inject: [APP_CONFIG],
    },
  ],
})
export class FundsModule {}
