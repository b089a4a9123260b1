import { CommandMetadata } from '../../../../write-side/command-metadata';
import { OpenBudgetRequestDto } from './open-budget.request.dto';

export class OpenBudgetCommand {
  constructor(
    readonly body: OpenBudgetRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
