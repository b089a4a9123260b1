import { Module } from '@nestjs/common';
import { AssignFirstSecretaryHandler } from './commands/assign-first-secretary/assign-first-secretary.handler';
import { RecordCollectiveIncomeHandler } from './commands/record-collective-income/record-collective-income.handler';
import { RecordMemberCountHandler } from './commands/record-member-count/record-member-count.handler';
import { RegisterOrganizationHandler } from './commands/register-organization/register-organization.handler';
import { SetVillageCategoriesHandler } from './commands/set-village-categories/set-village-categories.handler';
import { GetOrganizationHandler } from './queries/get-organization.handler';
import { ListOrganizationsHandler } from './queries/list-organizations.handler';
import { OrganizationQueriesController } from './organization-queries.controller';
import { OrganizationsController } from './organizations.controller';

@Module({
  controllers: [OrganizationsController, OrganizationQueriesController],
  providers: [
    RegisterOrganizationHandler,
    SetVillageCategoriesHandler,
    RecordCollectiveIncomeHandler,
    RecordMemberCountHandler,
    AssignFirstSecretaryHandler,
    GetOrganizationHandler,
    ListOrganizationsHandler,
  ],
})
export class OrganizationsModule {}
