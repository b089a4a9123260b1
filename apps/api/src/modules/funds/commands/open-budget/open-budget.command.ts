import { CommandMetadata } from '@gongjian/write-side';
import { OpenBudgetRequestDto } from './open-budget.request.dto';

export class OpenBudgetCommand {
  constructor(
    readonly body: OpenBudgetRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
