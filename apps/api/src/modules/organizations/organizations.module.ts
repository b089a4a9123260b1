import { Module } from '@nestjs/common';
import { AssignFirstSecretaryHandler } from './commands/assign-first-secretary/assign-first-secretary.handler';
import { EndFirstSecretaryHandler } from './commands/end-first-secretary/end-first-secretary.handler';
import { AssignWorkTeamHandler } from './commands/assign-work-team/assign-work-team.handler';
import { EndWorkTeamHandler } from './commands/end-work-team/end-work-team.handler';
import { AssignInstructorHandler } from './commands/assign-instructor/assign-instructor.handler';
import { EndInstructorHandler } from './commands/end-instructor/end-instructor.handler';
import { RecordCollectiveIncomeHandler } from './commands/record-collective-income/record-collective-income.handler';
import { RecordMemberCountHandler } from './commands/record-member-count/record-member-count.handler';
import { RegisterOrganizationHandler } from './commands/register-organization/register-organization.handler';
import { SetVillageCategoriesHandler } from './commands/set-village-categories/set-village-categories.handler';
import { GetOrganizationHandler } from './queries/get-organization.handler';
import { ListOrganizationsHandler } from './queries/list-organizations.handler';
import { OrganizationQueriesController } from './organization-queries.controller';
import { OrganizationsController } from './organizations.controller';
import { organizationViewOptionsProvider } from './queries/organization-view-options';

@Module({
  controllers: [OrganizationsController, OrganizationQueriesController],
  providers: [
    RegisterOrganizationHandler,
    SetVillageCategoriesHandler,
    RecordCollectiveIncomeHandler,
    RecordMemberCountHandler,
    AssignFirstSecretaryHandler,
    EndFirstSecretaryHandler,
    AssignWorkTeamHandler,
    EndWorkTeamHandler,
    AssignInstructorHandler,
    EndInstructorHandler,
    organizationViewOptionsProvider,
    GetOrganizationHandler,
    ListOrganizationsHandler,
  ],
})
export class OrganizationsModule {}
