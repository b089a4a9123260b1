import { CommandMetadata } from '@gongjian/write-side';
import { ReduceBudgetRequestDto } from './reduce-budget.request.dto';

export class ReduceBudgetCommand {
  constructor(
    readonly budgetId: string,
    readonly body: ReduceBudgetRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
