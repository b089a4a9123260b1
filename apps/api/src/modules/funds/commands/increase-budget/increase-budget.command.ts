import { CommandMetadata } from '@gongjian/write-side';
import { IncreaseBudgetRequestDto } from './increase-budget.request.dto';

export class IncreaseBudgetCommand {
  constructor(
    readonly budgetId: string,
    readonly body: IncreaseBudgetRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
