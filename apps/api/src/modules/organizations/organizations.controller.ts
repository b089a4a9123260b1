import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { AssignFirstSecretaryCommand } from './commands/assign-first-secretary/assign-first-secretary.command';
import { AssignFirstSecretaryRequestDto } from './commands/assign-first-secretary/assign-first-secretary.request.dto';
import { EndFirstSecretaryCommand } from './commands/end-first-secretary/end-first-secretary.command';
import { EndAssignmentRequestDto } from './commands/shared/end-assignment.request.dto';
import { AssignWorkTeamCommand } from './commands/assign-work-team/assign-work-team.command';
import { AssignWorkTeamRequestDto } from './commands/assign-work-team/assign-work-team.request.dto';
import { EndWorkTeamCommand } from './commands/end-work-team/end-work-team.command';
import { AssignInstructorCommand } from './commands/assign-instructor/assign-instructor.command';
import { AssignInstructorRequestDto } from './commands/assign-instructor/assign-instructor.request.dto';
import { EndInstructorCommand } from './commands/end-instructor/end-instructor.command';
import { RecordCollectiveIncomeCommand } from './commands/record-collective-income/record-collective-income.command';
import { RecordCollectiveIncomeRequestDto } from './commands/record-collective-income/record-collective-income.request.dto';
import { RecordMemberCountCommand } from './commands/record-member-count/record-member-count.command';
import { RecordMemberCountRequestDto } from './commands/record-member-count/record-member-count.request.dto';
import { RegisterOrganizationCommand } from './commands/register-organization/register-organization.command';
import { RegisterOrganizationRequestDto } from './commands/register-organization/register-organization.request.dto';
import { SetVillageCategoriesCommand } from './commands/set-village-categories/set-village-categories.command';
import { SetVillageCategoriesRequestDto } from './commands/set-village-categories/set-village-categories.request.dto';

@ApiTags('organizations (党组织)')
@ApiBearerAuth()
@Controller('api/v1/organizations')
@UseInterceptors(CommandResultInterceptor)
export class OrganizationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Register a Party organization' })
  register(
    @Body() body: RegisterOrganizationRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RegisterOrganizationCommand(body, meta));
  }

  @Post(':id/categories')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Set village categories (软弱涣散, 乱村, 贫困, …) with a reason' })
  setCategories(
    @Param('id') id: string,
    @Body() body: SetVillageCategoriesRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new SetVillageCategoriesCommand(id, body, meta));
  }

  @Post(':id/collective-income')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Record a year of village collective income (村集体经济收入)' })
  recordCollectiveIncome(
    @Param('id') id: string,
    @Body() body: RecordCollectiveIncomeRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordCollectiveIncomeCommand(id, body, meta));
  }

  @Post(':id/member-count')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Record a year of member counts' })
  recordMemberCount(
    @Param('id') id: string,
    @Body() body: RecordMemberCountRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordMemberCountCommand(id, body, meta));
  }

  @Post(':id/first-secretary')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary: 'Assign a first secretary (第一书记)',
    description:
      'A current first secretary is replaced: their assignment ends on startsOn (FirstSecretaryEnded), `replaces` names them.',
  })
  assignFirstSecretary(
    @Param('id') id: string,
    @Body() body: AssignFirstSecretaryRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new AssignFirstSecretaryCommand(id, body, meta));
  }

  @Post(':id/first-secretary/end')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: "End the first secretary's assignment (第一书记任期结束)" })
  endFirstSecretary(
    @Param('id') id: string,
    @Body() body: EndAssignmentRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new EndFirstSecretaryCommand(id, body, meta));
  }

  @Post(':id/work-teams')
  @Roles('operator')
  @ApiOperation({ summary: 'Station a resident work team (驻村工作队) in a village or community' })
  assignWorkTeam(
    @Param('id') id: string,
    @Body() body: AssignWorkTeamRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new AssignWorkTeamCommand(id, body, meta));
  }

  @Post(':id/work-teams/:teamId/end')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: "End a resident work team's assignment" })
  endWorkTeam(
    @Param('id') id: string,
    @Param('teamId') teamId: string,
    @Body() body: EndAssignmentRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new EndWorkTeamCommand(id, teamId, body, meta));
  }

  @Post(':id/instructors')
  @Roles('operator')
  @ApiOperation({
    summary:
      'Assign a Party-building instructor (党建指导员) to a village, community or 两新 organization',
  })
  assignInstructor(
    @Param('id') id: string,
    @Body() body: AssignInstructorRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new AssignInstructorCommand(id, body, meta));
  }

  @Post(':id/instructors/:instructorId/end')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: "End a Party-building instructor's assignment" })
  endInstructor(
    @Param('id') id: string,
    @Param('instructorId') instructorId: string,
    @Body() body: EndAssignmentRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new EndInstructorCommand(id, instructorId, body, meta));
  }
}
