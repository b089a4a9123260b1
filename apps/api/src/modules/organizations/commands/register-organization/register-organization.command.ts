import { CommandMetadata } from '../../../../write-side/command-metadata';
import { RegisterOrganizationRequestDto } from './register-organization.request.dto';

export class RegisterOrganizationCommand {
  constructor(
    readonly body: RegisterOrganizationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
