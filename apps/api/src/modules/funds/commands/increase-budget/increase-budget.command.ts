import { CommandMetadata } from '../../../../write-side/command-metadata';
import { IncreaseBudgetRequestDto } from './increase-budget.request.dto';

export class IncreaseBudgetCommand {
  constructor(
    readonly budgetId: string,
    readonly body: IncreaseBudgetRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
