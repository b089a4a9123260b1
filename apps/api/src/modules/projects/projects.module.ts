import { Module } from '@nestjs/common';
import { CompleteProjectHandler } from './commands/complete-project/complete-project.handler';
import { LaunchProjectHandler } from './commands/launch-project/launch-project.handler';
import { RecordFundingHandler } from './commands/record-funding/record-funding.handler';
import { RecordOutputHandler } from './commands/record-output/record-output.handler';
import { RecordInvestmentHandler } from './commands/record-investment/record-investment.handler';
import { GetProjectHandler } from './queries/get-project.handler';
import { ListProjectsHandler } from './queries/list-projects.handler';
import { ProjectQueriesController } from './project-queries.controller';
import { ProjectsController } from './projects.controller';

@Module({
  controllers: [ProjectsController, ProjectQueriesController],
  providers: [
    LaunchProjectHandler,
    RecordInvestmentHandler,
    CompleteProjectHandler,
    RecordFundingHandler,
    RecordOutputHandler,
    GetProjectHandler,
    ListProjectsHandler,
  ],
})
export class ProjectsModule {}
