import { Module } from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { GetReportHandler } from './queries/get-report.handler';
import { ReportCache } from './report-cache';
import { reportCacheMsFrom, reportOptionsFrom, REPORT_OPTIONS } from './report-options';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [
    GetReportHandler,
    {
      provide: REPORT_OPTIONS,
      useFactory: (config: AppConfig) => reportOptionsFrom(config),
      inject: [APP_CONFIG],
    },
    { provide: ReportCache, useFactory: () => new ReportCache(reportCacheMsFrom(process.env)) },
  ],
})
export class ReportsModule {}
