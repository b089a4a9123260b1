import { CommandMetadata } from '@gongjian/write-side';
import { RegisterOrganizationRequestDto } from './register-organization.request.dto';

export class RegisterOrganizationCommand {
  constructor(
    readonly body: RegisterOrganizationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
